// certify() for a user's own test runner (node:test, Vitest, Jest): one certification, run by the
// certify command in a child process (so neither its exit nor its signal handling reaches the
// caller's process), resolved with the report it wrote (conformance.json's content).
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parse as parseDotenv } from 'dotenv'
import type { Level } from '../contract/levels.ts'
import { nodeArguments } from '../environment/packageLayout.ts'
import type { ConformanceReport } from '../harness/reporting/conformanceReport.ts'
import { readReport } from '../harness/reporting/exitCodes.ts'

/** The settings of a run; each one is the CONFORMANCE_* variable of the same name, and wins over it. */
export interface CertifySettings {
  /** CONFORMANCE_BASE_URL; unset: the embedded reference is certified. */
  baseUrl?: string
  /** CONFORMANCE_TOKEN: never printed, never written to a report. */
  token?: string
  /** CONFORMANCE_BOT_ID */
  botId?: string
  /** CONFORMANCE_INTEGRATION_ID */
  integrationId?: string
  /** CONFORMANCE_ACTION: `<integration>:<action>` */
  action?: string
  /** CONFORMANCE_ACTION_INPUT: a JSON object, or its text. */
  actionInput?: Record<string, unknown> | string
  /** CONFORMANCE_LEVEL (default core) */
  level?: Level
  /** CONFORMANCE_TARGET_NAME */
  targetName?: string
  /** CONFORMANCE_TARGET_VERSION */
  targetVersion?: string
  /** CONFORMANCE_SEED: replays the cases of an earlier run. */
  seed?: number
  /** CONFORMANCE_RUN_ID */
  runId?: string
  /** CONFORMANCE_CASES */
  cases?: number
  /** CONFORMANCE_LIST_SIZE */
  listSize?: number
  /** CONFORMANCE_TIMEOUT_MS */
  timeoutMs?: number
  /** CONFORMANCE_WORKERS */
  workers?: number
  /** CONFORMANCE_RUN_TIMEOUT_MS */
  runTimeoutMs?: number
  /** CONFORMANCE_REPORT_DIR, relative to `cwd` (default reports) */
  reportDir?: string
  /** CONFORMANCE_TAG_KEYS */
  tagKeys?: readonly string[] | string
  /** CONFORMANCE_RUN_TAG_KEY */
  runTagKey?: string
  /** CONFORMANCE_MAX_RPS */
  maxRps?: number
  /** CONFORMANCE_RATE_LIMIT_RETRIES */
  rateLimitRetries?: number
  /** CONFORMANCE_UNANSWERED_LIMIT */
  unansweredLimit?: number
  /** CONFORMANCE_TIMEOUTS_PER_OPERATION */
  timeoutsPerOperation?: number
}

export interface CertifyOptions extends CertifySettings {
  /** Arguments for Playwright, as after `certify` on the command line: ['--grep', 'S6']. */
  playwrightArgs?: readonly string[]
  /** The folder the run starts in: its .env is read and the reports are written there (default: the current one). */
  cwd?: string
  /** What the run prints: passed to this process's output (default), or nothing. */
  output?: 'inherit' | 'quiet'
  /** Aborting stops the run as Ctrl+C does: what it created is deleted, then the promise rejects. */
  signal?: AbortSignal
}

const variables: Record<keyof CertifySettings, string> = {
  baseUrl: 'CONFORMANCE_BASE_URL',
  token: 'CONFORMANCE_TOKEN',
  botId: 'CONFORMANCE_BOT_ID',
  integrationId: 'CONFORMANCE_INTEGRATION_ID',
  action: 'CONFORMANCE_ACTION',
  actionInput: 'CONFORMANCE_ACTION_INPUT',
  level: 'CONFORMANCE_LEVEL',
  targetName: 'CONFORMANCE_TARGET_NAME',
  targetVersion: 'CONFORMANCE_TARGET_VERSION',
  seed: 'CONFORMANCE_SEED',
  runId: 'CONFORMANCE_RUN_ID',
  cases: 'CONFORMANCE_CASES',
  listSize: 'CONFORMANCE_LIST_SIZE',
  timeoutMs: 'CONFORMANCE_TIMEOUT_MS',
  workers: 'CONFORMANCE_WORKERS',
  runTimeoutMs: 'CONFORMANCE_RUN_TIMEOUT_MS',
  reportDir: 'CONFORMANCE_REPORT_DIR',
  tagKeys: 'CONFORMANCE_TAG_KEYS',
  runTagKey: 'CONFORMANCE_RUN_TAG_KEY',
  maxRps: 'CONFORMANCE_MAX_RPS',
  rateLimitRetries: 'CONFORMANCE_RATE_LIMIT_RETRIES',
  unansweredLimit: 'CONFORMANCE_UNANSWERED_LIMIT',
  timeoutsPerOperation: 'CONFORMANCE_TIMEOUTS_PER_OPERATION',
}

/** A run that wrote no report: a configuration error (exit 2), a target that cannot be certified (3), … */
export class CertificationError extends Error {
  constructor(
    message: string,
    /** The certify command's exit code (docs/levels.md lists them). */
    readonly exitCode: number,
  ) {
    super(message)
    this.name = 'CertificationError'
  }
}

function variableText(value: CertifySettings[keyof CertifySettings]): string {
  if (typeof value === 'string') return value
  if (Array.isArray(value)) return value.join(',')
  return typeof value === 'number' ? String(value) : JSON.stringify(value)
}

/** The settings as variables, on top of this process's environment. */
function runEnvironment(options: CertifyOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env }
  for (const [name, variable] of Object.entries(variables) as [keyof CertifySettings, string][]) {
    const value = options[name]
    if (value !== undefined) env[variable] = variableText(value)
  }
  return env
}

/** Where the run writes its reports: the setting, else the variable, else the folder's .env, else reports/. */
function reportDirOf(env: NodeJS.ProcessEnv, cwd: string): string {
  const dotenvFile = join(cwd, '.env')
  const fromFile = existsSync(dotenvFile) ? parseDotenv(readFileSync(dotenvFile)).CONFORMANCE_REPORT_DIR : undefined
  return resolve(cwd, env.CONFORMANCE_REPORT_DIR?.trim() || fromFile?.trim() || 'reports')
}

/**
 * Certifies a target as `runtime-chat-conformance certify` does, and resolves with its report
 * whether or not the target conforms (`report.levels[report.level].verdict`). Rejects with a
 * CertificationError when the run wrote no report.
 */
export function certify(options: CertifyOptions = {}): Promise<ConformanceReport> {
  const cwd = resolve(options.cwd ?? process.cwd())
  const env = runEnvironment(options)
  const reportDir = reportDirOf(env, cwd)
  env.CONFORMANCE_REPORT_DIR = reportDir
  const quiet = options.output === 'quiet'
  const startedAt = Date.now()
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, nodeArguments('src/cli/certify', options.playwrightArgs ?? []), {
      cwd,
      env,
      stdio: ['ignore', quiet ? 'ignore' : 'inherit', 'pipe'],
    })
    let errors = ''
    child.stderr.on('data', (chunk: Buffer) => {
      if (!quiet) process.stderr.write(chunk)
      errors = (errors + chunk.toString('utf8')).slice(-4_000)
    })
    const abort = () => child.kill('SIGINT')
    options.signal?.addEventListener('abort', abort, { once: true })
    child.on('error', reject)
    child.on('close', (code, signal) => {
      options.signal?.removeEventListener('abort', abort)
      const exitCode = code ?? (signal ? 128 : 1)
      const report = readReport(reportDir)
      // A report older than this call is an earlier run's, left in place by a run that failed early.
      if (report && Date.parse(report.finishedAt) >= startedAt - 1_000 && !options.signal?.aborted) {
        resolvePromise(report)
        return
      }
      const lastLine = errors.trim().split('\n').at(-1)?.trim()
      reject(new CertificationError(lastLine || `certify exited ${exitCode} without a report`, exitCode))
    })
  })
}
