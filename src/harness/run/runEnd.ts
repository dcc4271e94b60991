// What `npm run certify` does once Playwright has exited, however it exited: if Playwright's
// global teardown did not clean up (the run hit its time limit, Playwright was killed), the
// same sweep runs here and its result goes into the report; then it says whether the target
// stopped answering during the run.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { stoppedReason } from '../client/targetHealth.ts'
import type { ConformanceReport } from '../reporting/conformanceReport.ts'
import { runFiles, type Shard } from './runFiles.ts'
import { readLeftovers, sweepRun, writeLeftovers, type SweepTarget } from './runSweep.ts'

export interface RunEnd {
  /** What the run created and could not delete. */
  leftovers: string[]
  /** Why the target counts as stopped, when it stopped answering during the run. */
  targetStopped: string | undefined
}

function addToReport(reportPath: string, facts: Partial<ConformanceReport>): void {
  if (!existsSync(reportPath)) return
  const report = JSON.parse(readFileSync(reportPath, 'utf8')) as ConformanceReport
  writeFileSync(`${reportPath}.tmp`, `${JSON.stringify({ ...report, ...facts }, null, 2)}\n`)
  renameSync(`${reportPath}.tmp`, reportPath)
}

export async function finishRun(
  target: SweepTarget & { reportDir: string },
  runId: string,
  shard: Shard,
): Promise<RunEnd> {
  const files = runFiles(target.reportDir, runId, shard)
  // No directory: Playwright stopped before the first test, so the run created nothing.
  if (!existsSync(files.dir)) return { leftovers: [], targetStopped: undefined }
  let leftovers = readLeftovers(files)
  const targetStopped = stoppedReason(files.stopped)
  if (leftovers === undefined) {
    leftovers = await sweepRun(target, runId, files, shard)
    writeLeftovers(files, leftovers)
    // Only what there is, as the reporter does (runFacts.ts).
    if (leftovers.length > 0 || targetStopped) {
      addToReport(join(target.reportDir, 'conformance.json'), {
        ...(leftovers.length > 0 ? { leftovers } : {}),
        ...(targetStopped ? { targetStopped } : {}),
      })
    }
  }
  return { leftovers, targetStopped }
}
