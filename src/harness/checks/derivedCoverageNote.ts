// How a check that runs derived cases tells the report how many it ran: an annotation per
// operation and kind, summed by the reporter into the report's derived coverage (cases run of
// cases derivable, per operation).
import type { DerivedKind } from '../../../fixtures/derivedCases.ts'
import type { OperationId } from '../../contract/operations.ts'
import { test } from '../runner/playwrightTest.ts'

const derivedCoverageAnnotation = 'derived-coverage'

export interface DerivedCoverageNote {
  operation: OperationId
  kind: DerivedKind
  /** Cases sent and judged. */
  run: number
  /** Cases the check could not send here, with why (a feature not configured, a value that cannot be made). */
  notRun?: string[]
}

export function noteDerivedCoverage(note: DerivedCoverageNote): void {
  test.info().annotations.push({ type: derivedCoverageAnnotation, description: JSON.stringify(note) })
}

/** The notes of a test's annotations; a note that does not parse is left out. */
export function derivedCoverageNotes(
  annotations: readonly { type: string; description?: string }[],
): DerivedCoverageNote[] {
  return annotations
    .filter((a) => a.type === derivedCoverageAnnotation && a.description)
    .flatMap((a) => {
      try {
        return [JSON.parse(a.description as string) as DerivedCoverageNote]
      } catch {
        return []
      }
    })
}
