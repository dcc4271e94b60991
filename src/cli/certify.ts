// npm run certify: checks the configuration, starts the embedded reference when no target is
// named, makes sure the target answers (preflight) while Playwright starts, runs the conformance
// suite with Playwright and exits 0 only when the target conforms. Extra arguments go to
// Playwright (--grep, --shard…).
import { spawn } from 'node:child_process'
import type { Server } from 'node:http'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { environment } from '../environment/environmentValues.ts'
import { codeFile } from '../environment/packageLayout.ts'
import { readRunSettings } from '../harness/config/runSettings.ts'
import { PreflightFailure, preflight, preflightDoneMarker } from '../harness/preflight/preflight.ts'
import { PreflightGate, preflightGateVariable } from '../harness/preflight/preflightGate.ts'
import { removeReportFiles } from '../harness/reporting/reportFileNames.ts'
import { shardOfArguments } from '../harness/run/runFiles.ts'
import { reservedUrl, reserveLoopbackServer } from '../reference/reservedServer.ts'
import { withEmbeddedTarget } from '../runs/embeddedTarget.ts'
import { checkPlaywrightArguments } from '../runs/playwrightArguments.ts'
import { Interruption } from './interruption.ts'
import { exitCodeOf, exitCodes, readReport } from '../harness/reporting/exitCodes.ts'
import { exitWhenDone } from './exitWhenDone.ts'

export { exitCodes } from '../harness/reporting/exitCodes.ts'

const playwrightCli = createRequire(import.meta.url).resolve('@playwright/test/cli')

function runPlaywright(args: string[], env: NodeJS.ProcessEnv, interruption: Interruption): Promise<number> {
  return new Promise((resolve) => {
    // Its own process group: a Ctrl+C reaches Playwright once, through interruption.ts.
    const child = spawn(process.execPath, [playwrightCli, 'test', ...configArgument(args), ...args], {
      env,
      stdio: 'inherit',
      detached: true,
    })
    interruption.running(child)
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)))
  })
}

/** The suite's own configuration, found next to this code, unless the arguments name another. */
function configArgument(args: readonly string[]): string[] {
  const named = args.some((arg) => arg === '-c' || arg === '--config' || arg.startsWith('--config='))
  return named ? [] : [`--config=${codeFile('playwright.config')}`]
}

async function certify(args: string[]): Promise<number> {
  const env = withEmbeddedTarget(environment())
  // Every argument and setting first: a wrong one is exit 2 before anything starts. (The
  // arguments first: shards need the seed and run id the user set, not ones picked here.)
  checkPlaywrightArguments(args, env)
  const settings = readRunSettings(env)
  const config = settings.harness
  const { seed, runId } = settings.identity
  const interruption = new Interruption()
  console.log(`Seed ${seed} (replay the same cases with CONFORMANCE_SEED=${seed})`)

  // Playwright starts first (two seconds) and waits at the gate while the embedded reference
  // starts and the preflight runs (preflightGate.ts). The reference's address is taken at once: a
  // server listening on a free port, which the reference answers on once loaded.
  let baseUrl = config.baseUrl
  let reserved: Server | undefined
  if (!baseUrl) {
    reserved = await reserveLoopbackServer()
    baseUrl = reservedUrl(reserved)
  }
  env.CONFORMANCE_BASE_URL = baseUrl
  const gate = new PreflightGate()
  env[preflightGateVariable] = gate.path
  env[preflightDoneMarker] = '1'
  const server = reserved
  let stopReference = server ? () => new Promise<void>((resolve) => server.close(() => resolve())) : undefined

  try {
    const playwright = runPlaywright(args, env, interruption)
    try {
      if (server) {
        const { startReferenceServer } = await import('../reference/server.ts')
        const reference = await startReferenceServer({ token: config.token, botId: config.botId, server })
        stopReference = reference.close
        console.log(`No CONFORMANCE_BASE_URL: certifying the embedded reference implementation at ${baseUrl}`)
      } else {
        console.log(`Target: ${baseUrl}`)
      }
      await preflight({ ...config, baseUrl })
    } catch (error) {
      // Playwright waits at the closed gate, having run and printed nothing: stopped, not told.
      interruption.stopPlaywright()
      await playwright
      throw error
    }
    removeReportFiles(config.reportDir)
    gate.open()
    // The run's end (the sweep) is loaded while the checks run, not before them.
    const { finishRun } = await import('../harness/run/runEnd.ts')
    const playwrightExit = await playwright
    const end = await finishRun({ ...config, baseUrl }, runId, shardOfArguments(args))
    if (end.leftovers.length > 0) {
      console.error(
        `certify: not everything the run created could be deleted (listed in the report):\n  ${end.leftovers.join('\n  ')}`,
      )
    }
    if (end.targetStopped) {
      console.error(
        `certify: the target stopped answering during the run (${end.targetStopped}); the checks after that were not run.`,
      )
      return exitCodes.targetStopped
    }
    if (interruption.exitCode !== undefined) {
      console.error(`certify: interrupted by ${interruption.signal}; the run did not finish.`)
      return interruption.exitCode
    }
    const report = readReport(config.reportDir)
    if (!report) {
      // A shard writes a blob report, not ours: npm run report merges the shards and judges.
      if (args.some((arg) => arg.startsWith('--shard')))
        return playwrightExit === 0 ? exitCodes.conforms : exitCodes.doesNotConform
      console.error(
        `certify: the run wrote no report at ${join(config.reportDir, 'conformance.json')} (Playwright exited ${playwrightExit})`,
      )
      return exitCodes.noReport
    }
    return exitCodeOf(report)
  } finally {
    gate.remove()
    await stopReference?.()
  }
}

exitWhenDone('certify', certify(process.argv.slice(2)), (error) =>
  error instanceof PreflightFailure ? [`preflight failed: ${error.message}`, exitCodes.preflight] : undefined,
)
