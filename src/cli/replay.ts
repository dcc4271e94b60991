// npm run replay -- <check id>: sends the whole sequence of a failure recorded in
// reports/conformance.json (CONFORMANCE_REPORT_DIR) again, against the configured target (the
// embedded reference when none is named), prints each exchange (masked) and ends with one line:
// reproduced or not, and how the answer differs. Exit 0: reproduced; 1: not reproduced; 2: a
// wrong argument or setting, or nothing to replay; 3: the target cannot be reached.
import { join } from 'node:path'
import { ConfigError } from '../environment/configError.ts'
import { environment } from '../environment/environmentValues.ts'
import { SecretMask } from '../harness/client/secretMask.ts'
import { readHarnessConfig } from '../harness/config/harnessConfig.ts'
import { PreflightFailure, preflight } from '../harness/preflight/preflight.ts'
import { exitCodes, readReport } from '../harness/reporting/exitCodes.ts'
import { reportFileNames } from '../harness/reporting/reportFileNames.ts'
import { ReplayRun } from '../harness/replay/replayRun.ts'
import { startReferenceServer } from '../reference/server.ts'
import { withEmbeddedTarget } from '../runs/embeddedTarget.ts'
import { exitWhenDone } from './exitWhenDone.ts'

export const replayExitCodes = { reproduced: 0, notReproduced: 1 } as const

/** The one argument: the id of a check that failed in the report. */
function checkIdOf(args: readonly string[]): string {
  const flag = args.find((arg) => arg.startsWith('-'))
  if (flag) throw new ConfigError(flag, 'is not an option of npm run replay, which takes the id of a failed check')
  if (args.length !== 1)
    throw new ConfigError(
      'npm run replay',
      'takes the id of one failed check, e.g. npm run replay -- S8.user.update-then-get',
    )
  return args[0] as string
}

async function replay(args: string[]): Promise<number> {
  const checkId = checkIdOf(args)
  const env = withEmbeddedTarget(environment())
  const config = readHarnessConfig(env)
  const reportFile = join(config.reportDir, reportFileNames.json)
  const report = readReport(config.reportDir)
  if (!report) throw new ConfigError('npm run replay', `there is no report at ${reportFile}: run npm run certify first`)
  const check = report.checks.find((c) => c.id === checkId)
  if (!check) throw new ConfigError(checkId, `is not a check of the report at ${reportFile}`)
  if (check.status !== 'failed')
    throw new ConfigError(checkId, `${check.status} in that run: there is no failure to replay`)
  const recorded = check.failure?.replay
  if (!recorded) throw new ConfigError(checkId, 'its failure recorded no request to replay')

  let baseUrl = config.baseUrl
  let stopReference: (() => Promise<void>) | undefined
  if (!baseUrl) {
    const reference = await startReferenceServer({ token: config.token, botId: config.botId })
    stopReference = reference.close
    baseUrl = reference.url
    console.log(`No CONFORMANCE_BASE_URL: replaying against the embedded reference implementation at ${baseUrl}`)
  }
  try {
    await preflight({ ...config, baseUrl })
    const steps = recorded.steps.length
    console.log(
      `Replaying ${checkId} against ${baseUrl}: ${steps} request${steps === 1 ? '' : 's'}, the last the failing one`,
    )
    console.log(`  the check said: ${check.reason ?? 'failed'}`)
    const run = new ReplayRun(recorded, { ...config, baseUrl }, new SecretMask(config.token), (line) =>
      console.log(line),
    )
    const outcome = await run.run()
    console.log(outcome.verdict)
    return outcome.reproduced ? replayExitCodes.reproduced : replayExitCodes.notReproduced
  } finally {
    await stopReference?.()
  }
}

exitWhenDone('replay', replay(process.argv.slice(2)), (error) =>
  error instanceof PreflightFailure ? [`preflight failed: ${error.message}`, exitCodes.preflight] : undefined,
)
