// The ledger learns from successful answers what a test created, so cleanup can remove it:
// users, conversations and messages by their delete, states by setState with payload null.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { ResourceLedger, describeTracked, removalOf } from '../../src/harness/client/resourceLedger.ts'

const at = { type: 'conversation', id: 'conv_01JD2X3Y4Z5A6B7C8D9E0F1G2H', name: 'cart' }

test('tracks created resources and states, newest first, and forgets deleted ones', () => {
  const ledger = new ResourceLedger()
  ledger.observe('createConversation', { body: { channel: 'c', tags: {} } }, { conversation: { id: at.id } })
  ledger.observe('setState', { params: at, body: { payload: { items: 1 } } }, { state: {} })
  ledger.observe('createUser', { body: { tags: {} } }, { user: { id: 'user_1' } })
  ledger.observe('deleteUser', { params: { id: 'user_1' } }, {})
  assert.deepEqual(ledger.pending().map(describeTracked), [`state conversation/${at.id}/cart`, `conversation ${at.id}`])
})

test('a state set twice is tracked once; setState with payload null forgets it', () => {
  const ledger = new ResourceLedger()
  ledger.observe('setState', { params: at, body: { payload: { items: 1 } } }, { state: {} })
  ledger.observe('getOrSetState', { params: at, body: { payload: { items: 2 } } }, { state: {} })
  assert.equal(ledger.pending().length, 1)
  ledger.observe('setState', { params: at, body: { payload: null } }, { state: {} })
  assert.deepEqual(ledger.pending(), [])
})

test('reads track nothing', () => {
  const ledger = new ResourceLedger()
  ledger.observe('getState', { params: at }, { state: {}, meta: { cached: false } })
  ledger.observe('getUser', { params: { id: 'user_1' } }, { user: { id: 'user_1' } })
  assert.deepEqual(ledger.pending(), [])
})

test('a state is removed with setState payload null, and an error answer there is no leftover', () => {
  assert.deepEqual(removalOf({ kind: 'state', address: at }), {
    operation: 'setState',
    params: at,
    body: { payload: null },
    errorIsLeftover: false,
  })
  assert.deepEqual(removalOf({ kind: 'message', id: 'msg_1' }), {
    operation: 'deleteMessage',
    params: { id: 'msg_1' },
    errorIsLeftover: true,
  })
})
