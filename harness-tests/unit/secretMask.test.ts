import assert from 'node:assert/strict'
import { test } from 'node:test'
import { SecretMask } from '../../src/harness/client/secretMask.ts'
import { maskedError } from '../../src/harness/checks/maskedError.ts'

const token = 'bp_tok/en+with"odd chars'
const mask = new SecretMask(token)

test('the token is masked raw, URL-encoded and JSON-escaped', () => {
  for (const form of [token, encodeURIComponent(token), JSON.stringify(token).slice(1, -1)]) {
    assert.equal(mask.mask(`before ${form} after`), 'before *** after')
  }
})

test('authorization headers keep their scheme only', () => {
  assert.deepEqual(mask.maskHeaders({ Authorization: `Bearer ${token}`, 'x-bot-id': 'bot' }), {
    Authorization: 'Bearer ***',
    'x-bot-id': 'bot',
  })
  assert.deepEqual(mask.maskHeaders({ authorization: 'Bearer something-else' }), { authorization: 'Bearer ***' })
})

test('a failed check’s error is masked in its message and its stack', () => {
  const error = new Error(`getUser answered 401 Unauthorized "Bearer ${token} is not valid"`)
  assert.equal(
    maskedError(error, (text) => mask.mask(text)),
    error,
    'the same error, so its class still tells what failed',
  )
  assert.ok(!error.message.includes(token) && error.message.includes('Bearer ***'))
  assert.ok(!error.stack?.includes(token))
  assert.equal(
    maskedError('not an error', (text) => mask.mask(text)),
    'not an error',
  )
})
