// The run-wide ledger: every worker appends what its client created and deleted to one file,
// so whatever a test's own cleanup missed (an interrupted worker, a failed delete) is still
// known when the run ends. Lines are appended whole (O_APPEND, well under PIPE_BUF), so
// workers never interleave inside a line; a line cut short by a killed process is skipped.
// Each process opens the journal once and keeps it open: a write is then one system call, not three.
import { existsSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs'
import { dirname } from 'node:path'
import { ResourceLedger } from '../client/resourceLedger.ts'

/** Whatever a ledger tracks (users, conversations, messages; any kind it may learn). */
export type LedgerEntry = Parameters<ResourceLedger['track']>[0]

interface JournalLine {
  event: 'created' | 'deleted'
  resource: LedgerEntry
}

/** The journals this process has open, by path (opened for appending, closed when it exits). */
const openJournals = new Map<string, number>()

function journalDescriptor(path: string): number {
  let fd = openJournals.get(path)
  if (fd === undefined) {
    mkdirSync(dirname(path), { recursive: true })
    openJournals.set(path, (fd = openSync(path, 'a')))
  }
  return fd
}

/** A test's ledger that also writes each entry to the run's journal. */
export class JournaledLedger extends ResourceLedger {
  constructor(private readonly journalPath: string) {
    super()
  }

  private write(line: JournalLine): void {
    writeSync(journalDescriptor(this.journalPath), `${JSON.stringify(line)}\n`)
  }

  override track(resource: LedgerEntry): void {
    super.track(resource)
    this.write({ event: 'created', resource })
  }

  override forget(resource: LedgerEntry): void {
    super.forget(resource)
    this.write({ event: 'deleted', resource })
  }
}

/** The journal replayed: what the run created and has not deleted, in a ledger. */
export function pendingInJournal(journalPath: string): ResourceLedger {
  const ledger = new ResourceLedger()
  if (!existsSync(journalPath)) return ledger
  for (const text of readFileSync(journalPath, 'utf8').split('\n')) {
    if (!text.trim()) continue
    let line: JournalLine
    try {
      line = JSON.parse(text) as JournalLine
    } catch {
      continue
    }
    if (line.event === 'created') ledger.track(line.resource)
    else if (line.event === 'deleted') ledger.forget(line.resource)
  }
  return ledger
}
