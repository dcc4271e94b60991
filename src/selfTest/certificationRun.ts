// One certification of a running target by the conformance suite (Playwright, in a child
// process), narrowed to some checks, bounded in time, its report in a directory of its own.
import { spawn } from 'node:child_process'
import { mkdirSync, openSync, closeSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { codeFile } from '../environment/packageLayout.ts'
import type { ConformanceReport } from '../harness/reporting/conformanceReport.ts'
import { removeReportFiles } from '../harness/reporting/reportFiles.ts'
import { readReport } from '../harness/reporting/exitCodes.ts'
import { embeddedTargetSettings } from '../runs/embeddedTarget.ts'

const playwrightCli = createRequire(import.meta.url).resolve('@playwright/test/cli')
const reporter = codeFile('src/harness/reporting/conformanceReporter')

export interface RunRequest {
  /** The target's base URL: a reference started in this process. */
  url: string
  /** Check-id prefixes the run is narrowed to; undefined: every check. */
  checks?: readonly string[] | undefined
  reportDir: string
  seed: number
  runId: string
  workers: number
  /** The run is stopped after this long, report or not. */
  limitMs: number
  /** Harness settings on top of the defaults (CONFORMANCE_TIMEOUT_MS …). */
  env?: Readonly<Record<string, string>> | undefined
}

export interface RunOutcome {
  exitCode: number
  /** The run was stopped at its limit. */
  stopped: boolean
  seconds: number
  report: ConformanceReport | undefined
  /** Where Playwright's console output went. */
  logFile: string
}

/** A --grep that selects the checks whose ids start with one of the prefixes. */
export function checksGrep(prefixes: readonly string[]): string {
  const escaped = prefixes.map((prefix) => prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  return `(?<![\\w.])(?:${escaped.join('|')})`
}

/** The environment of a run: the user's CONFORMANCE_* settings left out, the target and the run's own set. */
function runEnv(request: RunRequest): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [name, value] of Object.entries(process.env)) {
    if (!name.startsWith('CONFORMANCE_') && !name.startsWith('PLAYWRIGHT_') && name !== 'REFERENCE_FAULT')
      env[name] = value
  }
  return {
    ...env,
    FORCE_COLOR: '0',
    CONFORMANCE_BASE_URL: request.url,
    ...embeddedTargetSettings({}),
    CONFORMANCE_SEED: String(request.seed),
    CONFORMANCE_RUN_ID: request.runId,
    CONFORMANCE_REPORT_DIR: request.reportDir,
    CONFORMANCE_WORKERS: String(request.workers),
    // Playwright's own limit comes first, so a run that hangs still writes its report.
    CONFORMANCE_RUN_TIMEOUT_MS: String(Math.max(10_000, request.limitMs - 15_000)),
    ...request.env,
  }
}

export function certifyTarget(request: RunRequest): Promise<RunOutcome> {
  mkdirSync(request.reportDir, { recursive: true })
  removeReportFiles(request.reportDir)
  const logFile = join(request.reportDir, 'playwright.log')
  const log = openSync(logFile, 'w')
  const args = [
    playwrightCli,
    'test',
    `--config=${codeFile('playwright.config')}`,
    `--reporter=${reporter}`,
    ...(request.checks ? ['--grep', checksGrep(request.checks)] : []),
  ]
  const started = Date.now()
  return new Promise((resolve) => {
    // Its own process group, so that stopping it stops its workers too.
    const child = spawn(process.execPath, args, { env: runEnv(request), stdio: ['ignore', log, log], detached: true })
    let stopped = false
    const stop = (signal: NodeJS.Signals) => {
      if (child.pid !== undefined && child.exitCode === null) {
        try {
          process.kill(-child.pid, signal)
        } catch {
          // already gone
        }
      }
    }
    const limit = setTimeout(() => {
      stopped = true
      stop('SIGTERM')
      setTimeout(() => stop('SIGKILL'), 5_000).unref()
    }, request.limitMs)
    const onSignal = () => stop('SIGTERM')
    process.once('SIGINT', onSignal)
    child.on('close', (code, signal) => {
      clearTimeout(limit)
      process.off('SIGINT', onSignal)
      closeSync(log)
      resolve({
        exitCode: code ?? (signal ? 128 : 1),
        stopped,
        seconds: (Date.now() - started) / 1000,
        report: readReport(request.reportDir),
        logFile,
      })
    })
  })
}
