// A reference store filled directly, in-process (seeding 100,000 resources through the API would
// take longer than the measurement): `size` users with a tag value each, and one conversation
// holding `size` messages, the longest a chat gets. Dates are spread over the past, 1 ms apart.
import { newId } from '../reference/clock.ts'
import { referenceDefaults } from '../reference/defaults.ts'
import { ChatStore } from '../reference/store/chatStore.ts'

export const seededTagKey = 'benchId'

export interface SeededStore {
  size: number
  store: ChatStore
  conversationId: string
  /** The tag value of the i-th seeded user. */
  userTag: (index: number) => string
}

export function seededStore(size: number): SeededStore {
  const store = new ChatStore(referenceDefaults.botId, referenceDefaults.pageSize)
  const origin = Date.now() - 2 * size - 60_000
  const at = (index: number) => new Date(origin + index).toISOString()
  const userTag = (index: number) => `user-${index}`

  for (let i = 0; i < size; i++) {
    store.users.put({
      id: newId('user'),
      createdAt: at(i),
      updatedAt: at(i),
      tags: { [seededTagKey]: userTag(i), cohort: 'all' },
    })
  }
  const [author] = store.users.values()
  const conversationId = newId('conv')
  store.conversations.put({
    id: conversationId,
    createdAt: at(0),
    updatedAt: at(0),
    channel: 'bench',
    integration: '',
    tags: {},
  })
  for (let i = 0; i < size; i++) {
    store.putMessage({
      id: newId('msg'),
      createdAt: at(size + i),
      updatedAt: at(size + i),
      type: 'text',
      payload: { text: `message ${i}` },
      direction: 'outgoing',
      userId: author?.id ?? '',
      conversationId,
      tags: { [seededTagKey]: `message-${i}` },
    })
  }
  return { size, store, conversationId, userTag }
}
