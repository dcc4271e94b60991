// Probe-then-judge, shared by the generated tables (lengths, ranges, enumerations): a valid
// request of the operation (its probe base, operationRequests.ts) with one value placed at one
// field, made to agree with itself again (what the documents tie to that field follows it), and
// the answer judged by the documents: accepted when the value is allowed, rejected as invalid
// (400) when it is not. A probe breaks one constraint and keeps every other one; the harness's
// own tests hold every request a probe sends to the schemas and the forms (probeRequests.test.ts).
import { fieldName, type FieldRow } from '../../../fixtures/contractFields.ts'
import type { CallOptions, Reply } from '../client/runtimeClient.ts'
import { expectNotInvalid, invalidRequest } from './acceptance.ts'
import type { CheckContext } from './checkContext.ts'
import { expectError, expectSuccess } from './expectations.ts'
import { operationRequests, probeBase } from './operationRequests.ts'
import { valueAt, withValueAt } from './requestFields.ts'

export interface SentProbe {
  request: CallOptions
  /** Where the value sits, with the map key it was given: ["tags", "boundaryX1"]. */
  at: string[]
  value: unknown
  reply: Reply
}

/**
 * Sends the operation's probe base with a value at the row's field. value: the value, or a
 * function of the value the base holds there (an id of the same shape as a real one). prepare:
 * make what the request addresses exist first (a state), so that only the value can decide the
 * answer; not where the value is part of the address and could not be made (a name too long).
 */
export async function sendFieldProbe(
  context: CheckContext,
  row: FieldRow,
  value: unknown,
  prepare: boolean,
): Promise<SentProbe> {
  const base = await probeBase(context, row.operation)
  const placed =
    typeof value === 'function'
      ? (value as (current: unknown) => unknown)(valueAt(base[row.location], row.path))
      : value
  // A map key like the suite's others: letters and digits (a dot could not travel in tags.key=value).
  const { request, at } = withValueAt(base, row.location, row.path, placed, () =>
    context.values.keyFor(`probe${fieldName(row).replace(/[^A-Za-z0-9]/g, '')}`),
  )
  await operationRequests[row.operation].coherent?.(context, request)
  if (prepare) await operationRequests[row.operation].prepare?.(context, request)
  return { request, at, value: placed, reply: await context.api.call(row.operation, request) }
}

/**
 * The answer the documents require: an allowed value is accepted (or, where the request may name
 * nothing the target has — an id, an action, a path — refused as unknown, never as invalid); a
 * value they do not allow is refused as invalid (400).
 */
export function expectProbeAnswer(
  row: FieldRow,
  probe: SentProbe,
  allowed: boolean,
  context: string,
  mayNameNothing = false,
): void {
  if (!allowed) return expectError(probe.reply, invalidRequest(row.location), context)
  if (mayNameNothing || operationRequests[row.operation].namesUnknown) return expectNotInvalid(probe.reply, context)
  expectSuccess(probe.reply, context)
}
