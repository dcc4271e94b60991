// Prism serves a mock from the document: valid requests get answers that our own schemas accept
// (with the documented success status), and requests outside the document are refused with
// Prism's finding.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { fillPath, operation, type OperationId } from '../../src/contract/operations.ts'
import { SchemaRegistry } from '../../src/contract/schemaRegistry.ts'
import { openapiPath } from '../../src/openapi/openapiDocument.ts'
import { startPrism, type PrismServer } from '../../src/prism/prismServer.ts'

interface MockRequest {
  operation: OperationId
  params?: Record<string, string>
  query?: string
  body?: unknown
  /** Headers to send instead of the usual ones (undefined: leave one out). */
  headers?: Record<string, string | undefined>
}

const id = 'user_01JD2X3Y4Z5A6B7C8D9E0F1G2H'
const usualHeaders = { authorization: 'Bearer mock-token', 'x-bot-id': 'mock-bot' }

const answered: MockRequest[] = [
  { operation: 'listUsers', query: 'tags[team]=a&sortField=createdAt' },
  { operation: 'createUser', body: { tags: { team: 'a' }, name: 'Ada' } },
  { operation: 'getConversation', params: { id } },
  { operation: 'listConversations', query: 'participantIds=u1&participantIds=u2' },
  { operation: 'listEvents', query: 'status=pending' },
  // The vendor client's dotted map (S7): Prism reads tags.team as an undeclared parameter and lets it through.
  { operation: 'listMessages', query: `tags.team=a&conversationId=${id}` },
  { operation: 'getState', params: { type: 'user', id, name: 'profile' } },
  { operation: 'setState', params: { type: 'bot', id, name: 'profile' }, body: { payload: null } },
  { operation: 'deleteMessage', params: { id } },
  { operation: 'callAction', body: { type: 'conformance:echo', input: {} } },
  { operation: 'listTagValues', params: { key: 'team' }, query: 'type=user' },
]

const refused: (MockRequest & { name: string; finding: RegExp })[] = [
  {
    name: 'a body without a required field',
    operation: 'createUser',
    body: { name: 'Ada' },
    finding: /required property 'tags'/,
  },
  {
    name: 'a property the body does not list',
    operation: 'addParticipant',
    params: { id },
    body: { userId: id, role: 'admin' },
    finding: /additional properties/,
  },
  {
    name: 'a state type outside the enum',
    operation: 'getState',
    params: { type: 'team', id, name: 'profile' },
    finding: /"location":\["request","path","type"\]/,
  },
  {
    name: 'a query without its required parameter',
    operation: 'listTagValues',
    params: { key: 'team' },
    finding: /required property 'type'/,
  },
  { name: 'no x-bot-id header', operation: 'listUsers', headers: { 'x-bot-id': undefined }, finding: /x-bot-id/ },
  { name: 'no bearer token', operation: 'listUsers', headers: { authorization: undefined }, finding: /security/ },
]

const schemas = new SchemaRegistry()
let prism: PrismServer

before(async () => {
  prism = await startPrism(['mock', openapiPath])
})
after(() => prism?.stop())

function send(request: MockRequest): Promise<Response> {
  const op = operation(request.operation)
  const headers = Object.fromEntries(
    Object.entries({
      ...usualHeaders,
      ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...request.headers,
    }).filter((entry): entry is [string, string] => entry[1] !== undefined),
  )
  const url = `${prism.url}${fillPath(op.path, request.params ?? {})}${request.query ? `?${request.query}` : ''}`
  return fetch(url, {
    method: op.method,
    headers,
    body: request.body === undefined ? undefined : JSON.stringify(request.body),
    signal: AbortSignal.timeout(10_000),
  })
}

for (const request of answered) {
  test(`prism mock answers ${request.operation} as the contract says`, async () => {
    const op = operation(request.operation)
    const answer = await send(request)
    const body: unknown = await answer.json()
    assert.equal(answer.status, op.status, JSON.stringify(body))
    assert.equal(answer.headers.get('sl-violations'), null)
    assert.deepEqual(
      schemas.validate(op.response, body),
      [],
      `schemas/${op.response} rejects the mock's ${JSON.stringify(body)}`,
    )
  })
}

for (const request of refused) {
  test(`prism mock refuses ${request.name}`, async () => {
    const answer = await send(request)
    await answer.arrayBuffer()
    assert.ok(answer.status >= 400, `answered ${answer.status}`)
    assert.match(answer.headers.get('sl-violations') ?? '', request.finding)
  })
}
