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
  sandboxIdentifiers?: Record<string, never> | null
}

export type Empty = Record<string, never>

// The spec scope (tasks, workflows, import, initialize, analytics).
export interface Task {
  id: string
  title: string
  description: string
  type: string
  data: Payload
  status: string
  parentTaskId?: string
  conversationId?: string
  userId?: string
  timeoutAt: string
  createdAt: string
  updatedAt: string
  failureReason?: string
  tags: Tags
}

export interface Workflow {
  id: string
  name: string
  status: string
  input: Payload
  output: Payload
  parentWorkflowId?: string
  conversationId?: string
  userId?: string
  createdAt: string
  updatedAt: string
  completedAt?: string
  failureReason?: string
  timeoutAt: string
  tags: Tags
}

export interface CreateTaskBody {
  title?: string
  description?: string
  type: string
  data?: Payload
  parentTaskId?: string
  conversationId: string
  userId?: string
  timeoutAt?: string
  tags?: Tags
}
export interface UpdateTaskBody {
  title?: string
  description?: string
  data?: Payload
  timeoutAt?: string
  status?: string
  tags?: Tags
}

export interface CreateWorkflowBody {
  name: string
  input?: Payload
  parentWorkflowId?: string
  conversationId?: string
  userId?: string
  timeoutAt?: string
  tags?: Tags
  status: string
  eventId?: string
}
export interface GetOrCreateWorkflowBody extends CreateWorkflowBody {
  discriminateByTags?: string[]
  discriminateByStatusGroup?: string
}
export interface UpdateWorkflowBody {
  output?: Payload
  timeoutAt?: string
  status?: string
  failureReason?: string
  tags?: Tags
  userId?: string
  eventId?: string
}

export interface ImportedMessage {
  payload: Payload
  userId: string
  conversationId: string
  type: string
  tags: Tags
  createdAt: string
  discriminateByTags: string[]
}
export interface ImportMessagesBody {
  messages: ImportedMessage[]
}

export interface InitializeIncomingMessageBody {
  userId?: string
  user?: CreateUserBody & { discriminateByTags: string[] }
  conversationId?: string
  conversation?: CreateConversationBody & { discriminateByTags: string[] }
  message?: { payload: Payload; type: string; tags: Tags; origin?: string; discriminateByTags: string[] }
}

export interface TrackAnalyticsBody {
  name: string
  count: number
}
