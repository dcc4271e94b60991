// Runs `npm run certify` (or Playwright directly) as a child process with an environment of the
// test's own: a report directory in a temporary folder and no CONFORMANCE_* variable from the
// surrounding shell. Bounded: a run that outlives its limit is interrupted, then killed.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ConformanceReport } from '../../../src/harness/reporting/conformanceReport.ts'

const root = new URL('../../../', import.meta.url).pathname
const playwrightCli = createRequire(import.meta.url).resolve('@playwright/test/cli')

export interface RunResult {
  code: number | null
  signal: NodeJS.Signals | null
  output: string
  elapsedMs: number
  reportDir: string
  report: ConformanceReport | undefined
}

export interface RunOptions {
  env?: Record<string, string>
  /** Interrupted (SIGINT) after this long, killed 10 s later. */
  limitMs?: number
  /** Sees the child once it runs, e.g. to interrupt it. */
  started?: (child: ChildProcess) => void
}

function cleanEnv(extra: Record<string, string>, reportDir: string): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('CONFORMANCE_') && name !== 'PORT'),
  )
  return { ...env, CONFORMANCE_REPORT_DIR: reportDir, CONFORMANCE_WORKERS: '2', FORCE_COLOR: '0', ...extra }
}

function run(command: string[], options: RunOptions): Promise<RunResult> {
  const reportDir = mkdtempSync(join(tmpdir(), 'conformance-run-'))
  const startedAt = Date.now()
  const child = spawn(process.execPath, command, {
    cwd: root,
    env: cleanEnv(options.env ?? {}, reportDir),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  options.started?.(child)
  const limit = setTimeout(() => {
    child.kill('SIGINT')
    setTimeout(() => child.kill('SIGKILL'), 10_000).unref()
  }, options.limitMs ?? 60_000)
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      clearTimeout(limit)
      let report: ConformanceReport | undefined
      try {
        report = JSON.parse(readFileSync(join(reportDir, 'conformance.json'), 'utf8')) as ConformanceReport
      } catch {
        report = undefined
      }
      resolve({ code, signal, output, elapsedMs: Date.now() - startedAt, reportDir, report })
    })
  })
}

/** npm run certify -- args */
export function certify(args: string[], options: RunOptions = {}): Promise<RunResult> {
  return run(['--import', 'tsx', 'src/cli/certify.ts', ...args], options)
}

/** npx playwright test args */
export function playwrightTest(args: string[], options: RunOptions = {}): Promise<RunResult> {
  return run([playwrightCli, 'test', ...args], options)
}

/** npm run cleanup -- args */
export function cleanupCommand(args: string[], options: RunOptions = {}): Promise<RunResult> {
  return run(['--import', 'tsx', 'src/cli/cleanup.ts', ...args], options)
}

export function removeReportDir(result: RunResult): void {
  rmSync(result.reportDir, { recursive: true, force: true })
}
