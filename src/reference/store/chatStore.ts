// The reference's memory: every resource of one bot, each collection kept in order for the whole
// store and for each value its lists filter on (tags, channel, a conversation's messages and
// participants, an event's links), so one page costs the same however much is stored.
import type { Conversation, Event, Message, State, Task, User, Workflow } from '../../contract/types.ts'
import { facet, IndexedCollection, type Facet } from './indexedCollection.ts'
import type { SortedKeys } from './sortedKeys.ts'
import { TaggedCollection } from './taggedCollection.ts'

export interface StoredEvent {
  id: string
  createdAt: string
  event: Event
  /** Events can be filtered by workflow, which the Event itself does not show. */
  workflowId: string | undefined
}

export interface StoredState {
  state: State
  /** Epoch milliseconds after which the state is gone; undefined: never. */
  expiresAt: number | undefined
}

/** The facet of a user taking part in a conversation (users), and of a conversation a user takes part in. */
export const participantIn = (conversationId: string) => facet('conversation', conversationId)
export const withParticipant = (userId: string) => facet('participant', userId)
/** The facets of conversations and messages by their own fields. */
export const onChannel = (channel: string) => facet('channel', channel)
export const ofIntegration = (integration: string) => facet('integration', integration)
export const inConversation = (conversationId: string) => facet('conversationId', conversationId)

/** The fields listEvents filters on, each a facet of the events that have it. */
export const eventFilters = ['type', 'conversationId', 'userId', 'messageId', 'status', 'workflowId'] as const
export type EventFilter = (typeof eventFilters)[number]

export function eventFacet(name: EventFilter, value: string): string {
  return facet(`event.${name}`, value)
}

function eventFacets({ event, workflowId }: StoredEvent): string[] {
  return eventFilters.flatMap((name) => {
    const value = name === 'workflowId' ? workflowId : event[name]
    return value === undefined ? [] : [eventFacet(name, value)]
  })
}

/** The fields listTasks and listWorkflows filter on, each a facet of the tasks and workflows that have it. */
const taskFilters = ['conversationId', 'userId', 'parentTaskId', 'type', 'status'] as const
const workflowFilters = ['conversationId', 'userId', 'parentWorkflowId', 'name', 'status'] as const

export function fieldFacet(kind: 'task' | 'workflow', field: string, value: string): Facet {
  return facet(`${kind}.${field}`, value)
}

function fieldFacets<R>(kind: 'task' | 'workflow', fields: readonly (keyof R & string)[]): (item: R) => Facet[] {
  return (item) =>
    fields.flatMap((field) => {
      const value = item[field]
      return typeof value === 'string' ? [fieldFacet(kind, field, value)] : []
    })
}

export class ChatStore {
  readonly users = new TaggedCollection<User>('user')
  readonly conversations = new TaggedCollection<Conversation>({
    kind: 'conversation',
    facetsOf: (c) => [onChannel(c.channel), ofIntegration(c.integration)],
  })
  readonly messages = new TaggedCollection<Message>({
    kind: 'message',
    // listMessages has no sort: messages are listed oldest first.
    orders: ['createdAt'],
    facetsOf: (m) => [inConversation(m.conversationId)],
  })
  readonly events = new IndexedCollection<StoredEvent>({ kind: 'event', orders: ['createdAt'], facetsOf: eventFacets })
  readonly states = new Map<string, StoredState>()
  // The spec scope (S14, S15): listed most recent first, by tags and by their filters' fields.
  readonly tasks = new TaggedCollection<Task>({
    kind: 'task',
    orders: ['createdAt'],
    facetsOf: fieldFacets('task', taskFilters),
  })
  readonly workflows = new TaggedCollection<Workflow>({
    kind: 'workflow',
    orders: ['createdAt'],
    facetsOf: fieldFacets('workflow', workflowFilters),
  })

  constructor(
    readonly botId: string,
    readonly pageSize: number,
  ) {}

  putMessage(message: Message): Message {
    return this.messages.put(message)
  }

  removeMessage(id: string): void {
    this.messages.remove(id)
  }

  /** The keys (createdAt, id) of a conversation's messages, oldest first. */
  messagesOf(conversationId: string): SortedKeys {
    return this.messages.keysWith(inConversation(conversationId), 'createdAt')
  }

  messageIdsOf(conversationId: string): string[] {
    return [...this.messages.idsWith(inConversation(conversationId))]
  }

  addParticipant(conversationId: string, userId: string): void {
    this.users.link(userId, participantIn(conversationId))
    this.conversations.link(conversationId, withParticipant(userId))
  }

  removeParticipant(conversationId: string, userId: string): void {
    this.users.unlink(userId, participantIn(conversationId))
    this.conversations.unlink(conversationId, withParticipant(userId))
  }

  isParticipant(conversationId: string, userId: string): boolean {
    return this.users.hasFacet(userId, participantIn(conversationId))
  }

  participantIdsOf(conversationId: string): ReadonlySet<string> {
    return this.users.idsWith(participantIn(conversationId))
  }

  conversationIdsOf(userId: string): ReadonlySet<string> {
    return this.conversations.idsWith(withParticipant(userId))
  }

  /** A deleted conversation takes its messages and participations with it. */
  removeConversation(id: string): void {
    this.conversations.remove(id)
    for (const messageId of this.messageIdsOf(id)) this.messages.remove(messageId)
    for (const userId of [...this.participantIdsOf(id)]) this.removeParticipant(id, userId)
  }

  /** A deleted user leaves the conversations it took part in. */
  removeUser(id: string): void {
    for (const conversationId of [...this.conversationIdsOf(id)]) this.removeParticipant(conversationId, id)
    this.users.remove(id)
  }
}
