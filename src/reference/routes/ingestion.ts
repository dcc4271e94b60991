// Messages that arrive from elsewhere (the spec scope): initializeIncomingMessage gets or creates
// a user, a conversation and a message in one call (S18); importMessages imports a batch of
// messages, each returned as found or as created (S17).
import type {
  ImportedMessage,
  ImportMessagesBody,
  InitializeIncomingMessageBody,
  Message,
  Tags,
} from '../../contract/types.ts'
import { ApiError } from '../apiError.ts'
import type { OperationRouter } from '../operationRoutes.ts'
import type { ChatStore } from '../store/chatStore.ts'
import { matchingTags } from '../store/tagMatching.ts'
import { newConversation } from './conversations.ts'
import { newMessage } from './messages.ts'
import { newUser } from './users.ts'

/**
 * The tags an existing resource must share to be returned, where discriminateByTags is required
 * (here, unlike in the get-or-create operations): an empty list names no particular key, so
 * every tag sent must match, as without a discriminator (S6). [open] The documents do not say
 * what an empty list means here; this keeps "the same input twice gives the same resource".
 */
function wantedTags(tags: Tags, discriminateByTags: string[]): Tags {
  return matchingTags(tags, discriminateByTags.length > 0 ? discriminateByTags : undefined)
}

/** A date-time as the store keeps it (sortable ISO, UTC); the instant is the one given. */
function isoInstant(value: string, field: string): string {
  const time = Date.parse(value)
  if (Number.isNaN(time)) throw new ApiError('InvalidPayload', `${field} is not a date-time: ${JSON.stringify(value)}`)
  return new Date(time).toISOString()
}

export function registerIngestion(router: OperationRouter, store: ChatStore): void {
  router.register<InitializeIncomingMessageBody>('initializeIncomingMessage', ({ body, integrationId }) => {
    if (body.userId === undefined && body.user === undefined)
      throw new ApiError(
        'InvalidPayload',
        'initializeIncomingMessage needs userId or user (fields to get or create one)',
      )
    if (body.conversationId === undefined && body.conversation === undefined)
      throw new ApiError(
        'InvalidPayload',
        'initializeIncomingMessage needs conversationId or conversation (fields to get or create one)',
      )
    // Ids are looked up before anything is created, so a bad one leaves nothing behind; an id
    // names its resource outright, so it wins over get-or-create fields sent beside it.
    const named = {
      user: body.userId === undefined ? undefined : store.users.get(body.userId),
      conversation: body.conversationId === undefined ? undefined : store.conversations.get(body.conversationId),
    }
    const userFields = body.user
    const user =
      named.user ??
      (userFields &&
        (store.users.oldestMatch(wantedTags(userFields.tags, userFields.discriminateByTags)) ??
          store.users.put(newUser(userFields))))
    const conversationFields = body.conversation
    const conversation =
      named.conversation ??
      (conversationFields &&
        (store.conversations.oldestMatch(
          wantedTags(conversationFields.tags, conversationFields.discriminateByTags),
          (c) => c.channel === conversationFields.channel,
        ) ??
          store.conversations.put(newConversation(conversationFields))))
    if (!user || !conversation) throw new Error('initializeIncomingMessage: unreachable, checked above')
    // [open] Whether the user is added as a participant: here yes, since it writes in the conversation.
    store.addParticipant(conversation.id, user.id)
    const answer: { user: typeof user; conversation: typeof conversation; message?: Message } = { user, conversation }
    const fields = body.message
    if (fields) {
      const existing = store.messages.oldestMatch(
        wantedTags(fields.tags, fields.discriminateByTags),
        (m) => m.conversationId === conversation.id,
      )
      const { discriminateByTags: _keys, ...create } = fields
      // The message comes in from the user, whoever calls.
      answer.message =
        existing ??
        store.putMessage({
          ...newMessage(store, { ...create, userId: user.id, conversationId: conversation.id }, integrationId),
          direction: 'incoming',
        })
    }
    return answer
  })

  const imported = (item: ImportedMessage, integrationId: string | undefined): Message => {
    const { discriminateByTags: _keys, createdAt, ...create } = item
    const message = newMessage(store, create, integrationId)
    // [usage] An imported message keeps the createdAt it was given; updatedAt is never before it (S2).
    const at = isoInstant(createdAt, 'createdAt')
    return { ...message, createdAt: at, updatedAt: at > message.updatedAt ? at : message.updatedAt }
  }

  // "Imports messages if no matching messages already exist. Returns the list of messages that
  // were either created or retrieved" (S17): matched by tags as S6, within the message's conversation.
  router.register<ImportMessagesBody>('importMessages', ({ body, integrationId }) => {
    // Every reference is checked before anything is stored: a batch is imported whole or not at all.
    for (const item of body.messages) {
      store.users.get(item.userId)
      store.conversations.get(item.conversationId)
      isoInstant(item.createdAt, 'createdAt')
    }
    const messages = body.messages.map(
      (item) =>
        store.messages.oldestMatch(
          wantedTags(item.tags, item.discriminateByTags),
          (m) => m.conversationId === item.conversationId,
        ) ?? store.putMessage(imported(item, integrationId)),
    )
    return { messages }
  })
}
