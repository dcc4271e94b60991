// S1, S3, S10: every length-limited field of every request is accepted within its limits (also
// when its characters are astral: limits count code points) and rejected one past them. Each
// row of the table derived from schemas/ (fixtures/lengthBoundaries.ts) is a property: its
// probes at and past the limits are always sent, then generated lengths and astral mixes.
import { fieldName } from '../../../fixtures/contractFields.ts'
import {
  describeLength,
  isWithin,
  lengthBoundaries,
  type LengthBoundary,
  type LengthCase,
} from '../../../fixtures/lengthBoundaries.ts'
import { stringOfLength } from '../../../fixtures/stringsOfLength.ts'
import fc from 'fast-check'
import type { Reply } from '../client/runtimeClient.ts'
import { test } from '../runner/playwrightTest.ts'
import type { CheckContext } from './checkContext.ts'
import { describeRejection, expectUnknownReference, invalidRequest } from './acceptance.ts'
import type { Check } from './check.ts'
import { expectThat } from './expectations.ts'
import { expectProbeAnswer, sendFieldProbe } from './fieldProbe.ts'
import { defineProperty } from './property.ts'
import { openBodyReference, operationRequests } from './operationRequests.ts'
import { valueAt } from './requestFields.ts'

/** The resource a success answer carries ({user}, {state, meta} …). */
function resourceIn(reply: Reply): unknown {
  return Object.values(reply.json as Record<string, unknown>).find(
    (value) => !!value && typeof value === 'object' && 'id' in value,
  )
}

async function sendLength(f: CheckContext, row: LengthBoundary, sent: LengthCase): Promise<void> {
  const allowed = isWithin(row, sent.length)
  // An id keeps naming what the request refers to where it can: the real id, when it has the
  // length sent; at another length it is a well-formed id of nothing.
  let namesNothing = false
  const lengthOf = (current: unknown) => {
    const realId = typeof current === 'string' ? current : undefined
    if (row.kind === 'identifier' && realId !== undefined && [...realId].length === sent.length) return realId
    namesNothing = row.kind === 'identifier'
    return stringOfLength(row.kind, sent.length, { astral: sent.astral, values: f.values, realId, form: row.form })
  }
  const probe = await sendFieldProbe(f, row, lengthOf, allowed)
  const context = `with ${fieldName(row)} of ${describeLength(row, sent)}`
  if (allowed && namesNothing) {
    // How a reference to nothing is refused is the operation's (S9) or open: only that is judged.
    const field = row.path.join('.')
    const answer = operationRequests[row.operation].references?.[field] ?? openBodyReference
    return expectUnknownReference(probe.reply, answer, `${context}, naming nothing`)
  }
  expectProbeAnswer(row, probe, allowed, context)
  if (!allowed || probe.reply.status !== probe.reply.operation.status) return
  const shown = valueAt(resourceIn(probe.reply), probe.at)
  expectThat(
    shown === undefined || shown === probe.value,
    probe.reply,
    `${context}: the answer shows ${probe.at.join('.')} as ${[...String(shown)].length} characters, not the ${sent.length} sent`,
  )
}

function lengthsOf(cases: LengthCase[]): string {
  return [...new Set(cases.map((c) => c.length))].join(' and ')
}

const lengthBoundaryCheck = (row: LengthBoundary): Check => {
  const template = operationRequests[row.operation]
  const rejectionOnly = template.rejectionOnly ?? template.rejectionOnlyFields?.[fieldName(row)]
  const examples = row.examples.filter((c) => !rejectionOnly || !isWithin(row, c.length))
  const within = examples.filter((c) => isWithin(row, c.length))
  const accepts = within.length
    ? `accepts ${fieldName(row)} of ${lengthsOf(within)} characters${within.some((c) => c.astral > 0) ? ' (also astral)' : ''}, `
    : ''
  return defineProperty(
    {
      id: `${row.rule}.${row.operation}.${fieldName(row)}.length-limits`,
      operation: row.operation,
      summary: `${row.operation} ${accepts}rejects ${lengthsOf(examples.filter((c) => !isWithin(row, c.length)))} with ${describeRejection(invalidRequest(row.location))}`,
      ...(template.needs ? { needs: template.needs } : {}),
    },
    (f) => {
      // Outside a Playwright test (the probe audit) test.skip may not be called at all.
      if (row.holdsTagKeys && f.harness.tagKeys)
        test.skip(
          true,
          `${fieldName(row)} holds tag keys, and CONFORMANCE_TAG_KEYS declares none of ${row.maxLength} characters`,
        )
      return { arbitrary: rejectionOnly ? row.past : fc.oneof(row.within, row.past), examples }
    },
    (f, sent) => sendLength(f, row, sent),
  )
}

export const lengthBoundaryChecks = (): Check[] => lengthBoundaries().map(lengthBoundaryCheck)
