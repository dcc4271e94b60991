// What the processes of one run share through files: Playwright's workers are separate
// processes, and `npm run certify` outlives them. One directory per run under the report
// directory: <reportDir>/run/<runId>/.
import { mkdirSync, readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'

export interface RunFiles {
  dir: string
  /** Append-only journal of what the run created and deleted (runJournal.ts). */
  ledger: string
  /** Present once the target stopped answering (targetHealth.ts). */
  stopped: string
  /** Counts requests without an answer since the last answer, run-wide (targetHealth.ts). */
  unanswered: string
  /** What the end-of-run cleanup could not delete (runSweep.ts). */
  leftovers: string
}

/** A run id as a safe directory name (CONFORMANCE_RUN_ID may be set by hand). */
function dirName(runId: string): string {
  return runId.replace(/[^A-Za-z0-9_-]/g, '_') || 'run'
}

export function runFiles(reportDir: string, runId: string): RunFiles {
  const dir = join(reportDir, 'run', dirName(runId))
  return { dir, ledger: join(dir, 'ledger.jsonl'), stopped: join(dir, 'target-stopped.json'), unanswered: join(dir, 'unanswered'), leftovers: join(dir, 'leftovers.json') }
}

/** Creates this run's directory and removes those of earlier runs (their report is replaced too). */
export function prepareRunDir(reportDir: string, runId: string): RunFiles {
  const files = runFiles(reportDir, runId)
  const parent = join(reportDir, 'run')
  mkdirSync(files.dir, { recursive: true })
  for (const entry of readdirSync(parent)) {
    if (join(parent, entry) !== files.dir) rmSync(join(parent, entry), { recursive: true, force: true })
  }
  return files
}
