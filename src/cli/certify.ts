// npm run certify: checks the configuration, starts the embedded reference when no target is
// named, makes sure the target answers (preflight), runs the conformance suite with Playwright
// and exits 0 only when the target conforms. Extra arguments go to Playwright (--grep, --shard…).
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { ConfigError } from '../harness/config/configError.ts'
import { embeddedMarker, environment, readHarnessConfig } from '../harness/config/harnessConfig.ts'
import { runIdentity } from '../harness/config/runIdentity.ts'
import { PreflightFailure, preflight } from '../harness/preflight/preflight.ts'
import type { ConformanceReport } from '../harness/reporting/conformanceReport.ts'
import { startReferenceServer } from '../reference/server.ts'

export const exitCodes = { conforms: 0, doesNotConform: 1, configuration: 2, preflight: 3, noReport: 4 } as const

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

async function certify(args: string[]): Promise<number> {
  const env = environment()
  const config = readHarnessConfig(env)
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
    const playwrightExit = await runPlaywright(args, env)
    const reportPath = join(config.reportDir, 'conformance.json')
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
