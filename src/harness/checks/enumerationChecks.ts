// S4: every documented value of every enumerated input is accepted, and values outside the set
// (generated: other letter case, something added, other words) are rejected with 400. The rows
// are derived from schemas/ (fixtures/enumerations.ts).
import { fieldName } from '../../../fixtures/contractFields.ts'
import { enumerations, outsideValues, type Enumeration } from '../../../fixtures/enumerations.ts'
import { describeRejection, invalidRequest } from './acceptance.ts'
import { defineCheck, type Check } from './check.ts'
import { expectProbeAnswer, sendFieldProbe } from './fieldProbe.ts'
import { defineProperty } from './property.ts'
import { operationRequests } from './operationRequests.ts'

const documentedValuesAccepted = (row: Enumeration): Check => {
  const needs = operationRequests[row.operation].needs
  return defineCheck(
    {
      id: `${row.rule}.${row.operation}.${fieldName(row)}.documented-values-accepted`,
      operation: row.operation,
      summary: `${row.operation} accepts every documented ${fieldName(row)}: ${row.values.join(', ')}`,
      ...(needs ? { needs } : {}),
    },
    async (f) => {
      for (const value of row.values) {
        const probe = await sendFieldProbe(f, row, value, false)
        // A path addresses something: a documented type may still find no state there (404).
        expectProbeAnswer(
          row,
          probe,
          true,
          `with ${fieldName(row)} ${JSON.stringify(value)}`,
          row.location === 'params',
        )
      }
    },
  )
}

const outsideValuesRejected = (row: Enumeration): Check => {
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
      const probe = await sendFieldProbe(f, row, value, false)
      expectProbeAnswer(row, probe, false, `with ${fieldName(row)} ${JSON.stringify(value)}`)
    },
  )
}

/** Accepting every value is left out where a valid request would change the bot itself. */
export const enumerationChecks = (): Check[] =>
  enumerations().flatMap((row) => [
    ...(operationRequests[row.operation].rejectionOnly ? [] : [documentedValuesAccepted(row)]),
    outsideValuesRejected(row),
  ])
