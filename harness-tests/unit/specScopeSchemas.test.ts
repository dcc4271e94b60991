// The schemas of the 15 spec-scope operations (tasks, workflows, import, initialize, analytics,
// cancelling a scheduled event): valid samples pass, and each broken constraint is reported with
// the rule its schema names (x-rule), read from Ajv's errors directly.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { SchemaRegistry } from '../../src/contract/schemaRegistry.ts'
import { workflowStatusGroups } from '../../src/contract/workflowStatusGroups.ts'

const schemas = new SchemaRegistry()
const id = (prefix: string) => `${prefix}_01JD2X3Y4Z5A6B7C8D9E0F1G2H`
const now = '2023-11-07T05:31:56Z'

const task = {
  id: id('task'),
  title: 'Call back',
  description: 'About the invoice',
  type: 'callback',
  data: {},
  status: 'pending',
  conversationId: id('conv'),
  timeoutAt: now,
  createdAt: now,
  updatedAt: now,
  tags: {},
}
const workflow = {
  id: id('wf'),
  name: 'onboarding',
  status: 'in_progress',
  input: {},
  output: {},
  createdAt: now,
  updatedAt: now,
  timeoutAt: now,
  tags: {},
}
const importedMessage = {
  payload: { text: 'hi' },
  userId: id('user'),
  conversationId: id('conv'),
  type: 'text',
  tags: { source: 'archive' },
  createdAt: now,
  discriminateByTags: ['source'],
}
const user = { id: id('user'), createdAt: now, updatedAt: now, tags: {} }
const conversation = { ...user, id: id('conv'), channel: 'web', integration: '', tags: {} }

/** A valid value (no rule) or a value that breaks the constraint of `rule` at `path`. */
const cases: { name: string; schema: string; value: unknown; rule?: string; path?: string }[] = [
  { name: 'a task', schema: 'responses/task.json', value: { task } },
  {
    name: 'a task titled 65 characters',
    schema: 'resources/task.json',
    value: { ...task, title: 't'.repeat(65) },
    rule: 'S3',
    path: '/title',
  },
  {
    name: 'a task described in 257 characters',
    schema: 'resources/task.json',
    value: { ...task, description: 'd'.repeat(257) },
    rule: 'S3',
    path: '/description',
  },
  {
    name: 'a task status outside the enum',
    schema: 'resources/task.json',
    value: { ...task, status: 'done' },
    rule: 'S4',
    path: '/status',
  },
  {
    name: 'a task failureReason of null',
    schema: 'resources/task.json',
    value: { ...task, failureReason: null },
    rule: 'SHAPE',
    path: '/failureReason',
  },
  { name: 'a task failureReason', schema: 'resources/task.json', value: { ...task, failureReason: 'timed out' } },
  { name: 'a task list', schema: 'responses/tasks.json', value: { tasks: [task], meta: { nextToken: 'n' } } },
  {
    name: 'a createTask body titled 2000 characters',
    schema: 'requests/createTask.json',
    value: { type: 't', conversationId: 'c', title: 't'.repeat(2000) },
  },
  {
    name: 'a createTask body titled 2001 characters',
    schema: 'requests/createTask.json',
    value: { type: 't', conversationId: 'c', title: 't'.repeat(2001) },
    rule: 'S3',
    path: '/title',
  },
  {
    name: 'a createTask body without conversationId',
    schema: 'requests/createTask.json',
    value: { type: 't' },
    rule: 'SHAPE',
    path: '',
  },
  { name: 'a listTasks status filter', schema: 'queries/listTasks.json', value: { status: ['pending', 'blocked'] } },
  {
    name: 'a listTasks status filter with an unknown status',
    schema: 'queries/listTasks.json',
    value: { status: ['pending', 'done'] },
    rule: 'S4',
    path: '/status/1',
  },
  { name: 'a workflow', schema: 'responses/workflow.json', value: { workflow: { ...workflow, completedAt: now } } },
  {
    name: 'a workflow named 201 characters',
    schema: 'resources/workflow.json',
    value: { ...workflow, name: 'n'.repeat(201) },
    rule: 'S3',
    path: '/name',
  },
  { name: 'a workflow status timedout', schema: 'resources/workflow.json', value: { ...workflow, status: 'timedout' } },
  {
    name: 'a workflow created as completed',
    schema: 'requests/createWorkflow.json',
    value: { name: 'w', status: 'completed' },
    rule: 'S4',
    path: '/status',
  },
  {
    name: 'a workflow created in progress with an event',
    schema: 'requests/createWorkflow.json',
    value: { name: 'w', status: 'in_progress', eventId: id('evt') },
  },
  {
    name: 'a workflow updated to pending',
    schema: 'requests/updateWorkflow.json',
    value: { status: 'pending' },
    rule: 'S4',
    path: '/status',
  },
  {
    name: 'a get-or-create by status group',
    schema: 'requests/getOrCreateWorkflow.json',
    value: {
      name: 'w',
      status: 'pending',
      tags: { k: 'v' },
      discriminateByTags: ['k'],
      discriminateByStatusGroup: 'active',
    },
  },
  {
    name: 'an unknown status group',
    schema: 'requests/getOrCreateWorkflow.json',
    value: { name: 'w', status: 'pending', discriminateByStatusGroup: 'done' },
    rule: 'S4',
    path: '/discriminateByStatusGroup',
  },
  {
    name: 'a listWorkflows statuses filter',
    schema: 'queries/listWorkflows.json',
    value: { statuses: ['listening', 'timedout'] },
  },
  {
    name: '100 messages to import',
    schema: 'requests/importMessages.json',
    value: { messages: Array(100).fill(importedMessage) },
  },
  {
    name: '101 messages to import',
    schema: 'requests/importMessages.json',
    value: { messages: Array(101).fill(importedMessage) },
    rule: 'S17',
    path: '/messages',
  },
  {
    name: 'a message to import without its createdAt',
    schema: 'requests/importMessages.json',
    value: { messages: [{ ...importedMessage, createdAt: undefined }] },
    rule: 'SHAPE',
    path: '/messages/0',
  },
  { name: 'imported messages', schema: 'responses/importedMessages.json', value: { messages: [] } },
  {
    name: 'an incoming message by get-or-create fields',
    schema: 'requests/initializeIncomingMessage.json',
    value: {
      user: { tags: { handle: 'a' }, discriminateByTags: ['handle'] },
      conversation: { channel: 'web', tags: { thread: '1' }, discriminateByTags: [] },
      message: { type: 'text', payload: { text: 'hi' }, tags: {}, discriminateByTags: [] },
    },
  },
  {
    name: 'an incoming message whose user has a key not listed',
    schema: 'requests/initializeIncomingMessage.json',
    value: { userId: id('user'), conversationId: id('conv'), user: { tags: {}, discriminateByTags: [], age: 3 } },
    rule: 'SHAPE',
    path: '/user',
  },
  {
    name: 'an initialized user and conversation without a message',
    schema: 'responses/incomingMessage.json',
    value: { user, conversation },
  },
  { name: 'an analytics count of 1', schema: 'requests/trackAnalytics.json', value: { name: 'n', count: 1 } },
  {
    name: 'an analytics count of 0',
    schema: 'requests/trackAnalytics.json',
    value: { name: 'n', count: 0 },
    rule: 'S19',
    path: '/count',
  },
  {
    name: 'a fractional analytics count',
    schema: 'requests/trackAnalytics.json',
    value: { name: 'n', count: 1.5 },
    rule: 'S19',
    path: '/count',
  },
  {
    name: 'an empty analytics name',
    schema: 'requests/trackAnalytics.json',
    value: { name: '', count: 1 },
    rule: 'S3',
    path: '/name',
  },
  {
    name: 'an analytics name of 200 characters',
    schema: 'requests/trackAnalytics.json',
    value: { name: 'n'.repeat(200), count: 1 },
  },
  {
    name: 'an analytics name of 201 characters',
    schema: 'requests/trackAnalytics.json',
    value: { name: 'n'.repeat(201), count: 1 },
    rule: 'S3',
    path: '/name',
  },
]

for (const c of cases) {
  test(`spec scope: ${c.rule ? 'rejects' : 'accepts'} ${c.name}`, () => {
    const errors = schemas.validate(c.schema, c.value)
    if (!c.rule) return assert.deepEqual(errors, [])
    const rules = errors.map((e) => `${e.instancePath} ${String(e.parentSchema?.['x-rule'] ?? 'SHAPE')}`)
    assert.ok(rules.includes(`${c.path} ${c.rule}`), `expected ${c.path} ${c.rule}, got ${rules.join(' | ')}`)
  })
}

test('spec scope: limits are read through $refs', () => {
  assert.equal(schemas.schemaOf('requests/importMessages.json', 'messages').maxItems, 100)
  assert.equal(schemas.schemaOf('requests/trackAnalytics.json', 'name').minLength, 1)
  assert.equal(schemas.schemaOf('requests/trackAnalytics.json', 'name').maxLength, 200)
  assert.equal(schemas.schemaOf('requests/trackAnalytics.json', 'count').minimum, 1)
  // A type beside a $ref narrows the target's: a task's failureReason is never null.
  assert.equal(schemas.schemaOf('resources/task.json', 'failureReason').type, 'string')
  assert.deepEqual(schemas.schemaOf('resources/event.json', 'failureReason').type, ['string', 'null'])
})

test('spec scope: the status groups split the Workflow statuses, and are the groups discriminateByStatusGroup names', () => {
  const statuses = schemas.schemaOf('resources/workflow.json', 'status').enum as string[]
  const grouped = Object.values(workflowStatusGroups).flat()
  assert.deepEqual([...grouped].sort(), [...statuses].sort())
  assert.equal(new Set(grouped).size, grouped.length, 'a status in two groups')
  assert.deepEqual(
    Object.keys(workflowStatusGroups).sort(),
    [...(schemas.schemaOf('requests/getOrCreateWorkflow.json', 'discriminateByStatusGroup').enum as string[])].sort(),
  )
})
