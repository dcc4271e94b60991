// The reference's memory: every resource of one bot, with the indexes that keep lookups flat as
// the store grows, and the relations between resources (participants, a conversation's messages).
import type { Conversation, Event, Message, State, Task, User, Workflow } from '../../contract/types.ts'
import { SortedKeys } from './sortedKeys.ts'
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
  // The spec scope (S14, S15): tagged and listed like users and conversations.
  readonly tasks = new TaggedCollection<Task>('task')
  readonly workflows = new TaggedCollection<Workflow>('workflow')

  /** A conversation's messages by (createdAt, id), so one page of them costs the same however many there are. */
  private readonly messagesOfConversation = new Map<string, SortedKeys>()
  private readonly usersOfConversation = new Map<string, Set<string>>()
  private readonly conversationsOfUser = new Map<string, Set<string>>()

  constructor(
    readonly botId: string,
    readonly pageSize: number,
  ) {}

  putMessage(message: Message): Message {
    this.messages.put(message)
    let keys = this.messagesOfConversation.get(message.conversationId)
    if (!keys) this.messagesOfConversation.set(message.conversationId, (keys = new SortedKeys()))
    keys.add({ v: message.createdAt, id: message.id })
    return message
  }

  removeMessage(id: string): void {
    const message = this.messages.remove(id)
    const keys = this.messagesOfConversation.get(message.conversationId)
    keys?.remove({ v: message.createdAt, id })
    if (keys?.size === 0) this.messagesOfConversation.delete(message.conversationId)
  }

  /** The keys (createdAt, id) of a conversation's messages, oldest first. */
  messagesOf(conversationId: string): SortedKeys {
    return this.messagesOfConversation.get(conversationId) ?? new SortedKeys()
  }

  messageIdsOf(conversationId: string): string[] {
    return [...this.messagesOf(conversationId).after(undefined)].map((key) => key.id)
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
    // Drops the conversation's index whole rather than key by key from its front.
    for (const messageId of this.messageIdsOf(id)) this.messages.remove(messageId)
    this.messagesOfConversation.delete(id)
    for (const userId of [...this.participantIdsOf(id)]) this.removeParticipant(id, userId)
  }

  /** A deleted user leaves the conversations it took part in. */
  removeUser(id: string): void {
    this.users.remove(id)
    for (const conversationId of [...this.conversationIdsOf(id)]) this.removeParticipant(conversationId, id)
  }
}
