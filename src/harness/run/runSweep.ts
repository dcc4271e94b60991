// The end of a run: delete whatever it created and has not deleted, whatever stopped it. What
// the journal still lists (a test's cleanup failed or never ran) and what carries the run's
// marker on the target (an answer that arrived after its test was interrupted) go together;
// what cannot be deleted is returned, one line each, for the report. A shard deletes by its
// journal only: the other shards of the run carry the same marker and may still be at work.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import type { ClientTarget } from '../client/runtimeClient.ts'
import { markedResources } from './markedResources.ts'
import type { RunFiles, Shard } from './runFiles.ts'
import { pendingInJournal, type LedgerEntry } from './runJournal.ts'
import { standaloneClient, trackForDeletion } from './standaloneClient.ts'

export interface SweepTarget extends ClientTarget {
  runTagKey: string | undefined
}

export async function sweepRun(target: SweepTarget, runId: string, files: RunFiles, shard: Shard): Promise<string[]> {
  const journaled = pendingInJournal(files.ledger).pending()
  const { api, dispose } = await standaloneClient(target, files)
  try {
    const problems: string[] = []
    let marked: LedgerEntry[] = []
    try {
      if (target.runTagKey && !shard) marked = await markedResources(api, target.runTagKey, runId)
    } catch (error) {
      problems.push(
        `could not search the target for what carries ${target.runTagKey}=${runId}: ${(error as Error).message.split('\n')[0]}`,
      )
    }
    trackForDeletion(api.ledger, [...journaled, ...marked])
    return [...problems, ...(await api.cleanUp())]
  } finally {
    await dispose()
  }
}

/** The sweep's result, for the reporter and for certify. */
export function writeLeftovers(files: RunFiles, leftovers: string[]): void {
  writeFileSync(files.leftovers, `${JSON.stringify(leftovers, null, 2)}\n`)
}

/** What the sweep could not delete; undefined when no sweep finished for this run. */
export function readLeftovers(files: RunFiles): string[] | undefined {
  if (!existsSync(files.leftovers)) return undefined
  try {
    return JSON.parse(readFileSync(files.leftovers, 'utf8')) as string[]
  } catch {
    return undefined
  }
}
