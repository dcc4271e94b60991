// The report's derived coverage, like Schemathesis's coverage phase: per operation and kind, how
// many of the cases the contract gives (fixtures/derivedCases.ts) the run sent. The derivable
// counts come from the schemas, so an operation whose checks did not run (a feature not
// configured, a --grep) shows its cases as not run rather than vanishing.
import { derivableCounts, derivedKinds, type DerivedKind } from '../../../fixtures/derivedCases.ts'
import { operations, type OperationId } from '../../contract/operations.ts'
import type { DerivedCoverageNote } from '../checks/derivedCoverageNote.ts'

export interface CaseCount {
  run: number
  derivable: number
}

interface DerivedCoverageRow extends CaseCount {
  operation: OperationId
  /** Only the kinds the contract gives this operation cases of. */
  kinds: Partial<Record<DerivedKind, CaseCount>>
  /** Cases a check could not send, with why. */
  notRun?: string[]
}

export interface DerivedCoverage extends CaseCount {
  kinds: Record<DerivedKind, CaseCount>
  operations: DerivedCoverageRow[]
}

/** Sums the notes the checks left; a case noted twice (repeated runs, merged shards) counts once. */
export function derivedCoverage(notes: readonly DerivedCoverageNote[]): DerivedCoverage {
  const run = new Map<string, number>()
  const notRun = new Map<OperationId, Set<string>>()
  for (const note of notes) {
    const key = `${note.operation}\u0000${note.kind}`
    run.set(key, Math.max(run.get(key) ?? 0, note.run))
    for (const why of note.notRun ?? []) notRun.set(note.operation, (notRun.get(note.operation) ?? new Set()).add(why))
  }
  const totals = Object.fromEntries(derivedKinds.map((kind) => [kind, { run: 0, derivable: 0 }])) as Record<
    DerivedKind,
    CaseCount
  >
  const rows = [...operations.keys()].map((operation): DerivedCoverageRow => {
    const counts = derivableCounts(operation)
    const kinds: DerivedCoverageRow['kinds'] = {}
    for (const kind of derivedKinds) {
      if (counts[kind] === 0) continue
      const sent = Math.min(run.get(`${operation}\u0000${kind}`) ?? 0, counts[kind])
      kinds[kind] = { run: sent, derivable: counts[kind] }
      totals[kind].run += sent
      totals[kind].derivable += counts[kind]
    }
    const values = Object.values(kinds)
    const reasons = notRun.get(operation)
    return {
      operation,
      kinds,
      run: values.reduce((sum, c) => sum + c.run, 0),
      derivable: values.reduce((sum, c) => sum + c.derivable, 0),
      ...(reasons ? { notRun: [...reasons] } : {}),
    }
  })
  const all = Object.values(totals)
  return {
    run: all.reduce((sum, c) => sum + c.run, 0),
    derivable: all.reduce((sum, c) => sum + c.derivable, 0),
    kinds: totals,
    operations: rows,
  }
}

/** "12/25", or "—" where the contract gives no case of the kind. */
export function caseCountText(count: CaseCount | undefined): string {
  return count ? `${count.run}/${count.derivable}` : '—'
}
