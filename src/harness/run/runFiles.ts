// What the processes of one run share through files: Playwright's workers are separate
// processes, and `npm run certify` outlives them. One directory per run under the report
// directory: <reportDir>/run/<runId>/, or <runId>-shard-<i>-of-<n>/ for one shard of a sharded
// run (the shards share the run id, but each has its own journal and its own end).
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'

export interface RunFiles {
  dir: string
  /** Append-only journal of what the run created and deleted (runJournal.ts). */
  ledger: string
  /** Present once the target stopped answering (targetHealth.ts). */
  stopped: string
  /** Counts requests without an answer since the last answer, run-wide (targetHealth.ts). */
  unanswered: string
  /** Per operation, its requests that timed out, run-wide (targetHealth.ts). */
  timeouts: string
  /** What the end-of-run cleanup could not delete (runSweep.ts). */
  leftovers: string
}

/** One shard of a sharded run, as Playwright's FullConfig gives it. */
export type Shard = { current: number; total: number } | null

/** The shard a Playwright command line asks for (--shard=2/3 or --shard 2/3), null for none. */
export function shardOfArguments(args: readonly string[]): Shard {
  const at = args.findIndex((arg) => arg === '--shard' || arg.startsWith('--shard='))
  const value = at < 0 ? undefined : (args[at]?.split('=')[1] ?? args[at + 1])
  const match = /^(\d+)\/(\d+)$/.exec(value ?? '')
  return match ? { current: Number(match[1]), total: Number(match[2]) } : null
}

/** A run id (and shard) as a safe directory name (CONFORMANCE_RUN_ID may be set by hand). */
function dirName(runId: string, shard: Shard): string {
  const name = runId.replace(/[^A-Za-z0-9_-]/g, '_') || 'run'
  return shard ? `${name}-shard-${shard.current}-of-${shard.total}` : name
}

function filesIn(dir: string): RunFiles {
  return {
    dir,
    ledger: join(dir, 'ledger.jsonl'),
    stopped: join(dir, 'target-stopped.json'),
    unanswered: join(dir, 'unanswered'),
    timeouts: join(dir, 'timeouts'),
    leftovers: join(dir, 'leftovers.json'),
  }
}

export function runFiles(reportDir: string, runId: string, shard: Shard = null): RunFiles {
  return filesIn(join(reportDir, 'run', dirName(runId, shard)))
}

/** Whether a directory name under <reportDir>/run/ belongs to this run (whole, or one of its shards). */
function ofRun(entry: string, runId: string): boolean {
  const name = dirName(runId, null)
  return entry === name || entry.startsWith(`${name}-shard-`)
}

/** The directories of a run that are here: its own, and those of its shards. */
export function runFilesOfAllShards(reportDir: string, runId: string): RunFiles[] {
  const parent = join(reportDir, 'run')
  if (!existsSync(parent)) return []
  return readdirSync(parent)
    .filter((entry) => ofRun(entry, runId))
    .sort()
    .map((entry) => filesIn(join(parent, entry)))
}

/**
 * Creates this run's directory and removes those of earlier runs (their report is replaced
 * too); the other shards of this run keep theirs, for the merged report.
 */
export function prepareRunDir(reportDir: string, runId: string, shard: Shard = null): RunFiles {
  const files = runFiles(reportDir, runId, shard)
  const parent = join(reportDir, 'run')
  mkdirSync(files.dir, { recursive: true })
  for (const entry of readdirSync(parent)) {
    if (!ofRun(entry, runId)) rmSync(join(parent, entry), { recursive: true, force: true })
  }
  return files
}
