// The reference's memory: every resource of one bot, with the indexes that keep lookups flat as
// the store grows, and the relations between resources (participants, a conversation's messages).
import type { Conversation, Event, Message, State, User } from '../../harness/contract/types.ts'
import { TaggedCollection } from './taggedCollection.ts'

export interface StoredEvent {
  event: Event
  /** Events can be filtered by workflow, which the Event itself does not show. */
  workflowId: string | undefined
}

export interface StoredState {
  state: State
  /** Epoch milliseconds after which the state is gone; undefined: never. */
  expiresAt: number | undefined
}

function addTo(index: Map<string, Set<string>>, key: string, value: string): void {
  let set = index.get(key)
  if (!set) index.set(key, (set = new Set()))
  set.add(value)
}

function removeFrom(index: Map<string, Set<string>>, key: string, value: string): void {
  const set = index.get(key)
  if (!set) return
  set.delete(value)
  if (set.size === 0) index.delete(key)
}

export class ChatStore {
  readonly users = new TaggedCollection<User>('user')
  readonly conversations = new TaggedCollection<Conversation>('conversation')
  readonly messages = new TaggedCollection<Message>('message')
  readonly events = new Map<string, StoredEvent>()
  readonly states = new Map<string, StoredState>()

  private readonly messagesOfConversation = new Map<string, Set<string>>()
  private readonly usersOfConversation = new Map<string, Set<string>>()
  private readonly conversationsOfUser = new Map<string, Set<string>>()

  constructor(
    readonly botId: string,
    readonly pageSize: number,
  ) {}

  putMessage(message: Message): Message {
    this.messages.put(message)
    addTo(this.messagesOfConversation, message.conversationId, message.id)
    return message
  }

  removeMessage(id: string): void {
    const message = this.messages.remove(id)
    removeFrom(this.messagesOfConversation, message.conversationId, id)
  }

  messageIdsOf(conversationId: string): ReadonlySet<string> {
    return this.messagesOfConversation.get(conversationId) ?? new Set()
  }

  addParticipant(conversationId: string, userId: string): void {
    addTo(this.usersOfConversation, conversationId, userId)
    addTo(this.conversationsOfUser, userId, conversationId)
  }

  removeParticipant(conversationId: string, userId: string): void {
    removeFrom(this.usersOfConversation, conversationId, userId)
    removeFrom(this.conversationsOfUser, userId, conversationId)
  }

  participantIdsOf(conversationId: string): ReadonlySet<string> {
    return this.usersOfConversation.get(conversationId) ?? new Set()
  }

  conversationIdsOf(userId: string): ReadonlySet<string> {
    return this.conversationsOfUser.get(userId) ?? new Set()
  }

  /** A deleted conversation takes its messages and participations with it. */
  removeConversation(id: string): void {
    this.conversations.remove(id)
    for (const messageId of [...this.messageIdsOf(id)]) this.removeMessage(messageId)
    for (const userId of [...this.participantIdsOf(id)]) this.removeParticipant(id, userId)
  }

  /** A deleted user leaves the conversations it took part in. */
  removeUser(id: string): void {
    this.users.remove(id)
    for (const conversationId of [...this.conversationIdsOf(id)]) this.removeParticipant(conversationId, id)
  }
}
