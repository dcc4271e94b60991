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

test('tasks and workflows (the spec scope) are tracked from their answers and removed by their deletes', () => {
  const ledger = new ResourceLedger()
  ledger.observe('createTask', { body: { type: 't', conversationId: at.id } }, { task: { id: 'task_1' } })
  ledger.observe('createWorkflow', { body: { name: 'w', status: 'pending' } }, { workflow: { id: 'wf_1' } })
  ledger.observe('getOrCreateWorkflow', { body: { name: 'w', status: 'pending' } }, { workflow: { id: 'wf_2' } })
  ledger.observe('deleteWorkflow', { params: { id: 'wf_1' } }, {})
  assert.deepEqual(ledger.pending().map(describeTracked), ['workflow wf_2', 'task task_1'])
  assert.deepEqual(removalOf({ kind: 'task', id: 'task_1' }), {
    operation: 'deleteTask',
    params: { id: 'task_1' },
    errorIsLeftover: true,
  })
  assert.equal(removalOf({ kind: 'workflow', id: 'wf_2' }).operation, 'deleteWorkflow')
})

test('importMessages and initializeIncomingMessage: every resource of their answer is tracked', () => {
  const ledger = new ResourceLedger()
  ledger.observe('importMessages', { body: {} }, { messages: [{ id: 'msg_1' }, { id: 'msg_2' }] })
  ledger.observe(
    'initializeIncomingMessage',
    { body: {} },
    { user: { id: 'user_1' }, conversation: { id: 'conv_1' }, message: { id: 'msg_3' } },
  )
  ledger.observe('initializeIncomingMessage', { body: {} }, { user: { id: 'user_2' }, conversation: { id: 'conv_1' } })
  assert.deepEqual(ledger.pending().map(describeTracked), [
    'user user_2',
    'message msg_3',
    'conversation conv_1',
    'user user_1',
    'message msg_2',
    'message msg_1',
  ])
})
