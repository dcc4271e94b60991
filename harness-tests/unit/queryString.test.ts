import assert from 'node:assert/strict'
import { test } from 'node:test'
import qs from 'qs'
import { encodeQuery, encodeQueryWithBrackets } from '../../src/harness/client/queryString.ts'

test('maps use dots and arrays repeat their key, as the vendor client writes them', () => {
  assert.equal(
    encodeQuery({ tags: { foo: 'a' }, participantIds: ['u1', 'u2'] }),
    'tags.foo=a&participantIds=u1&participantIds=u2',
  )
})

test('values are percent-encoded and absent values left out', () => {
  assert.equal(
    encodeQuery({ tags: { k: 'a b&c=d' }, nextToken: undefined, channel: 'é' }),
    'tags.k=a%20b%26c%3Dd&channel=%C3%A9',
  )
  assert.equal(encodeQuery(undefined), '')
  assert.equal(encodeQuery({}), '')
})

test('the bracket form is what qs parses by default', () => {
  const text = encodeQueryWithBrackets({ tags: { foo: 'a' } })
  assert.equal(decodeURIComponent(text), 'tags[foo]=a')
  assert.deepEqual(qs.parse(text), { tags: { foo: 'a' } })
})

test('both forms parse back to the same query with allowDots', () => {
  const query = { tags: { foo: 'a', bar: 'b' }, participantIds: ['u1', 'u2'] }
  assert.deepEqual(qs.parse(encodeQuery(query), { allowDots: true }), query)
  assert.deepEqual(qs.parse(encodeQueryWithBrackets(query), { allowDots: true }), query)
})
