import assert from 'node:assert/strict'
import { test } from 'node:test'
import { SecretMask } from '../../src/harness/client/secretMask.ts'

const token = 'bp_tok/en+with"odd chars'
const mask = new SecretMask(token)

test('the token is masked raw, URL-encoded and JSON-escaped', () => {
  for (const form of [token, encodeURIComponent(token), JSON.stringify(token).slice(1, -1)]) {
    assert.equal(mask.mask(`before ${form} after`), 'before *** after')
  }
})

test('authorization headers keep their scheme only', () => {
  assert.deepEqual(mask.maskHeaders({ Authorization: `Bearer ${token}`, 'x-bot-id': 'bot' }), { Authorization: 'Bearer ***', 'x-bot-id': 'bot' })
  assert.deepEqual(mask.maskHeaders({ authorization: 'Bearer something-else' }), { authorization: 'Bearer ***' })
})
