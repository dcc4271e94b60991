// Messages: create, get, list, update, delete, get-or-create (S4, S5, S6, S7, S8).
import type { CreateMessageBody, GetOrCreateMessageBody, Message, UpdateMessageBody } from '../../contract/types.ts'
import { newId, timestamp } from '../clock.ts'
import type { OperationRouter } from '../operationRoutes.ts'
import { inConversation, type ChatStore } from '../store/chatStore.ts'
import { tagFacets } from '../store/taggedCollection.ts'
import { applyTagUpdate, initialTags, matchingTags } from '../store/tagMatching.ts'
import { dateRange, listMeta, pageRequest, tagsFilter } from './listQuery.ts'

/** A new message (not stored yet); its user and conversation must exist. */
export function newMessage(store: ChatStore, body: CreateMessageBody, integrationId: string | undefined): Message {
  store.users.get(body.userId)
  store.conversations.get(body.conversationId)
  const now = timestamp()
  const message: Message = {
    id: newId('msg'),
    createdAt: now,
    updatedAt: now,
    type: body.type,
    payload: body.payload,
    // A message an integration creates on behalf of a user comes in; one the bot creates goes out (S4, usage).
    direction: integrationId ? 'incoming' : 'outgoing',
    userId: body.userId,
    conversationId: body.conversationId,
    tags: initialTags(body.tags),
  }
  if (body.origin !== undefined) message.origin = body.origin
  return message
}

export function registerMessages(router: OperationRouter, store: ChatStore): void {
  router.register<CreateMessageBody>('createMessage', ({ body, integrationId }) => ({
    message: store.putMessage(newMessage(store, body, integrationId)),
  }))

  router.register('getMessage', ({ params }) => ({ message: store.messages.get(params.id as string) }))

  router.register('listMessages', ({ query }) => {
    const range = dateRange(query, 'createdAt')
    const facets = tagFacets(tagsFilter(query))
    if (typeof query.conversationId === 'string') facets.push(inConversation(query.conversationId))
    const page = store.messages.list({ facets, range, sortField: 'createdAt' }, pageRequest(query, store.pageSize))
    return { messages: page.items, meta: listMeta(page) }
  })

  router.register<UpdateMessageBody>('updateMessage', ({ params, body }) => {
    const message = { ...store.messages.get(params.id as string) }
    message.tags = applyTagUpdate(message.tags, body.tags)
    if (body.payload !== undefined) message.payload = body.payload
    message.updatedAt = timestamp()
    return { message: store.putMessage(message) }
  })

  router.register('deleteMessage', ({ params }) => {
    store.removeMessage(params.id as string)
    return {}
  })

  router.register<GetOrCreateMessageBody>('getOrCreateMessage', ({ body, integrationId }) => {
    const wanted = matchingTags(body.tags, body.discriminateByTags)
    const existing = store.messages.oldestMatch(wanted, (m) => m.conversationId === body.conversationId)
    if (existing) return { message: existing }
    const { discriminateByTags: _discriminator, schedule: _schedule, ...create } = body
    return { message: store.putMessage(newMessage(store, create, integrationId)) }
  })
}
