// npm run certify: checks the configuration, starts the embedded reference when no target is
// named, makes sure the target answers (preflight), runs the conformance suite with Playwright
// and exits 0 only when the target conforms. Extra arguments go to Playwright (--grep, --shard…).
import { spawn } from 'node:child_process'
import { readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { ConfigError } from '../harness/config/configError.ts'
import { embeddedMarker, environment, readHarnessConfig } from '../harness/config/harnessConfig.ts'
import { runIdentity } from '../harness/config/runIdentity.ts'
import { PreflightFailure, preflight, preflightDoneMarker } from '../harness/preflight/preflight.ts'
import type { ConformanceReport } from '../harness/reporting/conformanceReport.ts'
import { finishRun } from '../harness/run/runEnd.ts'
import { shardOfArguments } from '../harness/run/runFiles.ts'
import { startReferenceServer } from '../reference/server.ts'
import { Interruption } from './interruption.ts'

export const exitCodes = { conforms: 0, doesNotConform: 1, configuration: 2, preflight: 3, targetStopped: 3, noReport: 4 } as const

const playwrightCli = createRequire(import.meta.url).resolve('@playwright/test/cli')

function runPlaywright(args: string[], env: NodeJS.ProcessEnv, interruption: Interruption): Promise<number> {
  return new Promise((resolve) => {
    // Its own process group: a Ctrl+C reaches Playwright once, through interruption.ts.
    const child = spawn(process.execPath, [playwrightCli, 'test', ...args], { env, stdio: 'inherit', detached: true })
    interruption.running(child)
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)))
  })
}

async function certify(args: string[]): Promise<number> {
  const env = environment()
  const config = readHarnessConfig(env)
  const { seed, runId } = runIdentity(env)
  const interruption = new Interruption()
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
    env[preflightDoneMarker] = '1'
    const reportPath = join(config.reportDir, 'conformance.json')
    // A report left by an earlier run must never stand in for this one.
    rmSync(reportPath, { force: true })
    const playwrightExit = await runPlaywright(args, env, interruption)
    const end = await finishRun({ ...config, baseUrl }, runId, shardOfArguments(args))
    if (end.leftovers.length > 0) {
      console.error(`certify: not everything the run created could be deleted (listed in the report):\n  ${end.leftovers.join('\n  ')}`)
    }
    if (end.targetStopped) {
      console.error(`certify: the target stopped answering during the run (${end.targetStopped}); the checks after that were not run.`)
      return exitCodes.targetStopped
    }
    if (interruption.exitCode !== undefined) {
      console.error(`certify: interrupted by ${interruption.signal}; the run did not finish.`)
      return interruption.exitCode
    }
    let report: ConformanceReport
    try {
      report = JSON.parse(readFileSync(reportPath, 'utf8')) as ConformanceReport
    } catch {
      console.error(`certify: the run wrote no report at ${reportPath} (Playwright exited ${playwrightExit})`)
      return exitCodes.noReport
    }
    return report.summary.verdict === 'conforms' ? exitCodes.conforms : exitCodes.doesNotConform
  } finally {
    await stopReference?.()
  }
}

certify(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError) {
      console.error(`configuration error: ${error.message}`)
      process.exit(exitCodes.configuration)
    }
    if (error instanceof PreflightFailure) {
      console.error(`preflight failed: ${error.message}`)
      process.exit(exitCodes.preflight)
    }
    console.error(`certify: ${(error as Error).message}`)
    process.exit(exitCodes.noReport)
  },
)
