// Run-level facts of the report beside the checks: how often 429s were retried, what the run
// could not delete, and whether the target stopped answering. Tests record the first in their
// attachments; the run's shared files (runFiles.ts) hold the others.
import type { ExchangeAttachment } from '../client/exchangeLog.ts'
import { stoppedReason } from '../client/targetHealth.ts'
import { runFiles, runFilesOfAllShards, type Shard } from '../run/runFiles.ts'
import { readLeftovers } from '../run/runSweep.ts'

export interface RunFacts {
  /** Requests sent again after a 429 (CONFORMANCE_RATE_LIMIT_RETRIES). */
  retries: number
  /** Resources the run created and could not delete: kind, id and why. */
  leftovers?: string[]
  /** Why the run was cut short: the target stopped answering. */
  targetStopped?: string
}

/**
 * Leftovers and a stop are recorded only when there are any, so a whole run and its shards
 * merged give the same report. A report of the whole run (no shard: a run, or shards merged
 * where they ran) gathers them from every shard's directory that is there.
 */
export function runFacts(
  attachments: readonly ExchangeAttachment[],
  reportDir: string,
  runId: string | undefined,
  shard: Shard,
): RunFacts {
  const facts: RunFacts = { retries: attachments.reduce((sum, a) => sum + (a.retries ?? 0), 0) }
  if (runId === undefined) return facts
  const places = shard ? [runFiles(reportDir, runId, shard)] : runFilesOfAllShards(reportDir, runId)
  const leftovers = places.flatMap((files) => readLeftovers(files) ?? [])
  if (leftovers.length > 0) facts.leftovers = leftovers
  const stopped = places.map((files) => stoppedReason(files.stopped)).find((reason) => reason !== undefined)
  if (stopped) facts.targetStopped = stopped
  return facts
}
