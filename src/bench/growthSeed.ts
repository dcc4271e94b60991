// A reference store filled directly, in-process (seeding 100,000 resources through the API would
// take longer than the measurement): `size` users, conversations, messages and events, so every
// list has `size` resources to choose from. Dates are 1 ms apart, in this order: users,
// conversations, messages, events, then the updates of every other user and conversation (newest
// update on the oldest, so updatedAt order is not createdAt order). The first conversation holds
// every message and has every user as a participant; the first user takes part in every
// conversation and wrote every message. Filters on halves (type, status, channel …) and on every
// resource (tag `cohort`) leave many resources to page through, which is the case a scan pays for.
import type { Conversation, Event, Message, User } from '../contract/types.ts'
import { newId } from '../reference/clock.ts'
import { referenceDefaults } from '../reference/defaults.ts'
import { ChatStore } from '../reference/store/chatStore.ts'

export const seededTagKey = 'benchId'
/** A tag every seeded user, conversation and message carries. */
export const everyoneTag = { cohort: 'all' }

export interface SeededStore {
  size: number
  store: ChatStore
  /** The conversation that holds every message and has every user as a participant. */
  conversationId: string
  /** The user in every conversation, author of every message and event. */
  userId: string
  /** A message some events link to. */
  messageId: string
  /** The tag value of the i-th seeded user. */
  userTag: (index: number) => string
  /** The middle of the span in which each kind was created, and of the users' updates: afterDate/beforeDate bounds. */
  middle: { users: string; conversations: string; messages: string; events: string; userUpdates: string }
}

/** Seeded values that filters pick: each holds about half of its collection. */
export const seededValues = {
  channel: 'bench',
  otherChannel: 'bench-other',
  integration: 'bench-integration',
  eventType: 'bench.ping',
  otherEventType: 'bench.pong',
  workflowId: 'wf_bench',
}

export function seededStore(size: number): SeededStore {
  const store = new ChatStore(referenceDefaults.botId, referenceDefaults.pageSize)
  const origin = Date.now() - 7 * size - 60_000
  const at = (offset: number) => new Date(origin + offset).toISOString()
  const created = { users: 0, conversations: size, messages: 2 * size, events: 3 * size }
  const updated = { users: 4 * size, conversations: 5 * size }
  // Every other resource updated, the oldest last.
  const updatedAt = (first: number, index: number) => (index % 2 === 1 ? at(first + size - 1 - index) : undefined)
  const half = Math.floor(size / 2)
  const userTag = (index: number) => `user-${index}`

  const userIds: string[] = []
  for (let i = 0; i < size; i++) {
    const createdAt = at(created.users + i)
    const user: User = {
      id: newId('user'),
      createdAt,
      updatedAt: updatedAt(updated.users, i) ?? createdAt,
      tags: { [seededTagKey]: userTag(i), ...everyoneTag },
    }
    userIds.push(store.users.put(user).id)
  }
  const userId = userIds[0] as string

  const conversationIds: string[] = []
  for (let i = 0; i < size; i++) {
    const createdAt = at(created.conversations + i)
    const conversation: Conversation = {
      id: newId('conv'),
      createdAt,
      updatedAt: updatedAt(updated.conversations, i) ?? createdAt,
      channel: i % 2 === 0 ? seededValues.channel : seededValues.otherChannel,
      integration: i % 2 === 0 ? seededValues.integration : '',
      tags: { [seededTagKey]: `conversation-${i}`, ...everyoneTag },
    }
    conversationIds.push(store.conversations.put(conversation).id)
    store.addParticipant(conversation.id, userId)
  }
  const conversationId = conversationIds[0] as string
  for (const id of userIds.slice(1)) store.addParticipant(conversationId, id)

  const messageIds: string[] = []
  for (let i = 0; i < size; i++) {
    const createdAt = at(created.messages + i)
    const message: Message = {
      id: newId('msg'),
      createdAt,
      updatedAt: createdAt,
      type: 'text',
      payload: { text: `message ${i}` },
      direction: 'outgoing',
      userId,
      conversationId,
      tags: { [seededTagKey]: `message-${i}`, ...everyoneTag },
    }
    messageIds.push(store.putMessage(message).id)
  }
  const messageId = messageIds[0] as string

  for (let i = 0; i < size; i++) {
    const even = i % 2 === 0
    const event: Event = {
      id: newId('evt'),
      createdAt: at(created.events + i),
      type: even ? seededValues.eventType : seededValues.otherEventType,
      payload: {},
      conversationId,
      userId,
      status: even ? 'pending' : 'scheduled',
      failureReason: null,
    }
    if (even) event.messageId = messageId
    store.events.put({
      id: event.id,
      createdAt: event.createdAt,
      event,
      workflowId: even ? seededValues.workflowId : undefined,
    })
  }

  const middle = {
    users: at(created.users + half),
    conversations: at(created.conversations + half),
    messages: at(created.messages + half),
    events: at(created.events + half),
    userUpdates: at(updated.users + half),
  }
  return { size, store, conversationId, userId, messageId, userTag, middle }
}
