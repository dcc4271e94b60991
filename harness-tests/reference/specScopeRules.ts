// The rules of the spec scope (S14-S19) as small named scenarios against a reference over HTTP.
// specScope.test.ts runs them all on the clean reference; the unit test of the spec-scope faults
// runs the scenario a fault breaks on the reference with that fault and sees it fail. Limits
// are read from the schemas, never restated.
import assert from 'node:assert/strict'
import { contractSchemas } from '../../src/contract/schemaRegistry.ts'
import type { Conversation, Event, Message, Task, User, Workflow } from '../../src/contract/types.ts'
import { assertError, type ReferenceApi } from './support/referenceApi.ts'

export interface RuleScenario {
  /** The rule and what of it the scenario shows: "S14.update-leaves-unsent". */
  name: string
  /** The page size the reference must have, for scenarios that walk several pages. */
  pageSize?: number
  run(api: ReferenceApi): Promise<void>
}

const limit = (schema: string, ...path: string[]) => contractSchemas().schemaOf(schema, ...path)

async function newUser(api: ReferenceApi, tags: Record<string, string> = {}): Promise<User> {
  return (await api.ok<{ user: User }>('createUser', { body: { tags } })).user
}

async function newConversation(api: ReferenceApi, tags: Record<string, string> = {}): Promise<Conversation> {
  return (await api.ok<{ conversation: Conversation }>('createConversation', { body: { channel: 'web', tags } }))
    .conversation
}

async function newEvent(api: ReferenceApi, scheduled: boolean): Promise<Event> {
  const body = { type: 'reminder', payload: {}, ...(scheduled ? { schedule: { delay: 3_600_000 } } : {}) }
  return (await api.ok<{ event: Event }>('createEvent', { body })).event
}

async function newTask(api: ReferenceApi, body: Record<string, unknown>): Promise<Task> {
  return (await api.ok<{ task: Task }>('createTask', { body: { type: 'callback', ...body } })).task
}

async function newWorkflow(api: ReferenceApi, body: Record<string, unknown>): Promise<Workflow> {
  return (
    await api.ok<{ workflow: Workflow }>('createWorkflow', { body: { name: 'onboarding', status: 'pending', ...body } })
  ).workflow
}

/** Every item of a list, page after page; each page's items in the order given. */
async function walk<T>(
  api: ReferenceApi,
  id: 'listTasks' | 'listWorkflows',
  plural: string,
  query: object,
): Promise<T[]> {
  const items: T[] = []
  let nextToken: string | undefined
  for (let pages = 0; pages < 50; pages++) {
    const body = await api.ok(id, { query: { ...query, ...(nextToken ? { nextToken } : {}) } })
    items.push(...(body[plural] as T[]))
    nextToken = (body.meta as { nextToken?: string }).nextToken
    if (!nextToken) return items
  }
  throw new Error(`${id} still gave a nextToken after 50 pages`)
}

const ids = (items: { id: string }[]) => items.map((item) => item.id)
const sorted = (values: string[]) => [...values].sort()

/** Listed newest first, each once: the ids of `made` in reverse order of creation. */
function assertNewestFirst(listed: { id: string; createdAt: string }[], made: { id: string }[]): void {
  assert.deepEqual(ids(listed), ids(made).reverse())
  for (let i = 1; i < listed.length; i++)
    assert.ok((listed[i - 1] as { createdAt: string }).createdAt >= (listed[i] as { createdAt: string }).createdAt)
}

const tasksRules: RuleScenario[] = [
  {
    name: 'S14.create-then-get',
    async run(api) {
      const conversation = await newConversation(api)
      const task = await newTask(api, { conversationId: conversation.id, title: 'Call back', tags: { ticket: 'T-1' } })
      assert.equal(task.conversationId, conversation.id)
      assert.equal(task.title, 'Call back')
      assert.deepEqual(task.tags, { ticket: 'T-1' })
      assert.deepEqual((await api.ok<{ task: Task }>('getTask', { params: { id: task.id } })).task, task)
    },
  },
  {
    name: 'S14.create-needs-type-and-conversation',
    async run(api) {
      const conversation = await newConversation(api)
      assertError(await api.call('createTask', { body: { type: 'callback' } }), [400], 'InvalidPayload')
      assertError(await api.call('createTask', { body: { conversationId: conversation.id } }), [400], 'InvalidPayload')
    },
  },
  {
    name: 'S14.title-and-description-fit-the-task',
    async run(api) {
      // [open] what happens to a text longer than the Task holds; whatever it is, the Task answered fits.
      const conversation = await newConversation(api)
      const title = 't'.repeat(limit('requests/createTask.json', 'title').maxLength as number)
      const description = 'd'.repeat(limit('requests/createTask.json', 'description').maxLength as number)
      await newTask(api, { conversationId: conversation.id, title, description })
    },
  },
  {
    name: 'S14.update-leaves-unsent-fields',
    async run(api) {
      const conversation = await newConversation(api)
      const task = await newTask(api, {
        conversationId: conversation.id,
        title: 'Call back',
        description: 'About the invoice',
        data: { invoice: 7 },
        tags: { ticket: 'T-1', team: 'blue' },
      })
      const updated = (
        await api.ok<{ task: Task }>('updateTask', {
          params: { id: task.id },
          body: { status: 'in_progress', tags: { team: '', stage: 'two' } },
        })
      ).task
      assert.equal(updated.status, 'in_progress')
      assert.deepEqual(
        { ...updated, updatedAt: task.updatedAt, status: task.status },
        { ...task, tags: { ticket: 'T-1', stage: 'two' } },
      )
      assert.ok(updated.updatedAt >= task.updatedAt)
      assert.deepEqual((await api.ok<{ task: Task }>('getTask', { params: { id: task.id } })).task, updated)
    },
  },
  {
    name: 'S14.delete-then-404',
    async run(api) {
      const task = await newTask(api, { conversationId: (await newConversation(api)).id })
      assert.deepEqual(await api.ok('deleteTask', { params: { id: task.id } }), {})
      assertError(await api.call('getTask', { params: { id: task.id } }), [404], 'ResourceNotFound')
    },
  },
  {
    name: 'S14.list-filters',
    async run(api) {
      const [here, there] = [await newConversation(api), await newConversation(api)]
      const alice = await newUser(api)
      const parent = await newTask(api, { conversationId: here.id, type: 'parent' })
      const child = await newTask(api, { conversationId: here.id, parentTaskId: parent.id, userId: alice.id })
      const tagged = await newTask(api, { conversationId: there.id, tags: { scope: 'list-filters' } })
      await api.ok('updateTask', { params: { id: tagged.id }, body: { status: 'blocked' } })
      const listed = async (query: object) => sorted(ids(await walk<Task>(api, 'listTasks', 'tasks', query)))
      assert.deepEqual(await listed({ conversationId: here.id }), sorted([parent.id, child.id]))
      assert.deepEqual(await listed({ userId: alice.id }), [child.id])
      assert.deepEqual(await listed({ parentTaskId: parent.id }), [child.id])
      assert.deepEqual(await listed({ type: 'parent' }), [parent.id])
      assert.deepEqual(await listed({ tags: { scope: 'list-filters' } }), [tagged.id])
      assert.deepEqual(await listed({ status: ['blocked'] }), [tagged.id])
      assert.deepEqual(await listed({ status: ['blocked', 'pending'] }), sorted([parent.id, child.id, tagged.id]))
    },
  },
  {
    name: 'S14.list-newest-first-on-every-page',
    pageSize: 2,
    async run(api) {
      const conversation = await newConversation(api)
      const made: Task[] = []
      for (let i = 0; i < 5; i++) made.push(await newTask(api, { conversationId: conversation.id, title: `task ${i}` }))
      assertNewestFirst(await walk<Task>(api, 'listTasks', 'tasks', { conversationId: conversation.id }), made)
    },
  },
]

const workflowsRules: RuleScenario[] = [
  {
    name: 'S15.create-then-get',
    async run(api) {
      const workflow = await newWorkflow(api, { input: { step: 1 }, tags: { flow: 'a' } })
      assert.equal(workflow.status, 'pending')
      assert.deepEqual(workflow.input, { step: 1 })
      assert.deepEqual(
        (await api.ok<{ workflow: Workflow }>('getWorkflow', { params: { id: workflow.id } })).workflow,
        workflow,
      )
    },
  },
  {
    name: 'S15.in-progress-needs-event-id',
    async run(api) {
      assertError(await api.call('createWorkflow', { body: { name: 'w', status: 'in_progress' } }), [400])
      const event = await newEvent(api, false)
      const started = await newWorkflow(api, { status: 'in_progress', eventId: event.id })
      assert.equal(started.status, 'in_progress')
      const waiting = await newWorkflow(api, { status: 'listening' })
      assertError(
        await api.call('updateWorkflow', { params: { id: waiting.id }, body: { status: 'in_progress' } }),
        [400],
      )
      assert.equal(
        (await api.ok<{ workflow: Workflow }>('getWorkflow', { params: { id: waiting.id } })).workflow.status,
        'listening',
      )
      const resumed = await api.ok<{ workflow: Workflow }>('updateWorkflow', {
        params: { id: waiting.id },
        body: { status: 'in_progress', eventId: event.id },
      })
      assert.equal(resumed.workflow.status, 'in_progress')
      assertError(
        await api.call('getOrCreateWorkflow', { body: { name: 'w', status: 'in_progress', tags: { k: 'v' } } }),
        [400],
      )
    },
  },
  {
    name: 'S15.update-leaves-unsent-fields',
    async run(api) {
      const user = await newUser(api)
      const workflow = await newWorkflow(api, {
        input: { step: 1 },
        userId: user.id,
        tags: { flow: 'a', team: 'blue' },
      })
      const updated = (
        await api.ok<{ workflow: Workflow }>('updateWorkflow', {
          params: { id: workflow.id },
          body: { output: { done: true }, tags: { team: '' } },
        })
      ).workflow
      assert.deepEqual(
        { ...updated, updatedAt: workflow.updatedAt },
        { ...workflow, output: { done: true }, tags: { flow: 'a' } },
      )
      assert.deepEqual(
        (await api.ok<{ workflow: Workflow }>('getWorkflow', { params: { id: workflow.id } })).workflow,
        updated,
      )
    },
  },
  {
    name: 'S15.completed-at-when-completed',
    async run(api) {
      // [open] whether completedAt is set; the vendor's usage: yes.
      const workflow = await newWorkflow(api, { status: 'listening' })
      assert.equal(workflow.completedAt, undefined)
      const done = (
        await api.ok<{ workflow: Workflow }>('updateWorkflow', {
          params: { id: workflow.id },
          body: { status: 'completed' },
        })
      ).workflow
      assert.equal(done.status, 'completed')
      assert.ok(done.completedAt && done.completedAt >= workflow.createdAt)
    },
  },
  {
    name: 'S15.delete-then-404',
    async run(api) {
      const workflow = await newWorkflow(api, {})
      assert.deepEqual(await api.ok('deleteWorkflow', { params: { id: workflow.id } }), {})
      assertError(await api.call('getWorkflow', { params: { id: workflow.id } }), [404], 'ResourceNotFound')
    },
  },
  {
    name: 'S15.list-filters',
    async run(api) {
      const conversation = await newConversation(api)
      const user = await newUser(api)
      const parent = await newWorkflow(api, { name: 'parent-flow', conversationId: conversation.id })
      const child = await newWorkflow(api, {
        parentWorkflowId: parent.id,
        userId: user.id,
        tags: { scope: 'wf-filters' },
      })
      const other = await newWorkflow(api, { status: 'listening' })
      const listed = async (query: object) =>
        sorted(ids(await walk<Workflow>(api, 'listWorkflows', 'workflows', query)))
      assert.deepEqual(await listed({ conversationId: conversation.id }), [parent.id])
      assert.deepEqual(await listed({ userId: user.id }), [child.id])
      assert.deepEqual(await listed({ parentWorkflowId: parent.id }), [child.id])
      assert.deepEqual(await listed({ name: 'parent-flow' }), [parent.id])
      assert.deepEqual(await listed({ tags: { scope: 'wf-filters' } }), [child.id])
      assert.deepEqual(await listed({ statuses: ['listening'] }), [other.id])
      assert.deepEqual(await listed({ statuses: ['listening', 'pending'] }), sorted([parent.id, child.id, other.id]))
    },
  },
  {
    name: 'S15.list-newest-first-on-every-page',
    pageSize: 2,
    async run(api) {
      const made: Workflow[] = []
      for (let i = 0; i < 5; i++) made.push(await newWorkflow(api, { name: 'paged' }))
      assertNewestFirst(await walk<Workflow>(api, 'listWorkflows', 'workflows', { name: 'paged' }), made)
    },
  },
  {
    name: 'S15.get-or-create-by-tags',
    async run(api) {
      const body = { name: 'support', status: 'pending', tags: { foo: 'a', bar: 'b', baz: 'c' } }
      const first = (await api.ok<{ workflow: Workflow }>('getOrCreateWorkflow', { body })).workflow
      const again = (await api.ok<{ workflow: Workflow }>('getOrCreateWorkflow', { body })).workflow
      assert.equal(again.id, first.id)
      const probe = { ...body, tags: { foo: 'z', bar: 'b', baz: 'c' } }
      const listed = await api.ok<{ workflow: Workflow }>('getOrCreateWorkflow', {
        body: { ...probe, discriminateByTags: ['bar', 'baz'] },
      })
      assert.equal(listed.workflow.id, first.id, 'only the listed keys must match')
      const unlisted = await api.ok<{ workflow: Workflow }>('getOrCreateWorkflow', { body: probe })
      assert.notEqual(unlisted.workflow.id, first.id, 'without a discriminator every tag must match')
    },
  },
  {
    name: 'S15.get-or-create-by-status-group',
    async run(api) {
      const body = { name: 'checkout', status: 'pending', tags: { cart: 'C-1' } }
      const first = (await api.ok<{ workflow: Workflow }>('getOrCreateWorkflow', { body })).workflow
      const active = { ...body, discriminateByStatusGroup: 'active' }
      assert.equal(
        (await api.ok<{ workflow: Workflow }>('getOrCreateWorkflow', { body: active })).workflow.id,
        first.id,
      )
      await api.ok('updateWorkflow', { params: { id: first.id }, body: { status: 'failed', failureReason: 'gone' } })
      const finished = { ...body, discriminateByStatusGroup: 'finished' }
      assert.equal(
        (await api.ok<{ workflow: Workflow }>('getOrCreateWorkflow', { body: finished })).workflow.id,
        first.id,
      )
      const fresh = (await api.ok<{ workflow: Workflow }>('getOrCreateWorkflow', { body: active })).workflow
      assert.notEqual(fresh.id, first.id, 'a finished workflow is not in the active group')
      assert.equal(fresh.status, 'pending')
    },
  },
]

const cancelRules: RuleScenario[] = [
  {
    name: 'S16.cancel-a-scheduled-event',
    async run(api) {
      const event = await newEvent(api, true)
      assert.equal(event.status, 'scheduled')
      assert.deepEqual(await api.ok('cancelScheduledEvent', { params: { id: event.id } }), {})
      assert.equal((await api.ok<{ event: Event }>('getEvent', { params: { id: event.id } })).event.status, 'canceled')
    },
  },
  {
    name: 'S16.cancel-needs-a-scheduled-event',
    async run(api) {
      assertError(await api.call('cancelScheduledEvent', { params: { id: 'evt_01JD2X3Y4Z5A6B7C8D9E0F1G2H' } }), [404])
      // [open] which error an event that is not scheduled gets; it stays as it was.
      const event = await newEvent(api, false)
      assertError(await api.call('cancelScheduledEvent', { params: { id: event.id } }), [400, 404, 409])
      assert.equal(
        (await api.ok<{ event: Event }>('getEvent', { params: { id: event.id } })).event.status,
        event.status,
      )
    },
  },
]

async function importBatch(api: ReferenceApi, size: number, tagKey = 'seq') {
  const user = await newUser(api)
  const conversation = await newConversation(api)
  const messages = Array.from({ length: size }, (_, i) => ({
    payload: { text: `old message ${i}` },
    userId: user.id,
    conversationId: conversation.id,
    type: 'text',
    tags: { [tagKey]: String(i) },
    createdAt: new Date(Date.UTC(2020, 0, 1, 0, i)).toISOString(),
    discriminateByTags: [tagKey],
  }))
  return { user, conversation, messages }
}

const listedMessages = async (api: ReferenceApi, conversationId: string) => {
  const all: Message[] = []
  let nextToken: string | undefined
  do {
    const page = await api.ok<{ messages: Message[]; meta: { nextToken?: string } }>('listMessages', {
      query: { conversationId, ...(nextToken ? { nextToken } : {}) },
    })
    all.push(...page.messages)
    nextToken = page.meta.nextToken
  } while (nextToken)
  return all
}

const importRules: RuleScenario[] = [
  {
    name: 'S17.import-twice-creates-nothing-new',
    async run(api) {
      const { conversation, messages } = await importBatch(api, 3)
      const first = (await api.ok<{ messages: Message[] }>('importMessages', { body: { messages } })).messages
      assert.equal(first.length, 3)
      const second = (await api.ok<{ messages: Message[] }>('importMessages', { body: { messages } })).messages
      assert.deepEqual(ids(second), ids(first))
      assert.deepEqual(sorted(ids(await listedMessages(api, conversation.id))), sorted(ids(first)))
    },
  },
  {
    name: 'S17.import-finds-an-existing-message-by-tags',
    async run(api) {
      const { messages } = await importBatch(api, 1)
      const [item] = messages as [(typeof messages)[number]]
      const { discriminateByTags: _keys, createdAt: _at, ...create } = item
      const existing = (await api.ok<{ message: Message }>('createMessage', { body: create })).message
      const [found] = (await api.ok<{ messages: Message[] }>('importMessages', { body: { messages } })).messages as [
        Message,
      ]
      assert.equal(found.id, existing.id)
    },
  },
  {
    name: 'S17.import-keeps-created-at',
    async run(api) {
      // [usage] an imported message keeps the createdAt it was given (the same instant).
      const { messages } = await importBatch(api, 2)
      const imported = (await api.ok<{ messages: Message[] }>('importMessages', { body: { messages } })).messages
      assert.deepEqual(
        imported.map((m) => Date.parse(m.createdAt)),
        messages.map((m) => Date.parse(m.createdAt)),
      )
      for (const message of imported) assert.ok(message.updatedAt >= message.createdAt)
    },
  },
  {
    name: 'S17.import-at-most-the-limit',
    async run(api) {
      const most = limit('requests/importMessages.json', 'messages').maxItems as number
      const { conversation, messages } = await importBatch(api, most + 1)
      assertError(await api.call('importMessages', { body: { messages } }), [400], 'InvalidPayload')
      assert.deepEqual(await listedMessages(api, conversation.id), [], 'a rejected batch imports nothing')
      const imported = (
        await api.ok<{ messages: Message[] }>('importMessages', { body: { messages: messages.slice(0, most) } })
      ).messages
      assert.equal(imported.length, most)
    },
  },
]

const initializeRules: RuleScenario[] = [
  {
    name: 'S18.initialize-twice-same-user-and-conversation',
    async run(api) {
      const body = {
        user: { tags: { handle: 'alice' }, name: 'Alice', discriminateByTags: ['handle'] },
        conversation: { channel: 'web', tags: { thread: 'T-9' }, discriminateByTags: ['thread'] },
        message: { type: 'text', payload: { text: 'hello' }, tags: { mid: 'm-1' }, discriminateByTags: ['mid'] },
      }
      const first = await api.ok<{ user: User; conversation: Conversation; message?: Message }>(
        'initializeIncomingMessage',
        { body },
      )
      assert.ok(first.message, 'a message was asked for')
      assert.equal(first.message.userId, first.user.id)
      assert.equal(first.message.conversationId, first.conversation.id)
      assert.equal(first.message.direction, 'incoming')
      const second = await api.ok<{ user: User; conversation: Conversation }>('initializeIncomingMessage', { body })
      assert.equal(second.user.id, first.user.id)
      assert.equal(second.conversation.id, first.conversation.id)
    },
  },
  {
    name: 'S18.initialize-by-ids',
    async run(api) {
      const user = await newUser(api)
      const conversation = await newConversation(api)
      const answer = await api.ok<{ user: User; conversation: Conversation; message?: Message }>(
        'initializeIncomingMessage',
        { body: { userId: user.id, conversationId: conversation.id } },
      )
      assert.equal(answer.user.id, user.id)
      assert.equal(answer.conversation.id, conversation.id)
      assert.equal(answer.message, undefined)
      assertError(await api.call('initializeIncomingMessage', { body: { userId: user.id } }), [400])
    },
  },
]

const analyticsRules: RuleScenario[] = [
  {
    name: 'S19.track-analytics-limits',
    async run(api) {
      const longest = limit('requests/trackAnalytics.json', 'name').maxLength as number
      const fewest = limit('requests/trackAnalytics.json', 'count').minimum as number
      assert.deepEqual(await api.ok('trackAnalytics', { body: { name: 'n'.repeat(longest), count: fewest } }), {})
      for (const body of [
        { name: '', count: fewest },
        { name: 'n'.repeat(longest + 1), count: fewest },
        { name: 'n', count: fewest - 1 },
        { name: 'n', count: fewest + 0.5 },
      ])
        assertError(await api.call('trackAnalytics', { body }), [400], 'InvalidPayload')
    },
  },
]

export const specScopeRules: RuleScenario[] = [
  ...tasksRules,
  ...workflowsRules,
  ...cancelRules,
  ...importRules,
  ...initializeRules,
  ...analyticsRules,
]

export function scenario(name: string): RuleScenario {
  const found = specScopeRules.find((s) => s.name === name)
  if (!found) throw new Error(`no scenario ${name}`)
  return found
}
