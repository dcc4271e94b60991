// Participants: a conversation's users (S9).
import { notFound } from '../apiError.ts'
import type { OperationRouter } from '../operationRoutes.ts'
import { participantIn, type ChatStore } from '../store/chatStore.ts'
import { listMeta, pageRequest } from './listQuery.ts'
import type { User } from '../../contract/types.ts'

export function registerParticipants(router: OperationRouter, store: ChatStore): void {
  const participant = (conversationId: string, userId: string): User => {
    store.conversations.get(conversationId)
    if (!store.isParticipant(conversationId, userId)) throw notFound('participant', userId)
    return store.users.get(userId)
  }

  router.register('listParticipants', ({ params, query }) => {
    const conversationId = params.id as string
    store.conversations.get(conversationId)
    const page = store.users.list(
      { facets: [participantIn(conversationId)], sortField: 'createdAt' },
      pageRequest(query, store.pageSize),
    )
    return { participants: page.items, meta: listMeta(page) }
  })

  router.register<{ userId: string }>('addParticipant', ({ params, body }) => {
    const conversationId = params.id as string
    store.conversations.get(conversationId)
    const user = store.users.get(body.userId)
    store.addParticipant(conversationId, user.id)
    return { participant: user }
  })

  router.register('getParticipant', ({ params }) => ({
    participant: participant(params.id as string, params.userId as string),
  }))

  router.register('removeParticipant', ({ params }) => {
    const user = participant(params.id as string, params.userId as string)
    store.removeParticipant(params.id as string, user.id)
    return {}
  })
}
