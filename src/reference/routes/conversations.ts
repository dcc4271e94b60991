// Conversations: create, get, list, update, delete, get-or-create (S5, S6, S7, S8).
import type {
  Conversation,
  CreateConversationBody,
  GetOrCreateConversationBody,
  UpdateConversationBody,
} from '../../contract/types.ts'
import { newId, timestamp } from '../clock.ts'
import type { OperationRouter } from '../operationRoutes.ts'
import { ofIntegration, onChannel, withParticipant, type ChatStore } from '../store/chatStore.ts'
import { tagFacets } from '../store/taggedCollection.ts'
import { applyTagUpdate, initialTags, matchingTags } from '../store/tagMatching.ts'
import { dateRange, listMeta, pageRequest, sortField, tagsFilter, textList } from './listQuery.ts'

export function newConversation(body: CreateConversationBody): Conversation {
  const now = timestamp()
  return {
    id: newId('conv'),
    createdAt: now,
    updatedAt: now,
    channel: body.channel,
    integration: body.integrationName ?? '',
    tags: initialTags(body.tags),
  }
}

export function registerConversations(router: OperationRouter, store: ChatStore): void {
  router.register<CreateConversationBody>('createConversation', ({ body }) => ({
    conversation: store.conversations.put(newConversation(body)),
  }))

  router.register('getConversation', ({ params }) => ({ conversation: store.conversations.get(params.id as string) }))

  router.register('listConversations', ({ query }) => {
    const range = dateRange(query, 'createdAt')
    const { channel, integrationName } = query as { channel?: string; integrationName?: string }
    const facets = [
      ...tagFacets(tagsFilter(query)),
      ...textList(query.participantIds).map(withParticipant),
      ...(channel === undefined ? [] : [onChannel(channel)]),
      ...(integrationName === undefined ? [] : [ofIntegration(integrationName)]),
    ]
    const page = store.conversations.list(
      { facets, range, sortField: sortField(query) },
      pageRequest(query, store.pageSize),
    )
    return { conversations: page.items, meta: listMeta(page) }
  })

  router.register<UpdateConversationBody>('updateConversation', ({ params, body }) => {
    const conversation = { ...store.conversations.get(params.id as string) }
    conversation.tags = applyTagUpdate(conversation.tags, body.tags)
    if (body.currentTaskId !== undefined) conversation.currentTaskId = body.currentTaskId
    conversation.updatedAt = timestamp()
    return { conversation: store.conversations.put(conversation) }
  })

  router.register('deleteConversation', ({ params }) => {
    store.removeConversation(params.id as string)
    return {}
  })

  router.register<GetOrCreateConversationBody>('getOrCreateConversation', ({ body }) => {
    const wanted = matchingTags(body.tags, body.discriminateByTags)
    const existing = store.conversations.oldestMatch(wanted, (c) => c.channel === body.channel)
    return { conversation: existing ?? store.conversations.put(newConversation(body)) }
  })
}
