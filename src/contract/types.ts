// TypeScript shapes of the resources and bodies, for the client's signatures. They carry no
// constraint: lengths, enums and required fields are checked against schemas/ at run time.
export type Tags = Record<string, string>
export type Payload = Record<string, unknown>

export interface User {
  id: string
  createdAt: string
  updatedAt: string
  tags: Tags
  name?: string
  pictureUrl?: string
}

export interface Conversation {
  id: string
  currentTaskId?: string
  currentWorkflowId?: string
  createdAt: string
  updatedAt: string
  channel: string
  integration: string
  tags: Tags
}

export interface Message {
  id: string
  createdAt: string
  updatedAt: string
  type: string
  payload: Payload
  direction: string
  userId: string
  conversationId: string
  tags: Tags
  origin?: string
}

export interface Event {
  id: string
  createdAt: string
  type: string
  payload: Payload
  conversationId?: string
  userId?: string
  messageId?: string
  status: string
  failureReason: string | null
}

export interface State {
  id: string
  createdAt: string
  updatedAt: string
  botId: string
  conversationId?: string
  userId?: string
  name: string
  type: string
  payload: Payload
}

export interface Schedule {
  dateTime?: string
  delay?: number
}

export interface CreateUserBody {
  tags: Tags
  integrationName?: string
  name?: string
  pictureUrl?: string
}
export interface UpdateUserBody {
  tags?: Tags
  name?: string | null
  pictureUrl?: string | null
}
export interface GetOrCreateUserBody extends CreateUserBody {
  discriminateByTags?: string[]
}
export interface CreateConversationBody {
  channel: string
  tags: Tags
  integrationName?: string
}
export interface UpdateConversationBody {
  currentTaskId?: string
  tags?: Tags
}
export interface GetOrCreateConversationBody extends CreateConversationBody {
  discriminateByTags?: string[]
}
export interface CreateMessageBody {
  payload: Payload
  userId: string
  conversationId: string
  type: string
  tags: Tags
  schedule?: Schedule
  origin?: string
}
export interface GetOrCreateMessageBody extends CreateMessageBody {
  discriminateByTags?: string[]
}
export interface UpdateMessageBody {
  tags: Tags
  payload?: Payload
}
export interface CreateEventBody {
  type: string
  payload: Payload
  schedule?: Schedule
  conversationId?: string
  userId?: string
  workflowId?: string
  messageId?: string
}
export interface StateAddress {
  type: string
  id: string
  name: string
}
export interface SetStateBody {
  payload: Payload | null
  expiry?: number | null
}
export interface GetOrSetStateBody {
  payload: Payload
  expiry?: number | null
}

export interface CallActionBody {
  type: string
  input: Payload
}
export interface ConfigureIntegrationBody {
  identifier?: string | null
  scheduleRegisterCall?: string
  sandboxIdentifiers?: Record<string, never>
}

export type Empty = Record<string, never>
