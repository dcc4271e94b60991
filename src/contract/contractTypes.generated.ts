// Generated from schemas/ by `npm run types`; do not edit by hand (npm test fails when it is
// not what schemas/ give). Use the names of src/contract/types.ts.

/**
 * The tag keys that must match for get-or-create to return an existing resource (S6).
 *
 * Items: A tag value in a create body, or a key listed in discriminateByTags (S3).
 */
export type DiscriminateByTags = string[]

/**
 * Every schema of schemas/ as a TypeScript type, by name.
 */
export interface ContractTypes {
  Conversation: Conversation
  Event: Event
  Message: Message
  State: State
  Task: Task
  User: User
  Workflow: Workflow
  AddParticipantBody: AddParticipantBody
  CallActionBody: CallActionBody
  ConfigureIntegrationBody: ConfigureIntegrationBody
  CreateConversationBody: CreateConversationBody
  CreateEventBody: CreateEventBody
  CreateMessageBody: CreateMessageBody
  CreateTaskBody: CreateTaskBody
  CreateUserBody: CreateUserBody
  CreateWorkflowBody: CreateWorkflowBody
  GetOrCreateConversationBody: GetOrCreateConversationBody
  GetOrCreateMessageBody: GetOrCreateMessageBody
  GetOrCreateUserBody: GetOrCreateUserBody
  GetOrCreateWorkflowBody: GetOrCreateWorkflowBody
  GetOrSetStateBody: GetOrSetStateBody
  ImportMessagesBody: ImportMessagesBody
  InitializeIncomingMessageBody: InitializeIncomingMessageBody
  PatchStateBody: PatchStateBody
  SetStateBody: SetStateBody
  SetStateExpiryBody: SetStateExpiryBody
  TrackAnalyticsBody: TrackAnalyticsBody
  UpdateConversationBody: UpdateConversationBody
  UpdateMessageBody: UpdateMessageBody
  UpdateTaskBody: UpdateTaskBody
  UpdateUserBody: UpdateUserBody
  UpdateWorkflowBody: UpdateWorkflowBody
  ListConversationsQuery: ListConversationsQuery
  ListEventsQuery: ListEventsQuery
  ListMessagesQuery: ListMessagesQuery
  ListParticipantsQuery: ListParticipantsQuery
  ListTagValuesQuery: ListTagValuesQuery
  ListTasksQuery: ListTasksQuery
  ListUsersQuery: ListUsersQuery
  ListWorkflowsQuery: ListWorkflowsQuery
  ActionOutputAnswer: OutputMeta
  CachedStateAnswer: StateMeta
  ConversationAnswer: Conversation1
  ConversationsAnswer: ConversationsMeta
  EmptyAnswer: NoName
  EventAnswer: Event1
  EventsAnswer: EventsMeta
  ImportedMessagesAnswer: Messages
  IncomingMessageAnswer: UserConversationMessage
  MessageAnswer: Message1
  MessagesAnswer: MessagesMeta
  ParticipantAnswer: Participant
  ParticipantsAnswer: ParticipantsMeta
  StateAnswer: State1
  TagValuesAnswer: TagsMeta
  TaskAnswer: Task1
  TasksAnswer: TasksMeta
  UserAnswer: User1
  UsersAnswer: UsersMeta
  WorkflowAnswer: Workflow1
  WorkflowsAnswer: WorkflowsMeta
  StateParams: StatePath
}
export interface Conversation {
  /**
   * A resource id or id-valued field (S1).
   */
  id: string
  /**
   * A resource id or id-valued field (S1).
   */
  currentTaskId?: string
  /**
   * A resource id or id-valued field (S1).
   */
  currentWorkflowId?: string
  /**
   * An ISO 8601 date-time (S2).
   */
  createdAt: string
  /**
   * An ISO 8601 date-time (S2).
   */
  updatedAt: string
  channel: string
  integration: string
  tags: Tags
}
/**
 * Tags as returned, and as accepted where no limit is documented (S5).
 */
export interface Tags {
  [k: string]: string
}
export interface Event {
  /**
   * A resource id or id-valued field (S1).
   */
  id: string
  /**
   * An ISO 8601 date-time (S2).
   */
  createdAt: string
  /**
   * A type, name or channel: message and event type, user name, channel, state name, action type, integration name (S3).
   */
  type: string
  payload: Payload
  /**
   * A resource id or id-valued field (S1).
   */
  conversationId?: string
  /**
   * A resource id or id-valued field (S1).
   */
  userId?: string
  /**
   * A resource id or id-valued field (S1).
   */
  messageId?: string
  status: 'pending' | 'processed' | 'ignored' | 'failed' | 'scheduled' | 'canceled'
  /**
   * Why an event failed; null until it fails (S3, S10).
   */
  failureReason: string | null
}
/**
 * A free-form object.
 */
export interface Payload {
  [k: string]: unknown
}
export interface Message {
  /**
   * A resource id or id-valued field (S1).
   */
  id: string
  /**
   * An ISO 8601 date-time (S2).
   */
  createdAt: string
  /**
   * An ISO 8601 date-time (S2).
   */
  updatedAt: string
  /**
   * A type, name or channel: message and event type, user name, channel, state name, action type, integration name (S3).
   */
  type: string
  payload: Payload
  direction: 'incoming' | 'outgoing'
  /**
   * A resource id or id-valued field (S1).
   */
  userId: string
  /**
   * A resource id or id-valued field (S1).
   */
  conversationId: string
  tags: Tags
  /**
   * Where a message comes from: only synthetic, and optional (S4).
   */
  origin?: 'synthetic'
}
export interface State {
  /**
   * A resource id or id-valued field (S1).
   */
  id: string
  /**
   * An ISO 8601 date-time (S2).
   */
  createdAt: string
  /**
   * An ISO 8601 date-time (S2).
   */
  updatedAt: string
  /**
   * A resource id or id-valued field (S1).
   */
  botId: string
  /**
   * A resource id or id-valued field (S1).
   */
  conversationId?: string
  /**
   * A resource id or id-valued field (S1).
   */
  userId?: string
  /**
   * A type, name or channel: message and event type, user name, channel, state name, action type, integration name (S3).
   */
  name: string
  /**
   * What a state belongs to, in its path and in the State (S4).
   */
  type: 'conversation' | 'user' | 'bot' | 'task' | 'integration' | 'workflow'
  payload: Payload
}
export interface Task {
  /**
   * A resource id or id-valued field (S1).
   */
  id: string
  title: string
  description: string
  type: string
  data: Payload
  /**
   * A task's status, in the Task, in updateTask and in listTasks' status filter (S4, S14).
   */
  status: 'pending' | 'in_progress' | 'failed' | 'completed' | 'blocked' | 'paused' | 'timeout' | 'cancelled'
  /**
   * A resource id or id-valued field (S1).
   */
  parentTaskId?: string
  /**
   * A resource id or id-valued field (S1).
   */
  conversationId?: string
  /**
   * A resource id or id-valued field (S1).
   */
  userId?: string
  /**
   * An ISO 8601 date-time (S2).
   */
  timeoutAt: string
  /**
   * An ISO 8601 date-time (S2).
   */
  createdAt: string
  /**
   * An ISO 8601 date-time (S2).
   */
  updatedAt: string
  /**
   * Why an event failed; null until it fails (S3, S10).
   */
  failureReason?: string | null
  tags: Tags
}
export interface User {
  /**
   * A resource id or id-valued field (S1).
   */
  id: string
  /**
   * An ISO 8601 date-time (S2).
   */
  createdAt: string
  /**
   * An ISO 8601 date-time (S2).
   */
  updatedAt: string
  tags: Tags
  /**
   * A type, name or channel: message and event type, user name, channel, state name, action type, integration name (S3).
   */
  name?: string
  /**
   * A user's picture URL (S3).
   */
  pictureUrl?: string
}
export interface Workflow {
  /**
   * A resource id or id-valued field (S1).
   */
  id: string
  /**
   * A type, name or channel: message and event type, user name, channel, state name, action type, integration name (S3).
   */
  name: string
  /**
   * A workflow's status, in the Workflow and in listWorkflows' statuses filter (S4, S15).
   */
  status: 'pending' | 'in_progress' | 'failed' | 'completed' | 'listening' | 'paused' | 'timedout' | 'cancelled'
  input: Payload
  output: Payload
  /**
   * A resource id or id-valued field (S1).
   */
  parentWorkflowId?: string
  /**
   * A resource id or id-valued field (S1).
   */
  conversationId?: string
  /**
   * A resource id or id-valued field (S1).
   */
  userId?: string
  /**
   * An ISO 8601 date-time (S2).
   */
  createdAt: string
  /**
   * An ISO 8601 date-time (S2).
   */
  updatedAt: string
  /**
   * An ISO 8601 date-time (S2).
   */
  completedAt?: string
  /**
   * Why an event failed; null until it fails (S3, S10).
   */
  failureReason?: string | null
  /**
   * An ISO 8601 date-time (S2).
   */
  timeoutAt: string
  tags: Tags
}
export interface AddParticipantBody {
  /**
   * A resource id or id-valued field (S1).
   */
  userId: string
}
export interface CallActionBody {
  /**
   * A type, name or channel: message and event type, user name, channel, state name, action type, integration name (S3).
   */
  type: string
  input: Payload
}
export interface ConfigureIntegrationBody {
  identifier?: string | null
  scheduleRegisterCall?: 'hourly' | 'daily' | 'weekly' | 'bi-weekly' | 'monthly' | 'bi-monthly' | 'quarterly' | 'yearly'
  sandboxIdentifiers?: EmptyObject | null
}
/**
 * The documented answer {} of deletes and configureIntegration.
 */
export interface EmptyObject {}
export interface CreateConversationBody {
  /**
   * A type, name or channel: message and event type, user name, channel, state name, action type, integration name (S3).
   */
  channel: string
  tags: TagsInput
  /**
   * @deprecated
   * A type, name or channel: message and event type, user name, channel, state name, action type, integration name (S3).
   */
  integrationName?: string
}
/**
 * Tags in a create or get-or-create body: every value at most tagText long (S3, S5).
 */
export interface TagsInput {
  /**
   * A tag value in a create body, or a key listed in discriminateByTags (S3).
   */
  [k: string]: string
}
export interface CreateEventBody {
  /**
   * A type, name or channel: message and event type, user name, channel, state name, action type, integration name (S3).
   */
  type: string
  payload: Payload
  schedule?: Schedule
  /**
   * A resource id or id-valued field (S1).
   */
  conversationId?: string
  /**
   * A resource id or id-valued field (S1).
   */
  userId?: string
  /**
   * A resource id or id-valued field (S1).
   */
  workflowId?: string
  /**
   * A resource id or id-valued field (S1).
   */
  messageId?: string
}
/**
 * When a message or event is due (S10).
 */
export interface Schedule {
  dateTime?: string
  delay?: number
}
export interface CreateMessageBody {
  payload: Payload
  /**
   * A resource id or id-valued field (S1).
   */
  userId: string
  /**
   * A resource id or id-valued field (S1).
   */
  conversationId: string
  /**
   * A type, name or channel: message and event type, user name, channel, state name, action type, integration name (S3).
   */
  type: string
  tags: TagsInput
  schedule?: Schedule
  /**
   * Where a message comes from: only synthetic, and optional (S4).
   */
  origin?: 'synthetic'
}
export interface CreateTaskBody {
  title?: string
  description?: string
  /**
   * A type, name or channel: message and event type, user name, channel, state name, action type, integration name (S3).
   */
  type: string
  data?: Payload
  /**
   * An id-valued body field for which the contract sheet gives no length: any string. S1 is not applied here, so a target is never failed for accepting one.
   */
  parentTaskId?: string
  /**
   * An id-valued body field for which the contract sheet gives no length: any string. S1 is not applied here, so a target is never failed for accepting one.
   */
  conversationId: string
  /**
   * An id-valued body field for which the contract sheet gives no length: any string. S1 is not applied here, so a target is never failed for accepting one.
   */
  userId?: string
  /**
   * An ISO 8601 date-time (S2).
   */
  timeoutAt?: string
  tags?: TagsInput
}
export interface CreateUserBody {
  tags: TagsInput
  /**
   * @deprecated
   * A type, name or channel: message and event type, user name, channel, state name, action type, integration name (S3).
   */
  integrationName?: string
  /**
   * A type, name or channel: message and event type, user name, channel, state name, action type, integration name (S3).
   */
  name?: string
  /**
   * A user's picture URL (S3).
   */
  pictureUrl?: string
}
export interface CreateWorkflowBody {
  name: string
  input?: Payload
  /**
   * An id-valued body field for which the contract sheet gives no length: any string. S1 is not applied here, so a target is never failed for accepting one.
   */
  parentWorkflowId?: string
  /**
   * An id-valued body field for which the contract sheet gives no length: any string. S1 is not applied here, so a target is never failed for accepting one.
   */
  conversationId?: string
  /**
   * An id-valued body field for which the contract sheet gives no length: any string. S1 is not applied here, so a target is never failed for accepting one.
   */
  userId?: string
  /**
   * An ISO 8601 date-time (S2).
   */
  timeoutAt?: string
  tags?: TagsInput
  /**
   * The status a workflow is created with, by createWorkflow and getOrCreateWorkflow (S4, S15).
   */
  status: 'pending' | 'in_progress' | 'listening'
  /**
   * An id-valued body field for which the contract sheet gives no length: any string. S1 is not applied here, so a target is never failed for accepting one.
   */
  eventId?: string
}
export interface GetOrCreateConversationBody {
  /**
   * A type, name or channel: message and event type, user name, channel, state name, action type, integration name (S3).
   */
  channel: string
  tags: TagsInput
  /**
   * @deprecated
   * A type, name or channel: message and event type, user name, channel, state name, action type, integration name (S3).
   */
  integrationName?: string
  discriminateByTags?: DiscriminateByTags
}
export interface GetOrCreateMessageBody {
  payload: Payload
  /**
   * A resource id or id-valued field (S1).
   */
  userId: string
  /**
   * A resource id or id-valued field (S1).
   */
  conversationId: string
  /**
   * A type, name or channel: message and event type, user name, channel, state name, action type, integration name (S3).
   */
  type: string
  tags: TagsInput
  schedule?: Schedule
  /**
   * Where a message comes from: only synthetic, and optional (S4).
   */
  origin?: 'synthetic'
  discriminateByTags?: DiscriminateByTags
}
export interface GetOrCreateUserBody {
  tags: TagsInput
  /**
   * @deprecated
   * A type, name or channel: message and event type, user name, channel, state name, action type, integration name (S3).
   */
  integrationName?: string
  /**
   * A type, name or channel: message and event type, user name, channel, state name, action type, integration name (S3).
   */
  name?: string
  /**
   * A user's picture URL (S3).
   */
  pictureUrl?: string
  discriminateByTags?: DiscriminateByTags
}
export interface GetOrCreateWorkflowBody {
  name: string
  input?: Payload
  /**
   * An id-valued body field for which the contract sheet gives no length: any string. S1 is not applied here, so a target is never failed for accepting one.
   */
  parentWorkflowId?: string
  /**
   * An id-valued body field for which the contract sheet gives no length: any string. S1 is not applied here, so a target is never failed for accepting one.
   */
  conversationId?: string
  /**
   * An id-valued body field for which the contract sheet gives no length: any string. S1 is not applied here, so a target is never failed for accepting one.
   */
  userId?: string
  /**
   * An ISO 8601 date-time (S2).
   */
  timeoutAt?: string
  tags?: TagsInput
  /**
   * The status a workflow is created with, by createWorkflow and getOrCreateWorkflow (S4, S15).
   */
  status: 'pending' | 'in_progress' | 'listening'
  /**
   * An id-valued body field for which the contract sheet gives no length: any string. S1 is not applied here, so a target is never failed for accepting one.
   */
  eventId?: string
  discriminateByTags?: DiscriminateByTags
  /**
   * Only workflows whose status is in this group match (S15).
   */
  discriminateByStatusGroup?: 'active' | 'finished'
}
export interface GetOrSetStateBody {
  payload: Payload
  /**
   * A state's time to live in milliseconds (S11).
   */
  expiry?: number | null
}
export interface ImportMessagesBody {
  /**
   * The messages to import; each is returned as found (matched by tags as S6) or as created (S17).
   *
   * @maxItems 100
   */
  messages: {
    payload: Payload
    /**
     * A resource id or id-valued field (S1).
     */
    userId: string
    /**
     * A resource id or id-valued field (S1).
     */
    conversationId: string
    /**
     * A type, name or channel: message and event type, user name, channel, state name, action type, integration name (S3).
     */
    type: string
    tags: TagsInput
    /**
     * An ISO 8601 date-time (S2).
     */
    createdAt: string
    discriminateByTags: DiscriminateByTags
  }[]
}
export interface InitializeIncomingMessageBody {
  /**
   * An id-valued body field for which the contract sheet gives no length: any string. S1 is not applied here, so a target is never failed for accepting one.
   */
  userId?: string
  /**
   * The user to get or create (S6), when userId does not name one (S18).
   */
  user?: {
    tags: TagsInput
    /**
     * @deprecated
     * A type, name or channel: message and event type, user name, channel, state name, action type, integration name (S3).
     */
    integrationName?: string
    /**
     * A type, name or channel: message and event type, user name, channel, state name, action type, integration name (S3).
     */
    name?: string
    /**
     * A user's picture URL (S3).
     */
    pictureUrl?: string
    discriminateByTags: DiscriminateByTags
  }
  /**
   * An id-valued body field for which the contract sheet gives no length: any string. S1 is not applied here, so a target is never failed for accepting one.
   */
  conversationId?: string
  /**
   * The conversation to get or create (S6), when conversationId does not name one (S18).
   */
  conversation?: {
    /**
     * A type, name or channel: message and event type, user name, channel, state name, action type, integration name (S3).
     */
    channel: string
    tags: TagsInput
    /**
     * @deprecated
     * A type, name or channel: message and event type, user name, channel, state name, action type, integration name (S3).
     */
    integrationName?: string
    discriminateByTags: DiscriminateByTags
  }
  /**
   * A message to get or create in the conversation, from the user (S18).
   */
  message?: {
    payload: Payload
    /**
     * A type, name or channel: message and event type, user name, channel, state name, action type, integration name (S3).
     */
    type: string
    tags: TagsInput
    /**
     * Where a message comes from: only synthetic, and optional (S4).
     */
    origin?: 'synthetic'
    discriminateByTags: DiscriminateByTags
  }
}
export interface PatchStateBody {
  payload: Payload
}
export interface SetStateBody {
  payload: Payload | null
  /**
   * A state's time to live in milliseconds (S11).
   */
  expiry?: number | null
}
export interface SetStateExpiryBody {
  /**
   * A state's time to live in milliseconds (S11).
   */
  expiry: number | null
}
export interface TrackAnalyticsBody {
  /**
   * A type, name or channel: message and event type, user name, channel, state name, action type, integration name (S3).
   */
  name: string
  count: number
}
export interface UpdateConversationBody {
  currentTaskId?: string
  tags?: Tags
}
export interface UpdateMessageBody {
  tags: Tags
  payload?: Payload
}
export interface UpdateTaskBody {
  title?: string
  description?: string
  data?: Payload
  /**
   * An ISO 8601 date-time (S2).
   */
  timeoutAt?: string
  /**
   * A task's status, in the Task, in updateTask and in listTasks' status filter (S4, S14).
   */
  status?: 'pending' | 'in_progress' | 'failed' | 'completed' | 'blocked' | 'paused' | 'timeout' | 'cancelled'
  tags?: TagsInput
}
export interface UpdateUserBody {
  tags?: TagsInput
  name?: string | null
  pictureUrl?: string | null
}
export interface UpdateWorkflowBody {
  output?: Payload
  /**
   * An ISO 8601 date-time (S2).
   */
  timeoutAt?: string
  status?: 'completed' | 'cancelled' | 'listening' | 'paused' | 'failed' | 'in_progress'
  failureReason?: string
  tags?: TagsInput
  /**
   * An id-valued body field for which the contract sheet gives no length: any string. S1 is not applied here, so a target is never failed for accepting one.
   */
  userId?: string
  /**
   * An id-valued body field for which the contract sheet gives no length: any string. S1 is not applied here, so a target is never failed for accepting one.
   */
  eventId?: string
}
export interface ListConversationsQuery {
  /**
   * An opaque page token (S7).
   */
  nextToken?: string
  sortField?: 'createdAt' | 'updatedAt'
  sortDirection?: 'asc' | 'desc'
  tags?: Tags
  participantIds?: string[]
  integrationName?: string
  channel?: string
  afterDate?: string
  beforeDate?: string
  [k: string]: unknown
}
export interface ListEventsQuery {
  /**
   * An opaque page token (S7).
   */
  nextToken?: string
  type?: string
  conversationId?: string
  userId?: string
  messageId?: string
  workflowId?: string
  status?: 'pending' | 'ignored' | 'processed' | 'failed' | 'scheduled'
  [k: string]: unknown
}
export interface ListMessagesQuery {
  /**
   * An opaque page token (S7).
   */
  nextToken?: string
  conversationId?: string
  tags?: Tags
  afterDate?: string
  beforeDate?: string
  [k: string]: unknown
}
export interface ListParticipantsQuery {
  /**
   * An opaque page token (S7).
   */
  nextToken?: string
  [k: string]: unknown
}
export interface ListTagValuesQuery {
  /**
   * An opaque page token (S7).
   */
  nextToken?: string
  type: 'user' | 'conversation' | 'message'
  [k: string]: unknown
}
export interface ListTasksQuery {
  /**
   * An opaque page token (S7).
   */
  nextToken?: string
  tags?: Tags
  conversationId?: string
  userId?: string
  parentTaskId?: string
  /**
   * Items: A task's status, in the Task, in updateTask and in listTasks' status filter (S4, S14).
   */
  status?: ('pending' | 'in_progress' | 'failed' | 'completed' | 'blocked' | 'paused' | 'timeout' | 'cancelled')[]
  type?: string
  [k: string]: unknown
}
export interface ListUsersQuery {
  /**
   * An opaque page token (S7).
   */
  nextToken?: string
  conversationId?: string
  tags?: Tags
  afterDate?: string
  beforeDate?: string
  rangeField?: 'createdAt' | 'updatedAt'
  sortField?: 'createdAt' | 'updatedAt'
  sortDirection?: 'asc' | 'desc'
  [k: string]: unknown
}
export interface ListWorkflowsQuery {
  /**
   * An opaque page token (S7).
   */
  nextToken?: string
  tags?: Tags
  conversationId?: string
  userId?: string
  parentWorkflowId?: string
  /**
   * Items: A workflow's status, in the Workflow and in listWorkflows' statuses filter (S4, S15).
   */
  statuses?: ('pending' | 'in_progress' | 'failed' | 'completed' | 'listening' | 'paused' | 'timedout' | 'cancelled')[]
  name?: string
  [k: string]: unknown
}
export interface OutputMeta {
  output: Payload
  meta: CacheMeta
  [k: string]: unknown
}
export interface CacheMeta {
  cached: boolean
  [k: string]: unknown
}
export interface StateMeta {
  state: State
  meta: CacheMeta
  [k: string]: unknown
}
export interface Conversation1 {
  conversation: Conversation
  [k: string]: unknown
}
export interface ConversationsMeta {
  conversations: Conversation[]
  meta: ListMeta
  [k: string]: unknown
}
/**
 * The meta object of a list answer (S7).
 */
export interface ListMeta {
  /**
   * An opaque page token (S7).
   */
  nextToken?: string
  [k: string]: unknown
}
/**
 * The documented answer {} of deletes and configureIntegration.
 */
export interface NoName {}
export interface Event1 {
  event: Event
  [k: string]: unknown
}
export interface EventsMeta {
  events: Event[]
  meta: ListMeta
  [k: string]: unknown
}
export interface Messages {
  messages: Message[]
  [k: string]: unknown
}
export interface UserConversationMessage {
  user: User
  conversation: Conversation
  message?: Message
  [k: string]: unknown
}
export interface Message1 {
  message: Message
  [k: string]: unknown
}
export interface MessagesMeta {
  messages: Message[]
  meta: ListMeta
  [k: string]: unknown
}
export interface Participant {
  participant: User
  [k: string]: unknown
}
export interface ParticipantsMeta {
  participants: User[]
  meta: ListMeta
  [k: string]: unknown
}
export interface State1 {
  state: State
  [k: string]: unknown
}
export interface TagsMeta {
  tags: {
    value: string
    [k: string]: unknown
  }[]
  meta: ListMeta
  [k: string]: unknown
}
export interface Task1 {
  task: Task
  [k: string]: unknown
}
export interface TasksMeta {
  tasks: Task[]
  meta: ListMeta
  [k: string]: unknown
}
export interface User1 {
  user: User
  [k: string]: unknown
}
export interface UsersMeta {
  users: User[]
  meta: ListMeta
  [k: string]: unknown
}
export interface Workflow1 {
  workflow: Workflow
  [k: string]: unknown
}
export interface WorkflowsMeta {
  workflows: Workflow[]
  meta: ListMeta
  [k: string]: unknown
}
export interface StatePath {
  /**
   * What a state belongs to, in its path and in the State (S4).
   */
  type: 'conversation' | 'user' | 'bot' | 'task' | 'integration' | 'workflow'
  id: string
  /**
   * A type, name or channel: message and event type, user name, channel, state name, action type, integration name (S3).
   */
  name: string
  [k: string]: unknown
}
