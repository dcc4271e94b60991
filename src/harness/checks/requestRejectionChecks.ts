// S13 and the request side of the contract, for every operation: a call made valid by its entry
// in operationRequests.ts, with one part broken — no token, a wrong token, a body, query or path that
// breaks its schema, a property the contract does not list, a path id that never existed —
// answers the documented error with the documented error body (expectError checks the body).
import type { CallOptions } from '../client/runtimeClient.ts'
import type { CheckContext } from './checkContext.ts'
import { chatOperation, type ChatOperationId } from '../../contract/operations.ts'
import type { RuleId } from '../../contract/rules.ts'
import { defineCheck, type Check } from './check.ts'
import { expectError, type ExpectedError } from './expectations.ts'
import { expectUnknownReference } from './acceptance.ts'
import { bodyBreak, missingRequired, outsideEnum, type SchemaBreak } from './schemaBreaks.ts'
import { neverExistingId } from '../../../fixtures/identifiers.ts'
import { operationRequests, validRequest, type UnknownIdAnswer } from './operationRequests.ts'
import { invalidPayload, invalidQuery, unauthorized } from '../../contract/documentedErrors.ts'

function describe(expected: ExpectedError): string {
  const list = (v: unknown) => (Array.isArray(v) ? v.join(' or ') : String(v))
  return `${list(expected.status)}${expected.type ? ` ${list(expected.type)}` : ''}`
}

/** A failure-path check of one operation: its valid call is prepared, then broken by `run`. */
function rejectionCheck(
  id: ChatOperationId,
  name: { rule: RuleId; suffix: string; summary: string },
  run: (context: CheckContext, valid: CallOptions) => Promise<void>,
): Check {
  const entry = operationRequests[id]
  return defineCheck(
    {
      id: `${name.rule}.${id}.${name.suffix}`,
      operation: id,
      summary: `${id} ${name.summary}`,
      failurePath: true,
      ...(entry.needs ? { needs: entry.needs } : {}),
    },
    async (f) => run(f, await validRequest(f, id)),
  )
}

const missingTokenRejected = (id: ChatOperationId): Check =>
  rejectionCheck(
    id,
    { rule: 'S13', suffix: 'no-token-401', summary: 'without a bearer token answers 401 Unauthorized' },
    async (f, valid) => {
      expectError(await f.api.call(id, { ...valid, auth: 'none' }), unauthorized, 'without Authorization')
    },
  )

const wrongTokenRejected = (id: ChatOperationId): Check =>
  rejectionCheck(
    id,
    { rule: 'S13', suffix: 'wrong-token-401', summary: 'with a wrong bearer token answers 401 Unauthorized' },
    async (f, valid) => {
      expectError(await f.api.call(id, { ...valid, auth: 'wrong' }), unauthorized, 'with a wrong token')
    },
  )

const invalidBodyRejected = (id: ChatOperationId, schema: string): Check => {
  const broken = bodyBreak(schema)
  return rejectionCheck(
    id,
    {
      rule: 'S13',
      suffix: 'invalid-body-400',
      summary: `with a body ${broken.description} answers 400 InvalidPayload`,
    },
    async (f, valid) => {
      const body = broken.apply(valid.body as Record<string, unknown>)
      expectError(await f.api.call(id, { ...valid, body }), invalidPayload, `with a body ${broken.description}`)
    },
  )
}

const unknownPropertyRejected = (id: ChatOperationId): Check =>
  rejectionCheck(
    id,
    {
      rule: 'SHAPE',
      suffix: 'unknown-property-400',
      summary: 'with a body property the contract does not list answers 400 InvalidPayload',
    },
    async (f, valid) => {
      const body = { ...(valid.body as Record<string, unknown>), conformanceUndocumented: true }
      expectError(await f.api.call(id, { ...valid, body }), invalidPayload, 'with an undocumented body property')
    },
  )

const invalidQueryRejected = (id: ChatOperationId, broken: SchemaBreak, suffix: string): Check =>
  rejectionCheck(
    id,
    {
      rule: broken.rule ?? 'S13',
      suffix,
      summary: `with a query ${broken.description} answers 400 ${invalidQuery.type.join(' or ')}`,
    },
    async (f, valid) => {
      const query = broken.apply(valid.query ?? {})
      expectError(await f.api.call(id, { ...valid, query }), invalidQuery, `with a query ${broken.description}`)
    },
  )

const invalidPathRejected = (id: ChatOperationId, broken: SchemaBreak): Check =>
  rejectionCheck(
    id,
    {
      rule: broken.rule ?? 'S13',
      suffix: 'invalid-path-400',
      summary: `${broken.description} in the path answers 400`,
    },
    async (f, valid) => {
      const params = broken.apply(valid.params ?? {}) as Record<string, string>
      expectError(await f.api.call(id, { ...valid, params }), { status: 400 }, `${broken.description} in the path`)
    },
  )

const unknownIdRejected = (id: ChatOperationId, param: string, answer: UnknownIdAnswer): Check => {
  const exact = !answer.mayAccept && answer.expected.status === 404
  return rejectionCheck(
    id,
    {
      rule: 'S13',
      suffix: `unknown-${param}${exact ? '-404' : ''}`,
      summary: `with a well-formed ${param} that never existed answers ${describe(answer.expected)}${answer.mayAccept ? ' or succeeds [open]' : ''}`,
    },
    async (f, valid) => {
      const real = valid.params?.[param]
      if (real === undefined) throw new Error(`harness bug: operationRequests.${id} has no path parameter ${param}`)
      const params = { ...valid.params, [param]: neverExistingId(real) }
      const reply = await f.api.call(id, { ...valid, params })
      expectUnknownReference(reply, answer, `with ${param} ${params[param]}, which never existed`)
    },
  )
}

/** Every failure path of one operation that its contract gives. */
export function requestRejectionChecks(id: ChatOperationId): Check[] {
  const op = chatOperation(id)
  const checks = [missingTokenRejected(id), wrongTokenRejected(id)]
  if (op.request) checks.push(invalidBodyRejected(id, op.request), unknownPropertyRejected(id))
  if (op.query) {
    // Enumerated query values are probed by the enumeration tables (S4.<op>.<field>.outside-values-rejected).
    const required = missingRequired(op.query)
    if (required) checks.push(invalidQueryRejected(id, required, 'query-missing-400'))
  }
  const path = op.params ? outsideEnum(op.params) : undefined
  if (path) checks.push(invalidPathRejected(id, path))
  for (const [param, answer] of Object.entries(operationRequests[id].ids ?? {}))
    checks.push(unknownIdRejected(id, param, answer))
  return checks
}
