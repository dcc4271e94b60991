// Interop: the vendor's official TypeScript client (@botpress/client) drives a realistic chat
// scenario against the embedded reference. The client encodes queries, walks pages and maps
// error bodies its own way; if it cannot talk to the reference, the reference is wrong. The
// spec scope (S14-S19) is driven too; the client dropped its task methods after 1.35, so tasks
// go through that version of the same official client (devDependency botpress-client-1.35).
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { setTimeout as sleep } from 'node:timers/promises'
import { Client, InvalidPayloadError, ResourceNotFoundError, UnauthorizedError } from '@botpress/client'
import * as withTasks from 'botpress-client-1.35'
import { contractSchemas } from '../../src/contract/schemaRegistry.ts'
import { referenceDefaults } from '../../src/reference/defaults.ts'
import { startReferenceServer } from '../../src/reference/server.ts'

const token = 'interop-token-not-a-secret'
const botId = referenceDefaults.botId
// Small pages, so listing a conversation's messages takes the client across several of them.
const pageSize = 2

let server: { url: string; close: () => Promise<void> }
let client: Client
let taskClient: withTasks.Client

before(async () => {
  server = await startReferenceServer({ token, botId, port: 0, pageSize })
  client = new Client({ apiUrl: server.url.replace(/\/$/, ''), token, botId, retry: { retries: 0 } })
  taskClient = new withTasks.Client({ apiUrl: server.url.replace(/\/$/, ''), token, botId, retry: { retries: 0 } })
})

after(async () => {
  await server?.close()
})

const ids = <T extends { id: string }>(items: readonly T[]) => items.map((item) => item.id).sort()

test('a chat: users, a conversation, participants, messages, states, events, tag values', async (t) => {
  const alice = (await client.createUser({ name: 'Alice', tags: { team: 'blue' } })).user
  const bob = (await client.getOrCreateUser({ name: 'Bob', tags: { team: 'red', handle: 'bob' } })).user

  await t.test('getOrCreateUser returns the same user for the same tags', async () => {
    const again = (await client.getOrCreateUser({ tags: { team: 'red', handle: 'bob' } })).user
    assert.equal(again.id, bob.id)
  })

  await t.test('listUsers narrows by tags (tags.team=blue)', async () => {
    const blue = await client.list.users({ tags: { team: 'blue' } }).collect()
    assert.deepEqual(ids(blue), [alice.id])
  })

  const tags = { topic: 'support', ticket: 'T-1' }
  const { conversation } = await client.getOrCreateConversation({
    channel: 'web',
    tags,
    discriminateByTags: ['ticket'],
  })

  await t.test('getOrCreateConversation with a discriminator returns the same conversation', async () => {
    const again = await client.getOrCreateConversation({
      channel: 'web',
      tags: { ...tags, topic: 'other' },
      discriminateByTags: ['ticket'],
    })
    assert.equal(again.conversation.id, conversation.id)
  })

  await t.test('participants: add, get, list, filter conversations, remove', async () => {
    assert.equal((await client.addParticipant({ id: conversation.id, userId: alice.id })).participant.id, alice.id)
    await client.addParticipant({ id: conversation.id, userId: bob.id })
    assert.equal((await client.getParticipant({ id: conversation.id, userId: bob.id })).participant.id, bob.id)
    assert.deepEqual(ids(await client.list.participants({ id: conversation.id }).collect()), ids([alice, bob]))
    const withBoth = await client.list.conversations({ participantIds: [alice.id, bob.id] }).collect()
    assert.deepEqual(ids(withBoth), [conversation.id])
    await client.removeParticipant({ id: conversation.id, userId: bob.id })
    await assert.rejects(client.getParticipant({ id: conversation.id, userId: bob.id }), ResourceNotFoundError)
  })

  await t.test('messages across several pages, by collect() and by nextToken', async () => {
    const sent = []
    for (let i = 0; i < 5; i++) {
      const { message } = await client.createMessage({
        conversationId: conversation.id,
        userId: alice.id,
        type: 'text',
        payload: { text: `message ${i}` },
        tags: { seq: String(i) },
      })
      sent.push(message)
    }
    const collected = await client.list.messages({ conversationId: conversation.id }).collect()
    assert.deepEqual(ids(collected), ids(sent))

    const walked = []
    let nextToken: string | undefined
    let pages = 0
    do {
      const page = await client.listMessages({ conversationId: conversation.id, nextToken })
      walked.push(...page.messages)
      nextToken = page.meta.nextToken
      pages++
    } while (nextToken)
    assert.deepEqual(ids(walked), ids(sent))
    assert.ok(pages > 1, `expected several pages of ${pageSize}, got ${pages}`)

    const [first] = sent as [(typeof sent)[number]]
    const updated = (await client.updateMessage({ id: first.id, tags: { seq: '', edited: 'yes' } })).message
    assert.deepEqual(updated.tags, { edited: 'yes' })
    assert.deepEqual((await client.getMessage({ id: first.id })).message.tags, { edited: 'yes' })
  })

  await t.test('states: set, get, patch, get-or-set, expiry, delete', async () => {
    const at = { type: 'conversation' as const, id: conversation.id, name: 'cart' }
    await client.setState({ ...at, payload: { items: 1, currency: 'EUR' } })
    assert.deepEqual((await client.getState(at)).state.payload, { items: 1, currency: 'EUR' })
    assert.deepEqual((await client.patchState({ ...at, payload: { items: 2 } })).state.payload, {
      items: 2,
      currency: 'EUR',
    })
    assert.deepEqual((await client.getOrSetState({ ...at, payload: { items: 9 } })).state.payload, {
      items: 2,
      currency: 'EUR',
    })
    await client.setStateExpiry({ ...at, expiry: 50 })
    await sleep(100)
    await assert.rejects(client.getState(at), ResourceNotFoundError)
    await client.setState({ ...at, payload: { items: 3 } })
    await client.setState({ ...at, payload: null })
    await assert.rejects(client.getState(at), ResourceNotFoundError)
  })

  await t.test('events: now and scheduled, get and list by conversation', async () => {
    const now = (
      await client.createEvent({ type: 'ticketOpened', payload: { ticket: 'T-1' }, conversationId: conversation.id })
    ).event
    const later = (
      await client.createEvent({
        type: 'reminder',
        payload: {},
        conversationId: conversation.id,
        schedule: { delay: 60_000 },
      })
    ).event
    assert.equal(now.failureReason, null)
    assert.equal(later.status, 'scheduled')
    assert.equal((await client.getEvent({ id: now.id })).event.type, 'ticketOpened')
    assert.deepEqual(ids(await client.list.events({ conversationId: conversation.id }).collect()), ids([now, later]))
    assert.deepEqual(
      ids(await client.list.events({ conversationId: conversation.id, status: 'scheduled' }).collect()),
      [later.id],
    )
  })

  await t.test('tag values of users', async () => {
    const { tags: values } = await client.listTagValues({ key: 'team', type: 'user' })
    assert.deepEqual(values.map((v) => v.value).sort(), ['blue', 'red'])
  })

  await t.test('an action and an integration', async () => {
    const { output } = await client.callAction({ type: referenceDefaults.action, input: { text: 'hi' } })
    assert.deepEqual(output, { text: 'hi' })
    const asIntegration = new Client({
      apiUrl: server.url.replace(/\/$/, ''),
      token,
      botId,
      integrationId: referenceDefaults.integrationId,
    })
    assert.deepEqual(await asIntegration.configureIntegration({ identifier: 'interop' }), {})
  })

  await t.test('errors come back as the client error classes', async () => {
    await assert.rejects(client.getUser({ id: 'user_01JD2X3Y4Z5A6B7C8D9E0F1G2H' }), ResourceNotFoundError)
    const intruder = new Client({
      apiUrl: server.url.replace(/\/$/, ''),
      token: 'not-the-token',
      botId,
      retry: { retries: 0 },
    })
    await assert.rejects(intruder.listUsers({}), UnauthorizedError)
  })

  await t.test('deletes', async () => {
    await client.deleteConversation({ id: conversation.id })
    await assert.rejects(client.getConversation({ id: conversation.id }), ResourceNotFoundError)
    await client.deleteUser({ id: alice.id })
    await assert.rejects(client.getUser({ id: alice.id }), ResourceNotFoundError)
  })
})

test('the spec scope: tasks, workflows, import, initialize, a scheduled event, analytics', async (t) => {
  const { user } = await client.createUser({ tags: { team: 'green' } })
  const { conversation } = await client.createConversation({ channel: 'web', tags: { topic: 'spec' } })

  await t.test('tasks: create, get, update the fields sent, list newest first, delete (S14)', async () => {
    const { task } = await taskClient.createTask({
      type: 'callback',
      conversationId: conversation.id,
      userId: user.id,
      title: 'Call back',
      description: 'About the invoice',
      tags: { ticket: 'T-7' },
    })
    assert.equal(task.conversationId, conversation.id)
    assert.ok(
      (contractSchemas().schemaOf('resources/task.json', 'status').enum as string[]).includes(task.status),
      `status ${task.status} is one of the Task's`,
    )
    assert.deepEqual((await taskClient.getTask({ id: task.id })).task, task)
    const { task: updated } = await taskClient.updateTask({ id: task.id, status: 'blocked', tags: { stage: 'two' } })
    assert.equal(updated.status, 'blocked')
    assert.equal(updated.title, 'Call back')
    assert.equal(updated.description, 'About the invoice')
    assert.deepEqual(updated.tags, { ticket: 'T-7', stage: 'two' })
    const later = (await taskClient.createTask({ type: 'followUp', conversationId: conversation.id })).task
    const listed = await taskClient.list.tasks({ conversationId: conversation.id }).collect()
    assert.deepEqual(
      listed.map((item) => item.id),
      [later.id, task.id],
      'most recent first',
    )
    const blocked = await taskClient.list.tasks({ conversationId: conversation.id, status: ['blocked'] }).collect()
    assert.deepEqual(
      blocked.map((item) => item.id),
      [task.id],
    )
    await taskClient.deleteTask({ id: task.id })
    await assert.rejects(taskClient.getTask({ id: task.id }), withTasks.ResourceNotFoundError)
  })

  await t.test(
    'workflows: the eventId rule, get-or-create by tags and status group, update, list, delete (S15)',
    async () => {
      await assert.rejects(client.createWorkflow({ name: 'onboarding', status: 'in_progress' }), InvalidPayloadError)
      const { event } = await client.createEvent({ type: 'started', payload: {}, conversationId: conversation.id })
      const { workflow } = await client.createWorkflow({
        name: 'onboarding',
        status: 'in_progress',
        eventId: event.id,
        conversationId: conversation.id,
        input: { step: 1 },
        tags: { flow: 'F-1' },
      })
      assert.equal(workflow.status, 'in_progress')
      const request = { name: 'onboarding', status: 'pending' as const, tags: { flow: 'F-1' } }
      assert.equal((await client.getOrCreateWorkflow(request)).workflow.id, workflow.id)
      const active = { ...request, discriminateByStatusGroup: 'active' as const }
      assert.equal((await client.getOrCreateWorkflow(active)).workflow.id, workflow.id)
      const { workflow: done } = await client.updateWorkflow({
        id: workflow.id,
        status: 'completed',
        output: { ok: true },
      })
      assert.deepEqual(done.input, { step: 1 }, 'fields not sent are left unchanged')
      assert.deepEqual(done.output, { ok: true })
      const fresh = (await client.getOrCreateWorkflow(active)).workflow
      assert.notEqual(fresh.id, workflow.id, 'a completed workflow is not active')
      const { workflows } = await client.listWorkflows({ conversationId: conversation.id, statuses: ['completed'] })
      assert.deepEqual(
        workflows.map((item) => item.id),
        [workflow.id],
      )
      await client.deleteWorkflow({ id: fresh.id })
      await assert.rejects(client.getWorkflow({ id: fresh.id }), ResourceNotFoundError)
    },
  )

  await t.test(
    'importMessages: the same batch twice creates nothing new; one message too many is refused (S17)',
    async () => {
      const messages = [0, 1, 2].map((i) => ({
        type: 'text',
        payload: { text: `archived ${i}` },
        userId: user.id,
        conversationId: conversation.id,
        tags: { archived: String(i) },
        createdAt: new Date(Date.UTC(2021, 5, 1, 12, i)).toISOString(),
        discriminateByTags: ['archived'],
      }))
      const first = (await client.importMessages({ messages })).messages
      const second = (await client.importMessages({ messages })).messages
      assert.deepEqual(ids(second), ids(first))
      assert.deepEqual(
        first.map((message) => Date.parse(message.createdAt)),
        messages.map((message) => Date.parse(message.createdAt)),
      )
      const most = contractSchemas().schemaOf('requests/importMessages.json', 'messages').maxItems as number
      const tooMany = Array.from({ length: most + 1 }, (_, i) => ({ ...messages[0]!, tags: { archived: `x${i}` } }))
      await assert.rejects(client.importMessages({ messages: tooMany }), InvalidPayloadError)
    },
  )

  await t.test('initializeIncomingMessage twice gives the same user and conversation (S18)', async () => {
    const input = {
      user: { tags: { handle: 'carol' }, name: 'Carol', discriminateByTags: ['handle'] },
      conversation: { channel: 'web', tags: { thread: 'T-42' }, discriminateByTags: ['thread'] },
      message: { type: 'text', payload: { text: 'hi' }, tags: { mid: 'M-1' }, discriminateByTags: ['mid'] },
    }
    const first = await client.initializeIncomingMessage(input)
    const second = await client.initializeIncomingMessage(input)
    assert.equal(second.user.id, first.user.id)
    assert.equal(second.conversation.id, first.conversation.id)
    assert.equal(first.message?.conversationId, first.conversation.id)
    assert.equal(first.message?.userId, first.user.id)
  })

  await t.test('cancelScheduledEvent: a scheduled event is canceled; an unknown id is 404 (S16)', async () => {
    const { event } = await client.createEvent({ type: 'reminder', payload: {}, schedule: { delay: 60_000 } })
    assert.deepEqual(await client.cancelScheduledEvent({ id: event.id }), {})
    assert.equal((await client.getEvent({ id: event.id })).event.status, 'canceled')
    await assert.rejects(client.cancelScheduledEvent({ id: 'evt_01JD2X3Y4Z5A6B7C8D9E0F1G2H' }), ResourceNotFoundError)
  })

  await t.test('trackAnalytics takes a name and a count of at least 1 (S19)', async () => {
    assert.deepEqual(await client.trackAnalytics({ name: 'orders', count: 1 }), {})
    await assert.rejects(client.trackAnalytics({ name: 'orders', count: 0 }), InvalidPayloadError)
    await assert.rejects(client.trackAnalytics({ name: '', count: 1 }), InvalidPayloadError)
  })
})
