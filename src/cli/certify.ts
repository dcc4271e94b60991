// npm run certify: checks the configuration, starts the embedded reference when no target is
// named, makes sure the target answers (preflight), runs the conformance suite with Playwright
// and exits 0 only when the target conforms. Extra arguments go to Playwright (--grep, --shard…).
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { ConfigError } from '../harness/config/configError.ts'
import { embeddedMarker, environment, readHarnessConfig, type Env } from '../harness/config/harnessConfig.ts'
import { runIdentity } from '../harness/config/runIdentity.ts'
import { PreflightFailure, preflight } from '../harness/preflight/preflight.ts'
import { removeReportFiles } from '../harness/reporting/reportFiles.ts'
import { startReferenceServer } from '../reference/server.ts'
import { exitCodeOf, exitCodes, exitWhenDone, readReport } from './verdict.ts'

export { exitCodes } from './verdict.ts'

const playwrightCli = createRequire(import.meta.url).resolve('@playwright/test/cli')

function runPlaywright(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [playwrightCli, 'test', ...args], { env, stdio: 'inherit' })
    const forward = (signal: NodeJS.Signals) => child.kill(signal)
    process.on('SIGINT', forward)
    process.on('SIGTERM', forward)
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward)
      process.off('SIGTERM', forward)
      resolve(code ?? (signal ? 128 : 1))
    })
  })
}

/** Arguments that would break a certification: a trace records the token; shards must share one run identity. */
function checkArguments(args: readonly string[], env: Env): void {
  const trace = args.findIndex((arg) => arg === '--trace' || arg.startsWith('--trace='))
  if (trace >= 0) {
    const mode = args[trace]?.split('=')[1] ?? args[trace + 1]
    if (mode !== 'off') throw new ConfigError('--trace', 'a trace records every request with its Authorization header (the token); certify runs without one')
  }
  if (args.some((arg) => arg === '--shard' || arg.startsWith('--shard='))) {
    for (const name of ['CONFORMANCE_SEED', 'CONFORMANCE_RUN_ID']) {
      if (!env[name]?.trim()) throw new ConfigError(name, 'a sharded run needs it set, to the same value on every shard, so that the merged report is one run')
    }
  }
}

async function certify(args: string[]): Promise<number> {
  const env = environment()
  const config = readHarnessConfig(env)
  checkArguments(args, env)
  const { seed } = runIdentity(env)
  console.log(`Seed ${seed} (replay the same cases with CONFORMANCE_SEED=${seed})`)

  let stopReference: (() => Promise<void>) | undefined
  let baseUrl = config.baseUrl
  if (!baseUrl) {
    const reference = await startReferenceServer({ token: config.token, botId: config.botId })
    stopReference = reference.close
    baseUrl = reference.url
    Object.assign(env, { CONFORMANCE_BASE_URL: baseUrl, [embeddedMarker]: '1', CONFORMANCE_TOKEN: config.token, CONFORMANCE_BOT_ID: config.botId })
    console.log(`No CONFORMANCE_BASE_URL: certifying the embedded reference implementation at ${baseUrl}`)
  } else {
    console.log(`Target: ${baseUrl}`)
  }

  try {
    await preflight({ ...config, baseUrl })
    removeReportFiles(config.reportDir)
    const playwrightExit = await runPlaywright(args, env)
    const report = readReport(config.reportDir)
    if (!report) {
      // A shard writes a blob report, not ours: npm run report merges the shards and judges.
      if (args.some((arg) => arg.startsWith('--shard'))) return playwrightExit === 0 ? exitCodes.conforms : exitCodes.doesNotConform
      console.error(`certify: the run wrote no report at ${join(config.reportDir, 'conformance.json')} (Playwright exited ${playwrightExit})`)
      return exitCodes.noReport
    }
    return exitCodeOf(report)
  } finally {
    await stopReference?.()
  }
}

exitWhenDone('certify', certify(process.argv.slice(2)), (error) =>
  error instanceof PreflightFailure ? [`preflight failed: ${error.message}`, exitCodes.preflight] : undefined,
)
