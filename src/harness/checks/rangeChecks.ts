// S11 (and any other ranged number): every number field of every request with a documented
// range is accepted at its minimum and maximum and rejected one past them with 400. The table is
// derived from schemas/ (fixtures/rangeBoundaries.ts).
import { fieldName } from '../../../fixtures/contractFields.ts'
import { rangeBoundaries, type RangeBoundary } from '../../../fixtures/rangeBoundaries.ts'
import { describeRejection, invalidRequest } from './acceptance.ts'
import { defineCheck, type Check } from './check.ts'
import { expectProbeAnswer, sendFieldProbe } from './fieldProbe.ts'
import { operationRequests } from './operationRequests.ts'

const rangeBoundaryCheck = (row: RangeBoundary): Check => {
  const template = operationRequests[row.operation]
  const values = (within: boolean) =>
    row.cases
      .filter((c) => c.within === within)
      .map((c) => c.value)
      .join(' and ')
  return defineCheck(
    {
      id: `${row.rule}.${row.operation}.${fieldName(row)}.range-limits`,
      operation: row.operation,
      summary: `${row.operation} accepts ${fieldName(row)} of ${values(true)}, rejects ${values(false)} with ${describeRejection(invalidRequest(row.location))}`,
      ...(template.needs ? { needs: template.needs } : {}),
    },
    async (f) => {
      for (const sent of row.cases) {
        // What the request addresses exists either way: only the value can decide the answer.
        const probe = await sendFieldProbe(f, row, sent.value, true)
        expectProbeAnswer(row, probe, sent.within, `with ${fieldName(row)} ${sent.value}, ${sent.where}`)
      }
    },
  )
}

export const rangeBoundaryChecks = (): Check[] => rangeBoundaries().map(rangeBoundaryCheck)
