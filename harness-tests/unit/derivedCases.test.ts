// The tables derived from schemas/ (length limits, enumerations), the strings of exact length,
// the generators of values outside a set, and the message of a failed property.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import { anyKey } from '../../fixtures/contractFields.ts'
import { enumerations, outsideValues } from '../../fixtures/enumerations.ts'
import { isWithin, lengthBoundaries } from '../../fixtures/lengthBoundaries.ts'
import { stringOfLength } from '../../fixtures/stringsOfLength.ts'
import { valuesFor } from '../../fixtures/values.ts'
import { propertyFailure } from '../../src/harness/checks/property.ts'
import { valueAt, withValueAt } from '../../src/harness/checks/requestFields.ts'
import { contractSchemas } from '../../src/contract/schemaRegistry.ts'

const values = valuesFor({ runSeed: 7, runId: 'crunit', checkTitle: 'unit' })
const codePoints = (text: string) => [...text].length

test('the boundary table reads its limits from the schemas', () => {
  const rows = lengthBoundaries()
  const type = rows.find((r) => r.operation === 'createMessage' && r.path.join('.') === 'type')
  const limit = contractSchemas().schemaOf('requests/createMessage.json', 'type').maxLength
  assert.equal(type?.maxLength, limit)
  assert.deepEqual(type?.examples, [
    { length: limit, astral: 0 },
    { length: limit, astral: limit },
    { length: Number(limit) + 1, astral: 0 },
  ])
  const userId = rows.find((r) => r.operation === 'createMessage' && r.path.join('.') === 'userId')
  assert.equal(userId?.kind, 'identifier')
  assert.deepEqual(userId && userId.examples.map((c) => isWithin(userId, c.length)), [true, true, false, false])
  assert.ok(userId && fc.sample(userId.past, { seed: 1, numRuns: 20 }).every((c) => !isWithin(userId, c.length)))
  assert.ok(rows.some((r) => r.path[0] === 'tags' && r.path[1] === anyKey))
  assert.ok(rows.some((r) => r.location === 'params' && r.operation === 'setState'))
  assert.ok(
    !rows.some((r) => r.operation === 'updateConversation'),
    'a field without a documented length is not probed',
  )
})

test('the enumeration table holds every input enum, path enums through reads only', () => {
  const rows = enumerations().map((r) => `${r.operation} ${r.location} ${r.path.join('.')}`)
  for (const expected of [
    'createMessage body origin',
    'listUsers query sortDirection',
    'listTagValues query type',
    'getState params type',
  ]) {
    assert.ok(rows.includes(expected), expected)
  }
  assert.ok(!rows.includes('setState params type'))
})

test('strings have the length asked for, in code points', () => {
  for (const length of [1, 28, 200]) {
    assert.equal(codePoints(stringOfLength('text', length, { values })), length)
    const astral = stringOfLength('text', length, { astral: length, values })
    assert.equal(codePoints(astral), length)
    assert.equal(astral.length, 2 * length)
    const mixed = stringOfLength('text', length, { astral: 1, values })
    assert.equal(mixed.length, length + 1)
  }
  const realId = 'user_01JD2X3Y4Z5A6B7C8D9E0F1G2H'
  for (const length of [27, 28, 36, 37]) {
    const id = stringOfLength('identifier', length, { values, realId })
    assert.equal(id.length, length)
    assert.ok(id.startsWith('user_'))
    assert.notEqual(id, realId)
  }
  for (const length of [23, 24, 28, 29]) {
    const date = stringOfLength('dateTime', length, { values })
    assert.equal(date.length, length)
    assert.ok(!Number.isNaN(Date.parse(date.replace(/(\.\d{3})\d+Z$/, '$1Z'))), date)
  }
})

test('values outside a set are never in it, nor empty', () => {
  fc.assert(
    fc.property(outsideValues(['asc', 'desc']), (value) => value !== '' && value !== 'asc' && value !== 'desc'),
    { seed: 1 },
  )
})

test('a value goes at a field path, a map field under a new key', () => {
  const { request, at } = withValueAt({ body: { tags: { a: '1' } } }, 'body', ['tags', anyKey], 'v', () => 'k')
  assert.deepEqual(request.body, { tags: { a: '1', k: 'v' } })
  assert.deepEqual(at, ['tags', 'k'])
  assert.equal(valueAt(request.body, at), 'v')
  const nested = withValueAt({}, 'body', ['discriminateByTags', '[]'], 'x', () => 'unused')
  assert.deepEqual(nested.request.body, { discriminateByTags: ['x'] })
})

test('a failed property shows its smallest case and how to replay it', () => {
  const details = fc.check(
    fc.property(fc.array(fc.nat()), (list) => {
      if (list.some((n) => n > 5)) throw new Error('getUser: too big\nmore detail')
    }),
    { seed: 42 },
  )
  const message = propertyFailure('S5.user.example', 1234, 100, details as fc.RunDetails<[unknown]>)
  const [first, ...rest] = message.split('\n')
  assert.match(
    first ?? '',
    /^getUser: too big — smallest failing case: \[6\]; replay: CONFORMANCE_SEED=1234 npm run certify -- --grep "S5\.user\.example"$/,
  )
  assert.ok(rest.includes('more detail'))
  assert.ok(rest.some((line) => /shrunk \d+ times/.test(line)))
})
