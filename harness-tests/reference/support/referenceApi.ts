// The embedded reference on 127.0.0.1 (any free port), called by operation id over HTTP with
// fetch: no harness client, so these tests prove the reference right on their own. Every
// answer is checked against the contract: the documented success status and the success
// schema, or the error schema (S13).
import assert from 'node:assert/strict'
import { chatOperation, fillPath, type ChatOperationId } from '../../../src/contract/operations.ts'
import { contractSchemas } from '../../../src/contract/schemaRegistry.ts'
import { describeViolations, violationLine } from '../../../src/contract/violations.ts'
import { encodeQuery } from '../../../src/harness/client/queryString.ts'
import { referenceDefaults } from '../../../src/reference/defaults.ts'
import { startReferenceServer, type ReferenceOptions } from '../../../src/reference/server.ts'

export interface Answer {
  status: number
  body: Record<string, unknown>
}

interface CallOptions {
  params?: Record<string, string>
  query?: Record<string, unknown>
  body?: unknown
}

export interface ReferenceApi {
  url: string
  /** Calls an operation; the answer has been checked against its schema (success or error). */
  call(id: ChatOperationId, options?: CallOptions): Promise<Answer>
  /** Calls an operation that must succeed; its body. */
  ok<T = Record<string, unknown>>(id: ChatOperationId, options?: CallOptions): Promise<T>
  close(): Promise<void>
}

const credentials = { token: 'reference-test-token', botId: referenceDefaults.botId }

function assertFits(schema: string, value: unknown, what: string): void {
  const lines = describeViolations(contractSchemas().validate(schema, value), 'SHAPE').map(violationLine)
  assert.deepEqual(lines, [], `${what} does not fit ${schema}`)
}

export async function referenceApi(
  options: Partial<Pick<ReferenceOptions, 'faults' | 'pageSize' | 'tagKeys'>> = {},
): Promise<ReferenceApi> {
  const server = await startReferenceServer({ ...credentials, faults: options.faults ?? [], ...options, port: 0 })
  const call = async (id: ChatOperationId, { params = {}, query, body }: CallOptions = {}): Promise<Answer> => {
    const op = chatOperation(id)
    const queryText = encodeQuery(query)
    const url = new URL(fillPath(op.path, params).replace(/^\//, ''), server.url).toString()
    const response = await fetch(queryText ? `${url}?${queryText}` : url, {
      method: op.method,
      headers: {
        authorization: `Bearer ${credentials.token}`,
        'x-bot-id': credentials.botId,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const answer = { status: response.status, body: (await response.json()) as Record<string, unknown> }
    if (answer.status < 300) {
      assert.equal(answer.status, op.status, `${id} answers ${op.status} on success`)
      assertFits(op.response, answer.body, `${id}'s answer`)
    } else {
      assertFits('error.json', answer.body, `${id}'s error answer`)
    }
    return answer
  }
  return {
    url: server.url,
    call,
    async ok<T>(id: ChatOperationId, options?: CallOptions): Promise<T> {
      const answer = await call(id, options)
      assert.ok(answer.status < 300, `${id} answered ${answer.status}: ${JSON.stringify(answer.body)}`)
      return answer.body as T
    },
    close: server.close,
  }
}

/** An error answer of one of these statuses (and, when given, this error type). */
export function assertError(answer: Answer, statuses: number[], type?: string): void {
  assert.ok(statuses.includes(answer.status), `answered ${answer.status} (expected ${statuses.join(' or ')})`)
  if (type) assert.equal(answer.body.type, type)
}
