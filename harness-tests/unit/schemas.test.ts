// The schemas compile (strict) and say yes to valid samples and no, with the right rule and a
// readable line, to invalid ones.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { SchemaRegistry } from '../../src/contract/schemaRegistry.ts'
import {
  allOperations,
  chatOperation,
  isSpecOperationId,
  operations,
  specOperations,
} from '../../src/contract/operations.ts'
import { describeViolations, violationLine } from '../../src/contract/violations.ts'

const schemas = new SchemaRegistry()
const id = (prefix: string) => `${prefix}_01JD2X3Y4Z5A6B7C8D9E0F1G2H`
const now = '2023-11-07T05:31:56Z'
const message = {
  id: id('msg'),
  createdAt: now,
  updatedAt: now,
  type: 'text',
  payload: { text: 'hi' },
  direction: 'incoming',
  userId: id('user'),
  conversationId: id('conv'),
  tags: {},
}

const cases: { name: string; schema: string; value: unknown; rule?: string; line?: RegExp }[] = [
  { name: 'a message', schema: 'responses/message.json', value: { message } },
  {
    name: 'a message with origin',
    schema: 'responses/message.json',
    value: { message: { ...message, origin: 'synthetic' } },
  },
  {
    name: 'an id one short',
    schema: 'responses/message.json',
    value: { message: { ...message, id: 'x'.repeat(27) } },
    rule: 'S1',
    line: /^\/message\/id \[S1\] must NOT have fewer than 28/,
  },
  {
    name: 'an id one long',
    schema: 'responses/message.json',
    value: { message: { ...message, userId: 'x'.repeat(37) } },
    rule: 'S1',
    line: /^\/message\/userId \[S1\]/,
  },
  {
    name: 'a date that is not ISO',
    schema: 'responses/message.json',
    value: { message: { ...message, createdAt: 'Tue, 07 Nov 2023' } },
    rule: 'S2',
    line: /date-time/,
  },
  {
    name: 'a direction outside the enum',
    schema: 'responses/message.json',
    value: { message: { ...message, direction: 'sideways' } },
    rule: 'S4',
    line: /must be one of "incoming", "outgoing"/,
  },
  {
    name: 'a missing required field',
    schema: 'responses/message.json',
    value: { message: { ...message, tags: undefined } },
    rule: 'SHAPE',
    line: /^\/message\/tags \[SHAPE\] is required/,
  },
  {
    name: 'an extra property',
    schema: 'responses/message.json',
    value: { message: { ...message, extra: 1 } },
    rule: 'SHAPE',
    line: /not allowed/,
  },
  {
    name: 'a wrong envelope',
    schema: 'responses/message.json',
    value: { data: message },
    rule: 'SHAPE',
    line: /^\/message \[SHAPE\] is required/,
  },
  {
    name: 'a 200-character type',
    schema: 'requests/createMessage.json',
    value: { payload: {}, userId: id('user'), conversationId: id('conv'), type: 't'.repeat(200), tags: {} },
  },
  {
    name: '200 astral characters (400 UTF-16 units)',
    schema: 'requests/createMessage.json',
    value: { payload: {}, userId: id('user'), conversationId: id('conv'), type: '😀'.repeat(200), tags: {} },
  },
  {
    name: 'a 201-character type',
    schema: 'requests/createMessage.json',
    value: { payload: {}, userId: id('user'), conversationId: id('conv'), type: 't'.repeat(201), tags: {} },
    rule: 'S3',
    line: /^\/type \[S3\] must NOT have more than 200 characters/,
  },
  {
    name: 'a 501-character tag value',
    schema: 'requests/createUser.json',
    value: { tags: { k: 'v'.repeat(501) } },
    rule: 'S3',
    line: /^\/tags\/k \[S3\]/,
  },
  { name: 'a null user name in an update', schema: 'requests/updateUser.json', value: { name: null } },
  {
    name: 'an unknown state type',
    schema: 'params/state.json',
    value: { type: 'team', id: 'x', name: 'n' },
    rule: 'S4',
  },
  {
    name: 'an error body',
    schema: 'error.json',
    value: { id: 'err_1', code: 404, type: 'ResourceNotFound', message: 'gone' },
  },
  {
    name: "an error whose code is not its type's",
    schema: 'error.json',
    value: { id: 'err_1', code: 400, type: 'ResourceNotFound', message: 'gone' },
    rule: 'S13',
    line: /^\/code \[S13\] must be 404, got 400/,
  },
  {
    name: 'an undocumented error type',
    schema: 'error.json',
    value: { id: 'err_1', code: 418, type: 'Teapot', message: 'no' },
    rule: 'S13',
    line: /^\/type \[S13\]/,
  },
  { name: 'an empty answer with a key', schema: 'responses/empty.json', value: { ok: true }, rule: 'SHAPE' },
  { name: 'a state payload of null (deletes it)', schema: 'requests/setState.json', value: { payload: null } },
  {
    name: 'a state payload that is a string',
    schema: 'requests/setState.json',
    value: { payload: 'x' },
    rule: 'SHAPE',
    line: /^\/payload \[SHAPE\] must be object/,
  },
  {
    name: 'sandboxIdentifiers of null',
    schema: 'requests/configureIntegration.json',
    value: { sandboxIdentifiers: null },
  },
  { name: 'sandboxIdentifiers of {}', schema: 'requests/configureIntegration.json', value: { sandboxIdentifiers: {} } },
  {
    name: 'sandboxIdentifiers with a key',
    schema: 'requests/configureIntegration.json',
    value: { sandboxIdentifiers: { a: 'b' } },
    rule: 'SHAPE',
    line: /^\/sandboxIdentifiers\/a \[SHAPE\] is not allowed/,
  },
]

test('every schema compiles in strict mode', () => {
  schemas.compileAll()
})

test('every operation names schemas that exist', () => {
  assert.equal(operations.size, 33)
  for (const op of operations.values()) {
    for (const name of [op.params, op.query, op.request, op.response])
      if (name) assert.ok(schemas.files.has(name), `${op.id}: ${name}`)
  }
})

test('the 15 spec-scope operations name schemas that exist, apart from the 33', () => {
  assert.equal(specOperations.size, 15)
  assert.equal(allOperations.size, 48)
  assert.deepEqual([...allOperations.keys()].slice(0, 33), [...operations.keys()])
  for (const op of specOperations.values()) {
    assert.ok(!operations.has(op.id as never), `${op.id} is among the 33`)
    assert.ok(isSpecOperationId(op.id))
    assert.equal(chatOperation(op.id), op)
    for (const name of [op.params, op.query, op.request, op.response])
      if (name) assert.ok(schemas.files.has(name), `${op.id}: ${name}`)
  }
  assert.equal(chatOperation('getUser'), operations.get('getUser'))
  assert.ok(!isSpecOperationId('getUser'))
})

for (const c of cases) {
  test(`${c.rule ? 'rejects' : 'accepts'} ${c.name}`, () => {
    const violations = describeViolations(
      schemas.validate(c.schema, c.value),
      c.schema === 'error.json' ? 'S13' : 'SHAPE',
    )
    if (!c.rule) return assert.deepEqual(violations.map(violationLine), [])
    assert.ok(violations.length > 0, 'expected a violation')
    assert.ok(
      violations.some((v) => v.rule === c.rule),
      `expected rule ${c.rule}, got ${violations.map(violationLine).join(' | ')}`,
    )
    if (c.line)
      assert.ok(
        violations.some((v) => c.line?.test(violationLine(v))),
        violations.map(violationLine).join(' | '),
      )
  })
}

test('schemaOf reads a limit through $refs', () => {
  assert.equal(schemas.schemaOf('requests/createMessage.json', 'type').maxLength, 200)
  assert.equal(schemas.schemaOf('resources/user.json', 'id').minLength, 28)
})
