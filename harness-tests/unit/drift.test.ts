// The drift check, on documents made from our own export with known changes: each row is a
// change and the lines drift must print for it (none when only the writing changed).
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, test } from 'node:test'
import { stringify as toYaml } from 'yaml'
import { allOperations, specOperations } from '../../src/contract/operations.ts'
import { OpenApiSource, UnreadableDocument, openApiFromText, type JsonObject } from '../../src/drift/documentLoading.ts'
import { driftAgainst, ourOperationShapes } from '../../src/drift/driftCheck.ts'
import { driftLineText } from '../../src/drift/driftComparison.ts'
import { buildOpenApiDocument } from '../../src/openapi/openapiDocument.ts'

const ours = ourOperationShapes()
const ourDocument = buildOpenApiDocument()
const exported = () => structuredClone(ourDocument) as unknown as JsonObject

/** The object at a JSON pointer ("/components/schemas/User"), to change in place. */
function at(doc: JsonObject, pointer: string): JsonObject {
  return new OpenApiSource(doc, 'mutated').pointer(`#${pointer}`) as JsonObject
}
const schema = (doc: JsonObject, name: string) => at(doc, `/components/schemas/${name}`)
const propertiesOf = (doc: JsonObject, name: string) => at(doc, `/components/schemas/${name}/properties`)
const parametersOf = (doc: JsonObject, pointer: string) => at(doc, pointer).parameters as JsonObject[]
const everyOperation = (text: string) => [...allOperations.keys()].map((id) => `${id} ${text}`)

interface Mutation {
  name: string
  change: (doc: JsonObject) => void
  lines: string[]
}

const mutations: Mutation[] = [
  { name: 'nothing', change: () => {}, lines: [] },
  {
    name: 'a shorter maximum length',
    change: (doc) => (at(doc, '/components/schemas/UpdateUserBody/properties/name').maxLength = 100),
    lines: ['updateUser body.name: maxLength 200 in ours, 100 in theirs'],
  },
  {
    name: 'an enum value gone from a resource, seen in every answer that holds it',
    change: (doc) =>
      (at(doc, '/components/schemas/Event/properties/status').enum = [
        'pending',
        'processed',
        'ignored',
        'failed',
        'scheduled',
      ]),
    lines: [
      'createEvent response.event.status: enum value "canceled" only in ours',
      'listEvents response.events[].status: enum value "canceled" only in ours',
      'getEvent response.event.status: enum value "canceled" only in ours',
    ],
  },
  {
    name: 'an enum value added to a query parameter',
    change: (doc) => {
      const status = parametersOf(doc, '/paths/~1v1~1chat~1events/get').find((p) => p.name === 'status') as JsonObject
      ;((status.schema as JsonObject).enum as unknown[]).push('canceled')
    },
    lines: ['listEvents query.status: enum value "canceled" only in theirs'],
  },
  {
    name: 'a required field made optional',
    change: (doc) => (schema(doc, 'CreateMessageBody').required = ['payload', 'userId', 'conversationId', 'tags']),
    lines: ['createMessage body.type: required in ours, optional in theirs'],
  },
  {
    name: 'a field only they have',
    change: (doc) => (propertiesOf(doc, 'CreateUserBody').locale = { type: 'string', maxLength: 10 }),
    lines: ['createUser body.locale: field only in theirs'],
  },
  {
    name: 'a field only we have (its items are not listed again)',
    change: (doc) => delete propertiesOf(doc, 'GetOrCreateUserBody').discriminateByTags,
    lines: ['getOrCreateUser body.discriminateByTags: field only in ours'],
  },
  {
    name: 'an operation only we have',
    change: (doc) => delete at(doc, '/paths')['/v1/chat/tags/{key}/values'],
    lines: ['listTagValues: operation only in ours'],
  },
  {
    name: 'a success status changed',
    change: (doc) => {
      const responses = at(doc, '/paths/~1v1~1chat~1users/post/responses')
      responses['200'] = responses['201']
      delete responses['201']
    },
    lines: ['createUser: success status 201 in ours, 200 in theirs'],
  },
  {
    name: 'a path parameter renamed',
    change: (doc) => {
      const paths = at(doc, '/paths')
      const item = paths['/v1/chat/users/{id}'] as JsonObject
      delete paths['/v1/chat/users/{id}']
      for (const method of ['get', 'put', 'delete']) (parametersOf(item, `/${method}`)[0] as JsonObject).name = 'userId'
      paths['/v1/chat/users/{userId}'] = item
    },
    lines: ['getUser', 'updateUser', 'deleteUser'].flatMap((id) => [
      `${id} path.id: field only in ours`,
      `${id} path.userId: field only in theirs`,
    ]),
  },
  {
    name: 'a header no longer required, on every operation',
    change: (doc) => (at(doc, '/components/parameters/x-bot-id').required = false),
    lines: everyOperation('header.x-bot-id: required in ours, optional in theirs'),
  },
  {
    name: 'a nullable field no longer nullable',
    change: (doc) => delete schema(doc, 'FailureReason').nullable,
    lines: [
      'createEvent response.event.failureReason: type null|string in ours, string in theirs',
      'listEvents response.events[].failureReason: type null|string in ours, string in theirs',
      'getEvent response.event.failureReason: type null|string in ours, string in theirs',
    ],
  },
  {
    name: 'a minimum length and a format',
    change: (doc) =>
      Object.assign(at(doc, '/components/schemas/Schedule/properties/dateTime'), {
        minLength: 20,
        format: 'date-time',
      }),
    lines: ['createEvent', 'createMessage', 'getOrCreateMessage'].flatMap((id) => [
      `${id} body.schedule.dateTime: format none in ours, date-time in theirs`,
      `${id} body.schedule.dateTime: minLength 24 in ours, 20 in theirs`,
    ]),
  },
  {
    name: 'their operations beyond our 48 are out of scope',
    change: (doc) =>
      (at(doc, '/paths')['/v1/chat/observations'] = {
        post: { operationId: 'captureObservation', responses: { '200': { description: 'captured' } } },
      }),
    lines: [],
  },
  {
    name: 'a document without the spec scope: its 15 operations only in ours',
    change: (doc) => {
      const paths = at(doc, '/paths')
      for (const path of ['/v1/chat/tasks', '/v1/chat/tasks/{id}', '/v1/chat/workflows', '/v1/chat/workflows/{id}'])
        delete paths[path]
      for (const path of [
        '/v1/chat/workflows/get-or-create',
        '/v1/chat/events/scheduled/{id}',
        '/v1/chat/initialize-incoming-message',
        '/v1/chat/messages/import-messages',
        '/v1/chat/analytics',
      ])
        delete paths[path]
    },
    lines: [...specOperations.keys()].map((id) => `${id}: operation only in ours`),
  },
  {
    name: 'a spec-scope limit changed: the import batch',
    change: (doc) => (at(doc, '/components/schemas/ImportMessagesBody/properties/messages').maxItems = 50),
    lines: ['importMessages body.messages: maxItems 100 in ours, 50 in theirs'],
  },
  {
    name: 'a spec-scope enum value gone: a workflow status, seen in every answer that holds it',
    change: (doc) =>
      (at(doc, '/components/schemas/WorkflowStatus').enum = [
        'pending',
        'in_progress',
        'failed',
        'completed',
        'listening',
        'paused',
        'cancelled',
      ]),
    lines: [
      'createWorkflow response.workflow.status: enum value "timedout" only in ours',
      'listWorkflows query.statuses[]: enum value "timedout" only in ours',
      'listWorkflows response.workflows[].status: enum value "timedout" only in ours',
      'getWorkflow response.workflow.status: enum value "timedout" only in ours',
      'updateWorkflow response.workflow.status: enum value "timedout" only in ours',
      'getOrCreateWorkflow response.workflow.status: enum value "timedout" only in ours',
    ],
  },
  // The same contract written differently: no drift.
  {
    name: 'a $ref written out in place, inside allOf',
    change: (doc) => (propertiesOf(doc, 'CreateEventBody').type = { allOf: [{ ...schema(doc, 'Label') }] }),
    lines: [],
  },
  {
    name: 'bodies and answers moved to components/requestBodies and components/responses',
    change: (doc) => {
      const operation = at(doc, '/paths/~1v1~1chat~1users/post')
      const responses = operation.responses as JsonObject
      at(doc, '/components').requestBodies = { createUserBody: operation.requestBody }
      at(doc, '/components/responses').createUserResponse = responses['201']
      operation.requestBody = { $ref: '#/components/requestBodies/createUserBody' }
      responses['201'] = { $ref: '#/components/responses/createUserResponse' }
    },
    lines: [],
  },
  {
    name: 'nullable written as in OpenAPI 3.1 (a type list) and as anyOf with null',
    change: (doc) => {
      const failure = schema(doc, 'FailureReason')
      delete failure.nullable
      failure.type = ['string', 'null']
      const properties = propertiesOf(doc, 'UpdateUserBody')
      const { nullable: _nullable, ...name } = properties.name as JsonObject
      properties.name = { anyOf: [name, { type: 'null' }] }
    },
    lines: [],
  },
  {
    name: 'headers declared once on the path item, in capitals',
    change: (doc) => {
      const item = at(doc, '/paths/~1v1~1chat~1users')
      for (const method of ['get', 'post']) {
        const operation = item[method] as JsonObject
        operation.parameters = parametersOf(item, `/${method}`).filter(
          (p) => p.$ref !== '#/components/parameters/x-bot-id',
        )
      }
      item.parameters = [{ name: 'X-Bot-Id', in: 'header', required: true, schema: { type: 'string' } }]
    },
    lines: [],
  },
]

for (const mutation of mutations) {
  test(`drift: ${mutation.name}`, () => {
    const doc = exported()
    mutation.change(doc)
    const { lines } = driftAgainst(new OpenApiSource(doc, 'mutated'), ours)
    assert.deepEqual(lines.map(driftLineText).sort(), [...mutation.lines].sort())
  })
}

test('drift: out-of-scope operations are named, not compared', () => {
  const doc = exported()
  at(doc, '/paths')['/v1/chat/observations'] = { post: { operationId: 'captureObservation', responses: {} } }
  assert.deepEqual(driftAgainst(new OpenApiSource(doc, 'mutated'), ours).outOfScope, ['captureObservation'])
})

test('drift: compares all 48 operations', () => {
  assert.equal(ours.length, 48)
  assert.deepEqual(ours.map((shape) => shape.id).sort(), [...allOperations.keys()].sort())
})

test('drift: a YAML copy of the export reads the same', () => {
  const { lines } = driftAgainst(openApiFromText(toYaml(ourDocument), 'export.yaml'), ours)
  assert.deepEqual(lines, [])
})

const unreadable: { name: string; text: string; message: RegExp }[] = [
  { name: 'not JSON nor YAML', text: '{"openapi": "3.0.3", "paths": {', message: /neither JSON nor YAML/ },
  {
    name: 'a Swagger 2.0 document',
    text: '{"swagger": "2.0", "paths": {}}',
    message: /Swagger 2\.0 document; drift reads OpenAPI 3\.x/,
  },
  { name: 'no openapi field', text: '{"paths": {}}', message: /not an OpenAPI 3\.x document/ },
  { name: 'no paths', text: '{"openapi": "3.0.3"}', message: /has no paths/ },
]

for (const c of unreadable) {
  test(`drift: refuses ${c.name}`, () => {
    assert.throws(
      () => openApiFromText(c.text, 'doc.json'),
      (error) => error instanceof UnreadableDocument && c.message.test(error.message),
    )
  })
}

test('drift: a $ref to another file or to nothing is refused', () => {
  for (const ref of ['other.json#/components/schemas/User', '#/components/schemas/Nowhere']) {
    const doc = exported()
    propertiesOf(doc, 'CreateUserBody').name = { $ref: ref }
    assert.throws(() => driftAgainst(new OpenApiSource(doc, 'mutated'), ours), UnreadableDocument)
  }
})

// The command itself: exit codes and what it prints (one process per exit code).
const dir = mkdtempSync(join(tmpdir(), 'drift-'))
after(() => rmSync(dir, { recursive: true, force: true }))
const runDrift = (file: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/drift.ts', file], { encoding: 'utf8', timeout: 30_000 })

const cli: { name: string; write?: (doc: JsonObject) => string; path?: string; status: number; output: RegExp }[] = [
  { name: 'exits 0 on our own export', write: (doc) => JSON.stringify(doc), status: 0, output: /^drift: none\./ },
  {
    name: 'exits 1 and lists the drift',
    write: (doc) => (
      (at(doc, '/components/schemas/UpdateUserBody/properties/name').maxLength = 100),
      JSON.stringify(doc)
    ),
    status: 1,
    output: /updateUser body\.name: maxLength 200 in ours, 100 in theirs\n1 difference in 1 of the 48 operations\./,
  },
  {
    name: 'exits 2 on a document that is not OpenAPI, without a stack trace',
    write: () => '{"swagger": "2.0"}',
    status: 2,
    output: /^drift: .* is a Swagger 2\.0 document; drift reads OpenAPI 3\.x\n$/,
  },
  {
    name: 'exits 2 on a missing file',
    path: join(dir, 'missing.json'),
    status: 2,
    output: /^drift: .*missing\.json does not exist\n$/,
  },
]

for (const c of cli) {
  test(`npm run drift ${c.name}`, () => {
    let file = c.path ?? ''
    if (c.write) {
      file = join(dir, `${c.status}.json`)
      writeFileSync(file, c.write(exported()))
    }
    const run = runDrift(file)
    assert.equal(run.status, c.status, run.stderr)
    assert.match(run.stdout + run.stderr, c.output)
    assert.doesNotMatch(run.stderr, /\n\s+at /)
  })
}
