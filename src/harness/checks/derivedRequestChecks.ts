// S13 for every case derived from an operation's schemas (fixtures/derivedCases.ts): its valid
// request (operationRequests.ts, with what it addresses made to exist) broken in one place —
// a required body field left out, a body field of a JSON type its schema does not allow, a body
// that is not JSON, empty or an array, a query parameter in a shape its schema does not allow —
// answers 400, InvalidPayload for a body that parses (InvalidQuery or InvalidPayload for a query).
// One check per operation and place (body, query), so a clean run stays a few tests.
import { derivedRequestCases, type DerivedKind, type DerivedRequestCase } from '../../../fixtures/derivedCases.ts'
import { invalidPayload, invalidQuery, type ExpectedError } from '../../contract/documentedErrors.ts'
import { operation, operations, type OperationId } from '../../contract/operations.ts'
import { contractSchemas } from '../../contract/schemaRegistry.ts'
import type { CallOptions } from '../client/runtimeClient.ts'
import { defineCheck, type Check } from './check.ts'
import type { CheckContext } from './checkContext.ts'
import { CaseRun } from './derivedCases.ts'
import { expectError } from './expectations.ts'
import { operationRequests } from './operationRequests.ts'
import { validQueryValue } from './queryValues.ts'
import { withValueAt } from './requestFields.ts'

/** A body that cannot be parsed: the documents name no error type for it, only a 400. */
const unparsable: ExpectedError = { status: 400 }

function expectInvalid(schema: string, value: unknown, c: DerivedRequestCase): void {
  if (contractSchemas().validate(schema, value).length === 0)
    throw new Error(`harness bug: ${c.operation} ${c.description} gives ${JSON.stringify(value)}, which is valid`)
}

function brokenBody(c: DerivedRequestCase, valid: CallOptions, newKey: () => string): CallOptions {
  const change = c.change
  const body = (valid.body ?? {}) as Record<string, unknown>
  let request: CallOptions
  if ('omit' in change) {
    const { [change.omit]: _left, ...rest } = body
    request = { ...valid, body: rest }
  } else if ('at' in change) request = withValueAt(valid, 'body', change.at, change.value, newKey).request
  else if ('whole' in change) request = { ...valid, body: change.whole }
  else if ('raw' in change) {
    const { body: _body, ...rest } = valid
    request = { ...rest, rawBody: change.raw }
  } else throw new Error(`harness bug: ${c.description} is not a body case`)
  if (c.schemaBreak) expectInvalid(operation(c.operation).request as string, request.body, c)
  return request
}

async function brokenQuery(
  f: CheckContext,
  c: DerivedRequestCase,
  valid: CallOptions,
): Promise<CallOptions | { notRun: string }> {
  const change = c.change
  let query = { ...valid.query }
  if ('omit' in change) delete query[change.omit]
  else if ('param' in change) {
    const found = await validQueryValue(f, c.operation, change.param, valid)
    if ('notRun' in found) return found
    if (found.query) query = { ...found.query }
    const value = found.value
    query[change.param] =
      change.shape === 'repeated'
        ? [value, value]
        : change.shape === 'map'
          ? { conformance: Array.isArray(value) ? (value[0] as unknown) : value }
          : 'conformance'
  } else throw new Error(`harness bug: ${c.description} is not a query case`)
  expectInvalid(operation(c.operation).query as string, query, c)
  return { ...valid, query }
}

/** The valid request the cases break: built, and what it addresses made to exist. */
async function validBase(f: CheckContext, id: OperationId): Promise<CallOptions> {
  const entry = operationRequests[id]
  const request = await entry.build(f)
  await entry.prepare?.(f, request)
  return request
}

const bodyKinds: readonly DerivedKind[] = ['required', 'type', 'body']

const derivedBodyCheck = (id: OperationId, cases: DerivedRequestCase[]): Check => {
  const entry = operationRequests[id]
  return defineCheck(
    {
      id: `S13.${id}.derived-body`,
      operation: id,
      summary: `${id} answers 400 to each of the ${cases.length} bodies derived from its schema: each required field left out, each field of a JSON type it does not allow, a body that is not JSON, empty, or an array`,
      failurePath: true,
      ...(entry.needs ? { needs: entry.needs } : {}),
    },
    async (f) => {
      const valid = await validBase(f, id)
      const run = new CaseRun(f.api.log, id, bodyKinds)
      const newKey = () => f.values.keyFor('derivedCase')
      for (const c of cases) {
        const request = brokenBody(c, valid, newKey)
        await run.record(c.kind, c.description, async () => {
          expectError(await f.api.call(id, request), c.schemaBreak ? invalidPayload : unparsable, c.description)
        })
      }
      run.finish()
    },
  )
}

const derivedQueryCheck = (id: OperationId, cases: DerivedRequestCase[]): Check =>
  defineCheck(
    {
      id: `S13.${id}.derived-query`,
      operation: id,
      summary: `${id} answers 400 ${invalidQuery.type.join(' or ')} to each of the ${cases.length} queries derived from its schema: each parameter in a shape it does not allow, each required one left out`,
      failurePath: true,
    },
    async (f) => {
      const valid = await validBase(f, id)
      const run = new CaseRun(f.api.log, id, ['query'])
      for (const c of cases) {
        await run.record(c.kind, c.description, async () => {
          const request = await brokenQuery(f, c, valid)
          if ('notRun' in request) return request.notRun
          expectError(await f.api.call(id, request), invalidQuery, c.description)
        })
      }
      run.finish()
    },
  )

/** One check per operation with a body, and one per operation with a query. */
export function derivedRequestChecks(place: 'body' | 'query'): Check[] {
  return [...operations.keys()].flatMap((id) => {
    const cases = derivedRequestCases(id).filter((c) => (place === 'query') === (c.kind === 'query'))
    if (cases.length === 0) return []
    return [place === 'body' ? derivedBodyCheck(id, cases) : derivedQueryCheck(id, cases)]
  })
}
