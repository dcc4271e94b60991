// S1, S3, S10: every length-limited field of every request is accepted at its limits (also when
// its characters are astral: limits count code points) and rejected one past them, row by row
// from the table derived from schemas/ (fixtures/lengthBoundaries.ts).
import { fieldName } from '../../../fixtures/contractFields.ts'
import { lengthBoundaries, type LengthBoundary, type LengthProbe } from '../../../fixtures/lengthBoundaries.ts'
import { stringOfLength } from '../../../fixtures/stringsOfLength.ts'
import type { Reply } from '../client/runtimeClient.ts'
import { test, type CheckFixtures } from '../conformanceTest.ts'
import { describeRejection, expectNotInvalid, invalidRequest } from './acceptance.ts'
import { defineCheck, type Check } from './check.ts'
import { expectError, expectSuccess, expectThat } from './expectations.ts'
import { requestTemplate } from './requestTemplates.ts'
import { valueAt, withValueAt } from './requestFields.ts'

function lengths(probes: LengthProbe[], within: boolean): string {
  return [...new Set(probes.filter((p) => p.within === within).map((p) => p.length))].join(' and ')
}

/** The resource a success answer carries ({user}, {state, meta} …). */
function resourceIn(reply: Reply): unknown {
  return Object.values(reply.json as Record<string, unknown>).find((value) => !!value && typeof value === 'object' && 'id' in value)
}

async function sendProbe(f: CheckFixtures, row: LengthBoundary, probe: LengthProbe): Promise<void> {
  const template = requestTemplate(row.operation)
  const base = await template.build(f)
  const current = valueAt(row.location === 'body' ? base.body : row.location === 'query' ? base.query : base.params, row.path)
  const value = stringOfLength(row.kind, probe.length, { astral: probe.astral, values: f.values, realId: typeof current === 'string' ? current : undefined })
  const { request, at } = withValueAt(base, row.location, row.path, value, () => f.values.keyFor('boundary'))
  const context = `with ${fieldName(row)} of ${probe.label}`

  if (!probe.within) {
    expectError(await f.api.call(row.operation, request), invalidRequest(row.location), context)
    return
  }
  await template.prepare?.(f, request)
  const reply = await f.api.call(row.operation, request)
  // An id or an action type within the limits may name nothing the target has: only "invalid" is wrong.
  if (row.kind === 'identifier' || template.namesUnknown) expectNotInvalid(reply, context)
  else expectSuccess(reply, context)
  if (reply.status !== reply.operation.status) return
  const shown = valueAt(resourceIn(reply), at)
  expectThat(
    shown === undefined || shown === value,
    reply,
    `${context}: the answer shows ${at.join('.')} as ${[...String(shown)].length} characters, not the ${probe.length} sent`,
  )
}

export const lengthBoundaryCheck = (row: LengthBoundary): Check => {
  const template = requestTemplate(row.operation)
  const probes = row.probes.filter((probe) => !probe.within || !template.rejectionOnly)
  const rejection = invalidRequest(row.location)
  const accepts = template.rejectionOnly ? '' : `accepts ${fieldName(row)} of ${lengths(probes, true)} characters${probes.some((p) => p.astral) ? ' (also astral)' : ''}, `
  return defineCheck(
    {
      id: `${row.rule}.${row.operation}.${fieldName(row)}.length-limits`,
      operation: row.operation,
      summary: `${row.operation} ${accepts}rejects ${lengths(probes, false)} with ${describeRejection(rejection)}`,
      ...(template.needs ? { needs: template.needs } : {}),
    },
    async (f) => {
      test.skip(row.holdsTagKeys && !!f.harness.tagKeys, `${fieldName(row)} holds tag keys, and CONFORMANCE_TAG_KEYS declares none of ${row.maxLength} characters`)
      for (const probe of probes) await sendProbe(f, row, probe)
    },
  )
}

export const lengthBoundaryChecks = (): Check[] => lengthBoundaries().map(lengthBoundaryCheck)
