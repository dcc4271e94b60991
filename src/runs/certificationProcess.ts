// A certification in a child process, the one way the self-test, the bench, the Prism proxy test
// and the harness's own tests run one: `npm run certify` or Playwright's test command directly
// (or a command that goes with a certification: npm run report, npm run cleanup), as a user runs
// it (its node command, from the project's root), in an environment of its own (none of the
// user's settings, from the shell or from .env), bounded in time (its whole process group is
// stopped at the limit, and its output says so), its output kept with the token masked, and
// the report it wrote read back.
import { spawn, type ChildProcess } from 'node:child_process'
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse as parseDotenv } from 'dotenv'
import { codeFile, nodeArguments } from '../environment/packageLayout.ts'
import { SecretMask } from '../harness/client/secretMask.ts'
import type { ConformanceReport } from '../harness/reporting/conformanceReport.ts'
import { readReport } from '../harness/reporting/exitCodes.ts'
import { removeReportFiles } from '../harness/reporting/reportFileNames.ts'
import { embeddedTargetSettings } from './embeddedTarget.ts'

/** Where the runs start, whatever the caller's directory: the commands and .env are found from there. */
export const projectRoot = fileURLToPath(new URL('../../', import.meta.url))

const playwrightCli = createRequire(import.meta.url).resolve('@playwright/test/cli')

/** Each command as its node arguments, without npm's own start-up. */
const commands = {
  certify: nodeArguments('src/cli/certify'),
  playwright: [playwrightCli, 'test', `--config=${codeFile('playwright.config')}`],
  report: nodeArguments('src/cli/report'),
  cleanup: nodeArguments('src/cli/cleanup'),
  replay: nodeArguments('src/cli/replay'),
} as const

export type HarnessCommand = keyof typeof commands

export interface CertificationProcessOptions {
  /**
   * certify (the default): npm run certify; playwright: npx playwright test (no preflight, no
   * sweep after the run); report: npm run report; cleanup: npm run cleanup; replay: npm run
   * replay (its args: a check id; its report read from reportDir).
   */
  command?: HarnessCommand
  /** The command's arguments; for certify and playwright, Playwright's (a spec, --grep, --reporter, --shard…). */
  args?: readonly string[]
  /** Narrows the run to the checks whose ids start with one of these prefixes (a --grep); undefined: every check. */
  checks?: readonly string[] | undefined
  /**
   * The base URL of a reference server the caller started (or of a proxy in front of one): it is
   * certified with the embedded reference's settings. Unset, and no CONFORMANCE_BASE_URL in env:
   * certify starts the embedded reference itself.
   */
  reference?: string
  /** Where the report goes (relative: to the project's root); unset: a new temporary directory the caller removes (removeReportDir). */
  reportDir?: string
  seed?: number | string
  runId?: string
  /** Playwright workers; unset: the harness's default. */
  workers?: number
  /** Settings of the run on top of the above (CONFORMANCE_*, PLAYWRIGHT_*, PORT…); these win. Not CONFORMANCE_REPORT_DIR: reportDir. */
  env?: Readonly<Record<string, string>> | undefined
  /**
   * The run is stopped after this long, report or not. Playwright's own limit
   * (CONFORMANCE_RUN_TIMEOUT_MS, unless env sets it) ends it 15 s earlier, so that a run that
   * hangs still writes its report.
   */
  limitMs: number
  /**
   * masked (the default): the token the run is given is masked in the output and the log file.
   * as printed: for the tests that look for a leaked token there.
   */
  output?: 'masked' | 'as printed'
  /** A file the output is written to as well, as it comes. */
  logFile?: string
  /** Sees the child once it runs, e.g. to interrupt it as Ctrl+C would. */
  started?: (child: ChildProcess) => void
}

export interface CertificationProcessResult {
  /** The command's exit code; null when a signal ended it. */
  exitCode: number | null
  signal: NodeJS.Signals | null
  /** It was stopped at its limit. */
  timedOut: boolean
  /** From spawn to the end of its output. */
  elapsedMs: number
  /** What it printed, stdout and stderr line by line (the last MB of it), and how it was stopped. */
  output: string
  reportDir: string
  /** The report it wrote in reportDir; undefined when there is none. */
  report: ConformanceReport | undefined
}

/** Playwright's limit comes this long before the process's, and is never shorter than the harness allows. */
const playwrightLead = { leadMs: 15_000, minimumMs: 10_000 }
/**
 * How a run is stopped: SIGTERM to its process group, again a moment later (certify takes a
 * second signal as "stop now" and kills Playwright, which runs in a process group of its own),
 * then SIGKILL.
 */
const stopping = { againMs: 2_000, killMs: 5_000 }
/** How long the output may stay open after the command ended: a process it left behind may hold it. */
const outputAfterExitMs = 5_000
const keptOutput = 1024 * 1024

/** A --grep that selects the checks whose ids start with one of the prefixes. */
export function checksGrep(prefixes: readonly string[]): string {
  const escaped = prefixes.map((prefix) => prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  return `(?<![\\w.])(?:${escaped.join('|')})`
}

/** Removes a run's report directory, e.g. the temporary one it was given. */
export function removeReportDir(result: Pick<CertificationProcessResult, 'reportDir'>): void {
  rmSync(result.reportDir, { recursive: true, force: true })
}

/** What configures the harness, Playwright or the reference, or which .env file is read. */
function isUserSetting(name: string): boolean {
  return /^(CONFORMANCE|PLAYWRIGHT|REFERENCE|DOTENV)_/.test(name) || name === 'PORT'
}

function dotenvNames(file: string): string[] {
  return existsSync(file) ? Object.keys(parseDotenv(readFileSync(file))) : []
}

/**
 * The environment of a child process of the harness: ours without the user's settings, then
 * `settings`. A .env file never overrides a variable that is set, even empty: each setting the
 * project's .env holds is set empty, so the run sees `settings` alone.
 */
export function cleanEnvironment(
  settings: Readonly<Record<string, string>> = {},
  from: { env?: NodeJS.ProcessEnv; dotenvFile?: string } = {},
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [name, value] of Object.entries(from.env ?? process.env)) if (!isUserSetting(name)) env[name] = value
  for (const name of dotenvNames(from.dotenvFile ?? join(projectRoot, '.env'))) if (isUserSetting(name)) env[name] = ''
  return { ...env, FORCE_COLOR: '0', ...settings }
}

/** The environment of one run: cleanEnvironment with the target, the run's identity, its limits and its report directory. */
export function certificationEnvironment(
  options: CertificationProcessOptions,
  reportDir: string,
  from: { env?: NodeJS.ProcessEnv; dotenvFile?: string } = {},
): NodeJS.ProcessEnv {
  if (options.env?.CONFORMANCE_REPORT_DIR !== undefined)
    throw new Error('certification process: give the report directory as reportDir, not in env')
  const settings: Record<string, string> = {
    ...(options.reference ? { CONFORMANCE_BASE_URL: options.reference, ...embeddedTargetSettings({}) } : {}),
    ...(options.seed !== undefined ? { CONFORMANCE_SEED: String(options.seed) } : {}),
    ...(options.runId !== undefined ? { CONFORMANCE_RUN_ID: options.runId } : {}),
    ...(options.workers !== undefined ? { CONFORMANCE_WORKERS: String(options.workers) } : {}),
    CONFORMANCE_RUN_TIMEOUT_MS: String(Math.max(playwrightLead.minimumMs, options.limitMs - playwrightLead.leadMs)),
    ...options.env,
    CONFORMANCE_REPORT_DIR: reportDir,
  }
  return cleanEnvironment(settings, from)
}

/** The token the run will send: the one it is given, or the embedded reference's. */
function tokenOf(env: NodeJS.ProcessEnv): string {
  return env.CONFORMANCE_TOKEN?.trim() || (embeddedTargetSettings({}).CONFORMANCE_TOKEN ?? '')
}

// Every run leads a process group of its own, which a Ctrl+C in the terminal does not reach:
// whatever ends this process, the runs it started end with it. Each maps to its end.
const running = new Map<ChildProcess, Promise<void>>()
process.on('exit', () => {
  for (const child of running.keys()) signalGroup(child, 'SIGKILL')
})

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  // The group, not only its leader: Playwright's workers may outlive the command for a moment.
  if (child.pid === undefined) return
  try {
    process.kill(-child.pid, signal)
  } catch {
    // already gone
  }
}

/** Stops a run (see stopping); resolves when it has ended. */
async function stopGroup(child: ChildProcess): Promise<void> {
  const ended = running.get(child)
  if (!ended) return
  const timers = [
    setTimeout(() => signalGroup(child, 'SIGTERM'), stopping.againMs),
    setTimeout(() => signalGroup(child, 'SIGKILL'), stopping.killMs),
  ]
  signalGroup(child, 'SIGTERM')
  await ended
  for (const timer of timers) clearTimeout(timer)
}

/** Stops every run this process started (on an interruption); resolves when they have ended. */
export async function stopCertificationProcesses(): Promise<void> {
  await Promise.all([...running.keys()].map(stopGroup))
}

/** The output, whole lines at a time (a token is never cut in two before it is masked), kept and logged. */
class OutputLog {
  text = ''
  private readonly fd: number | undefined

  constructor(
    private readonly mask: SecretMask | undefined,
    logFile: string | undefined,
  ) {
    if (logFile !== undefined) mkdirSync(dirname(logFile), { recursive: true })
    this.fd = logFile === undefined ? undefined : openSync(logFile, 'w')
  }

  read(stream: NodeJS.ReadableStream | null): void {
    if (!stream) return
    let partial = ''
    stream.setEncoding('utf8')
    stream.on('data', (chunk: string) => {
      partial += chunk
      const end = partial.lastIndexOf('\n')
      if (end < 0) return
      this.add(partial.slice(0, end + 1))
      partial = partial.slice(end + 1)
    })
    stream.on('end', () => this.add(partial))
  }

  add(text: string): void {
    if (text === '') return
    const shown = this.mask ? this.mask.mask(text) : text
    this.text = (this.text + shown).slice(-keptOutput)
    if (this.fd !== undefined) writeSync(this.fd, shown)
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd)
  }
}

/** Runs the command to its end or its limit, and reads back the report it wrote. */
export function runCertificationProcess(options: CertificationProcessOptions): Promise<CertificationProcessResult> {
  const reportDir = options.reportDir
    ? resolve(projectRoot, options.reportDir)
    : mkdtempSync(join(tmpdir(), 'conformance-run-'))
  mkdirSync(reportDir, { recursive: true })
  // A report an earlier run left must not pass for this one's (replay reads the one it finds).
  if (options.command !== 'replay') removeReportFiles(reportDir)
  const env = certificationEnvironment(options, reportDir)
  const output = new OutputLog(
    options.output === 'as printed' ? undefined : new SecretMask(tokenOf(env)),
    options.logFile,
  )
  const args = [
    ...commands[options.command ?? 'certify'],
    ...(options.args ?? []),
    ...(options.checks ? ['--grep', checksGrep(options.checks)] : []),
  ]
  const startedAt = performance.now()
  const child = spawn(process.execPath, args, {
    cwd: projectRoot,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  output.read(child.stdout)
  output.read(child.stderr)
  options.started?.(child)

  let timedOut = false
  const limit = setTimeout(() => {
    timedOut = true
    output.add(
      `\ncertification process: stopped at its limit of ${options.limitMs} ms (SIGTERM to its process group, ` +
        `again ${stopping.againMs} ms later, SIGKILL at ${stopping.killMs} ms)\n`,
    )
    void stopGroup(child)
  }, options.limitMs)
  // Its output ends when the last process holding it is gone; one the command started in a group
  // of its own and left behind could hold it for ever.
  let abandon: NodeJS.Timeout | undefined
  child.once('exit', () => {
    abandon = setTimeout(() => {
      output.add(
        `\ncertification process: its output was still open ${outputAfterExitMs} ms after it ended (a process it started outlived it); no longer read\n`,
      )
      child.stdout?.destroy()
      child.stderr?.destroy()
    }, outputAfterExitMs)
  })

  const result = new Promise<CertificationProcessResult>((resolveRun) => {
    let ended = false
    const end = (exitCode: number | null, signal: NodeJS.Signals | null) => {
      if (ended) return
      ended = true
      clearTimeout(limit)
      clearTimeout(abandon)
      running.delete(child)
      output.close()
      resolveRun({
        exitCode,
        signal,
        timedOut,
        elapsedMs: performance.now() - startedAt,
        output: output.text,
        reportDir,
        report: readReport(reportDir),
      })
    }
    child.once('error', (error) => {
      output.add(`certification process: ${error.message}\n`)
      // Not started: no close follows.
      if (child.pid === undefined) end(null, null)
    })
    child.once('close', end)
  })
  running.set(
    child,
    result.then(() => undefined),
  )
  return result
}
