// S4: every documented value of every enumerated input is accepted, and values outside the set
// (generated: other letter case, something added, other words) are rejected with 400. The rows
// are derived from schemas/ (fixtures/enumerations.ts).
import { fieldName } from '../../../fixtures/contractFields.ts'
import { enumerations, outsideValues, type Enumeration } from '../../../fixtures/enumerations.ts'
import type { CallOptions } from '../client/runtimeClient.ts'
import type { CheckContext } from './checkContext.ts'
import { describeRejection, expectNotInvalid, invalidRequest } from './acceptance.ts'
import { defineCheck, type Check } from './check.ts'
import { expectError, expectSuccess } from './expectations.ts'
import { defineProperty } from './property.ts'
import { operationRequests, probeBase } from './operationRequests.ts'
import { withValueAt } from './requestFields.ts'

async function requestWith(f: CheckContext, row: Enumeration, value: string): Promise<CallOptions> {
  const base = await probeBase(f, row.operation)
  return withValueAt(base, row.location, row.path, value, () => f.values.keyFor('enumeration')).request
}

export const documentedValuesAccepted = (row: Enumeration): Check =>
  defineCheck(
    {
      id: `${row.rule}.${row.operation}.${fieldName(row)}.documented-values-accepted`,
      operation: row.operation,
      summary: `${row.operation} accepts every documented ${fieldName(row)}: ${row.values.join(', ')}`,
    },
    async (f) => {
      for (const value of row.values) {
        const reply = await f.api.call(row.operation, await requestWith(f, row, value))
        const context = `with ${fieldName(row)} ${JSON.stringify(value)}`
        // A path addresses something: a documented type may still find no state there (404).
        if (row.location === 'params') expectNotInvalid(reply, context)
        else expectSuccess(reply, context)
      }
    },
  )

export const outsideValuesRejected = (row: Enumeration): Check => {
  const needs = operationRequests[row.operation].needs
  const rejection = invalidRequest(row.location)
  return defineProperty(
    {
      id: `${row.rule}.${row.operation}.${fieldName(row)}.outside-values-rejected`,
      operation: row.operation,
      summary: `${row.operation} rejects ${fieldName(row)} values outside ${row.values.join(', ')} with ${describeRejection(rejection)}`,
      ...(needs ? { needs } : {}),
    },
    () => outsideValues(row.values),
    async (f, value) => {
      const reply = await f.api.call(row.operation, await requestWith(f, row, value))
      expectError(reply, rejection, `with ${fieldName(row)} ${JSON.stringify(value)}`)
    },
  )
}

/** Accepting every value is left out where a valid request would change the bot itself. */
export const enumerationChecks = (): Check[] =>
  enumerations().flatMap((row) => [
    ...(operationRequests[row.operation].rejectionOnly ? [] : [documentedValuesAccepted(row)]),
    outsideValuesRejected(row),
  ])
