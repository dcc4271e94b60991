// S11 (and any other ranged number): every number field of every request with a documented
// range is accepted at its minimum and maximum and rejected one past them with 400. The table is
// derived from schemas/ (fixtures/rangeBoundaries.ts).
import { fieldName } from '../../../fixtures/contractFields.ts'
import { rangeBoundaries, type RangeBoundary } from '../../../fixtures/rangeBoundaries.ts'
import { describeRejection, expectNotInvalid, invalidRequest } from './acceptance.ts'
import { defineCheck, type Check } from './check.ts'
import { expectError, expectSuccess } from './expectations.ts'
import { operationRequests, probeBase } from './operationRequests.ts'
import { withValueAt } from './requestFields.ts'

export const rangeBoundaryCheck = (row: RangeBoundary): Check => {
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
        const base = await probeBase(f, row.operation)
        const { request } = withValueAt(base, row.location, row.path, sent.value, () => f.values.keyFor('range'))
        // What the request addresses exists either way: only the value can decide the answer.
        await template.prepare?.(f, request)
        const reply = await f.api.call(row.operation, request)
        const context = `with ${fieldName(row)} ${sent.value}, ${sent.where}`
        if (!sent.within) expectError(reply, invalidRequest(row.location), context)
        else if (template.namesUnknown) expectNotInvalid(reply, context)
        else expectSuccess(reply, context)
      }
    },
  )
}

export const rangeBoundaryChecks = (): Check[] => rangeBoundaries().map(rangeBoundaryCheck)
