// The one table of requests: for each of the 48 operations (the spec scope's 15 need the target
// configured for them), how to build a request that must
// succeed, with what it refers to made first (a chat for a message, a conversation for its
// state). Two things are derived from each entry:
// - a valid call (validRequest): the request, its address made to exist, one item made for a list
//   to show; the per-operation checks (operationChecks.ts, requestRejectionChecks.ts) send it, or
//   break one part of it, so the error they expect can only come from that part;
// - a probe base (probeBase): the request alone, for the generated tables (lengths, ranges,
//   enumerations), which change one field and make the address exist only once that field is final.
// A Record over OperationId: an operation cannot be left out.
import { documentedValue } from '../../../fixtures/contractFields.ts'
import { neverExistingId } from '../../../fixtures/identifiers.ts'
import { notFound, unknownReference, type ExpectedError } from '../../contract/documentedErrors.ts'
import type { Feature } from '../../contract/levels.ts'
import type { ChatOperationId, OperationId, SpecOperationId } from '../../contract/operations.ts'
import type { RuleId } from '../../contract/rules.ts'
import type { CallOptions } from '../client/runtimeClient.ts'
import type { CheckContext } from './checkContext.ts'
import { expectSuccess } from './expectations.ts'

/** What a call must get when one of its path ids is well-formed but never existed. */
export interface UnknownIdAnswer {
  expected: ExpectedError
  /** [open] the documents also allow the call to succeed; the check then records what it saw. */
  mayAccept?: string
}

export interface OperationRequest {
  needs?: Feature
  /** The rule whose statement a successful call shows (SHAPE, the contract sheet, by default). */
  rule?: RuleId
  /** A request that succeeds once its address exists: path parameters, query and body. */
  build(context: CheckContext): CallOptions | Promise<CallOptions>
  /** Makes what the request addresses exist (a state to read or change), once its fields are final. */
  prepare?(context: CheckContext, request: CallOptions): Promise<void>
  /** Makes one resource the (list) request finds, so its answer shows an item's shape too. */
  listed?(context: CheckContext, request: CallOptions): Promise<void>
  /** Path parameters naming a resource by id, and what a never-existing id in each must get (S13). */
  ids?: Record<string, UnknownIdAnswer>
  /**
   * Body fields naming another resource by id, and what a well-formed id that names nothing may
   * get there; a body id field not listed gets openBodyReference.
   */
  references?: Record<string, UnknownIdAnswer>
  /**
   * Makes the request agree with itself again after a probe changed one field: what the documents
   * tie to that field follows it (a state's owner id follows its type; a key listed in
   * discriminateByTags is one of the tags). A probe keeps every constraint but the one it probes.
   */
  coherent?(context: CheckContext, request: CallOptions): void | Promise<void>
  /**
   * The request names something the target may not have (an action): a value within the limits
   * may then be refused as unknown (S12 [open]: 400 or 404), never as invalid.
   */
  namesUnknown?: boolean
  /** Why only requests a conforming target rejects are sent to this operation by generated probes. */
  rejectionOnly?: string
  /** The same for some of its fields (by fieldName: title, tags.value), each with why. */
  rejectionOnlyFields?: Record<string, string>
}

const unknownId: UnknownIdAnswer = { expected: notFound }

/** A participant refers to a conversation: one that does not exist may be refused (400, 404) or accepted [open]. */
const openReference: UnknownIdAnswer = {
  expected: { status: [400, 404] },
  mayAccept: 'the documents leave open whether a participant may refer to a conversation that does not exist',
}

/**
 * An id in a body naming a user, conversation, message or workflow that does not exist: refused
 * (400 or 404, of any type) or accepted, the documents leave it open.
 */
export const openBodyReference: UnknownIdAnswer = {
  expected: { status: [400, 404] },
  mayAccept: 'the documents leave open whether a body may refer to a resource that does not exist',
}

/** addParticipant of a user that does not exist is an error: 404, or 400 ReferenceNotFound (S9). */
const unknownParticipant: UnknownIdAnswer = { expected: unknownReference }

/** A state set for a conversation that does not exist: no document says whether it is refused. */
const openStateOwner: UnknownIdAnswer = {
  expected: { status: [400, 404] },
  mayAccept: 'no document says whether a state may be set for a conversation that does not exist',
}

/** One tag, run-unique, so a request can only ever find what this check made. */
function ownTag({ values }: CheckContext): Record<string, string> {
  return { [values.keyFor('conformanceRequest')]: values.unique('own') }
}

// A conversation's state: the one state type whose id is a resource a check can make and delete.
const conversationState = documentedValue('params/state.json', ['type'], 'conversation')

async function stateAddress(context: CheckContext): Promise<CallOptions> {
  const { conversation } = await context.make.chatOfTest()
  return { params: { type: conversationState, id: conversation.id, name: context.values.unique('state') } }
}

async function storeState(context: CheckContext, request: CallOptions): Promise<void> {
  const reply = await context.api.call('setState', { params: request.params ?? {}, body: { payload: {} } })
  expectSuccess(reply, '(prerequisite)')
}

/**
 * The id a state of a type is addressed by, where the run has one: the chat's conversation and
 * user, the bot, the configured integration. Tasks and workflows cannot be made here: a
 * well-formed id of nothing stands for them.
 */
async function stateOwner(context: CheckContext, type: string | undefined): Promise<string | undefined> {
  const chat = async () => context.make.chatOfTest()
  switch (type) {
    case 'conversation':
      return (await chat()).conversation.id
    case 'user':
      return (await chat()).user.id
    case 'bot':
      return context.harness.botId
    case 'integration':
      return context.harness.integrationId
    default:
      return undefined
  }
}

/** A state's address names an owner of its type: a probe of the type moves the id along. */
async function ownerFollowsType(context: CheckContext, request: CallOptions): Promise<void> {
  const params = request.params
  if (!params) return
  const owner = await stateOwner(context, params.type)
  if (owner !== undefined) params.id = owner
  else if (params.id) params.id = neverExistingId(params.id)
}

/** Every key get-or-create is told to discriminate by is one of the request's tags. */
function discriminatedKeysTagged(context: CheckContext, request: CallOptions): void {
  const body = request.body as { tags?: Record<string, string>; discriminateByTags?: unknown } | undefined
  if (!body || !Array.isArray(body.discriminateByTags)) return
  for (const key of body.discriminateByTags)
    if (typeof key === 'string' && !(key in (body.tags ?? {})))
      body.tags = { ...body.tags, [key]: context.values.unique('discriminating') }
}

const stateThere = { prepare: storeState, coherent: ownerFollowsType }

const byId = (id: string): CallOptions => ({ params: { id } })

async function chatMessage(context: CheckContext): Promise<CallOptions> {
  return byId((await context.make.message(await context.make.chatOfTest())).id)
}

async function chatParticipant(context: CheckContext): Promise<CallOptions> {
  const { user, conversation } = await context.make.chatOfTest()
  return { params: { id: conversation.id, userId: user.id } }
}

const documentedRequests: Record<OperationId, OperationRequest> = {
  // Users
  createUser: { build: ({ make }) => ({ body: make.userBody() }) },
  listUsers: {
    build: (context) => ({ query: { tags: ownTag(context) } }),
    listed: async ({ make }, request) =>
      void (await make.user({ tags: request.query?.tags as Record<string, string> })),
  },
  getUser: { build: async ({ make }) => byId((await make.user()).id), ids: { id: unknownId } },
  updateUser: {
    build: async (context) => ({ ...byId((await context.make.user()).id), body: { tags: ownTag(context) } }),
    ids: { id: unknownId },
  },
  deleteUser: { build: async ({ make }) => byId((await make.user()).id), ids: { id: unknownId } },
  getOrCreateUser: {
    build: (context) => ({ body: { ...context.make.userBody(), tags: ownTag(context) } }),
    coherent: discriminatedKeysTagged,
  },

  // Conversations
  createConversation: { build: ({ make }) => ({ body: make.conversationBody() }) },
  listConversations: {
    build: ({ make }) => ({ query: { channel: make.channelOfTest() } }),
    listed: async ({ make }, request) => void (await make.conversation({ channel: request.query?.channel as string })),
  },
  getConversation: { build: async ({ make }) => byId((await make.conversation()).id), ids: { id: unknownId } },
  updateConversation: {
    build: async (context) => ({ ...byId((await context.make.conversation()).id), body: { tags: ownTag(context) } }),
    ids: { id: unknownId },
  },
  deleteConversation: { build: async ({ make }) => byId((await make.conversation()).id), ids: { id: unknownId } },
  getOrCreateConversation: {
    build: (context) => ({ body: { channel: context.make.channel(), tags: ownTag(context) } }),
    coherent: discriminatedKeysTagged,
  },

  // Participants
  listParticipants: {
    build: async ({ make }) => byId((await make.chatOfTest()).conversation.id),
    ids: { id: unknownId },
  },
  addParticipant: {
    build: async ({ make }) => {
      const { conversation } = await make.chatOfTest()
      return { params: { id: conversation.id }, body: { userId: (await make.user()).id } }
    },
    ids: { id: openReference },
    references: { userId: unknownParticipant },
  },
  getParticipant: { build: chatParticipant, ids: { id: unknownId, userId: unknownId } },
  removeParticipant: { build: chatParticipant, ids: { id: unknownId, userId: unknownId } },

  // Events: linked to a real conversation, user and message, so an id probe replaces a real id.
  createEvent: {
    build: async ({ make }) => {
      const chat = await make.chatOfTest()
      const message = await make.message(chat)
      return {
        body: make.eventBody({ conversationId: chat.conversation.id, userId: chat.user.id, messageId: message.id }),
      }
    },
  },
  listEvents: {
    build: ({ values }) => ({ query: { type: values.unique('conformanceEvent') } }),
    listed: async ({ make }, request) =>
      void (await make.event({ ...make.eventBody(), type: request.query?.type as string })),
  },
  getEvent: { build: async ({ make }) => byId((await make.event()).id), ids: { id: unknownId } },

  // Messages
  createMessage: { build: async ({ make }) => ({ body: make.messageBody(await make.chatOfTest()) }) },
  listMessages: {
    build: async ({ make }) => ({ query: { conversationId: (await make.chatOfTest()).conversation.id } }),
    listed: async ({ make }) => void (await make.message(await make.chatOfTest())),
  },
  getOrCreateMessage: {
    build: async (context) => ({
      body: { ...context.make.messageBody(await context.make.chatOfTest()), tags: ownTag(context) },
    }),
    coherent: discriminatedKeysTagged,
  },
  getMessage: { build: chatMessage, ids: { id: unknownId } },
  updateMessage: {
    build: async (context) => ({ ...(await chatMessage(context)), body: { tags: ownTag(context) } }),
    ids: { id: unknownId },
  },
  deleteMessage: { build: chatMessage, ids: { id: unknownId } },

  // States: at a conversation's address, so a never-existing id names no conversation either.
  setState: {
    build: async (context) => ({ ...(await stateAddress(context)), body: { payload: { step: 'one' } } }),
    coherent: ownerFollowsType,
    ids: { id: openStateOwner },
  },
  getState: { build: stateAddress, ...stateThere, ids: { id: unknownId } },
  patchState: {
    build: async (context) => ({ ...(await stateAddress(context)), body: { payload: { step: 'two' } } }),
    ...stateThere,
    ids: { id: unknownId },
  },
  getOrSetState: {
    build: async (context) => ({ ...(await stateAddress(context)), body: { payload: { step: 'one' } } }),
    coherent: ownerFollowsType,
    ids: { id: openStateOwner },
  },
  setStateExpiry: {
    build: async (context) => ({ ...(await stateAddress(context)), body: { expiry: 60_000 } }),
    ...stateThere,
    ids: { id: unknownId },
  },

  // Actions, integrations, tag values: the configured action, and configureIntegration in the
  // integration's context, answer as S12 says.
  callAction: {
    needs: 'action',
    rule: 'S12',
    build: ({ harness }) => ({
      body: { type: harness.action?.type ?? 'conformance:no-such-action', input: harness.action?.input ?? {} },
    }),
    namesUnknown: true,
  },
  configureIntegration: {
    needs: 'integration',
    rule: 'S12',
    build: () => ({ body: {}, asIntegration: true }),
    rejectionOnly:
      "a valid configureIntegration changes how the bot's integration is set up; only requests a conforming target rejects are sent",
  },
  listTagValues: {
    build: ({ values }) => ({
      params: { key: values.keyFor('conformanceRequest') },
      query: { type: documentedValue('queries/listTagValues.json', ['type'], 'user') },
    }),
    listed: async (context, request) => {
      const key = request.params?.key as string
      await context.make.user({ tags: { [key]: context.values.unique('v') } })
    },
  },
}

/** What the 15 operations of the spec scope need: the target configured for them (CONFORMANCE_SPEC_SCOPE). */
const specScope = { needs: 'specScope' } as const

/** An event to name where a workflow is in_progress (S15): every workflow request carries one, so a status probe can be any value. */
async function startingEvent({ make }: CheckContext): Promise<{ eventId: string }> {
  return { eventId: (await make.event()).id }
}

// The title and description a task's body takes are longer than those its resource holds: what
// happens to one in between is [open] (S14), so only lengths past the body's limit are probed.
const taskTextBetweenLimits =
  'a title or description longer than the Task holds but within the body limit may be rejected, cut or stored [open]'

async function importBody(context: CheckContext): Promise<CallOptions> {
  const { user, conversation } = await context.make.chatOfTest()
  return {
    body: {
      messages: [
        {
          ...context.make.messageBody({ user, conversation }),
          tags: ownTag(context),
          createdAt: new Date().toISOString(),
          discriminateByTags: [],
        },
      ],
    },
  }
}

function initializeBody(context: CheckContext): CallOptions {
  const { make, values } = context
  return {
    body: {
      user: { ...make.userBody(), tags: ownTag(context), discriminateByTags: [] },
      conversation: { channel: make.channel(), tags: ownTag(context), discriminateByTags: [] },
      message: {
        type: 'text',
        payload: { text: values.faker.lorem.sentence() },
        tags: ownTag(context),
        discriminateByTags: [],
      },
    },
  }
}

/** The spec scope's 15 operations (S14-S19), certified when the target is configured for them. */
const specScopeRequests: Record<SpecOperationId, OperationRequest> = {
  // Events: only a scheduled event can be cancelled. An unknown id is S16's own check.
  cancelScheduledEvent: { ...specScope, build: async ({ make }) => byId((await make.scheduledEvent()).id) },
  // Messages that arrive from elsewhere, under run-unique tags: nothing else can match them.
  initializeIncomingMessage: { ...specScope, build: initializeBody },
  importMessages: { ...specScope, build: importBody },

  // Tasks
  createTask: {
    ...specScope,
    build: async ({ make }) => ({ body: make.taskBody((await make.chatOfTest()).conversation.id) }),
    rejectionOnlyFields: { title: taskTextBetweenLimits, description: taskTextBetweenLimits },
  },
  listTasks: {
    ...specScope,
    build: ({ values }) => ({ query: { type: values.unique('conformanceTask') } }),
    listed: async ({ make }, request) => void (await make.task({ type: request.query?.type as string })),
  },
  getTask: { ...specScope, build: async ({ make }) => byId((await make.task()).id), ids: { id: unknownId } },
  updateTask: {
    ...specScope,
    build: async (context) => ({ ...byId((await context.make.task()).id), body: { tags: ownTag(context) } }),
    ids: { id: unknownId },
  },
  deleteTask: { ...specScope, build: async ({ make }) => byId((await make.task()).id), ids: { id: unknownId } },

  // Workflows
  createWorkflow: {
    ...specScope,
    build: async (context) => ({ body: { ...context.make.workflowBody(), ...(await startingEvent(context)) } }),
  },
  listWorkflows: {
    ...specScope,
    build: ({ values }) => ({ query: { name: values.unique('conformanceWorkflow') } }),
    listed: async ({ make }, request) => void (await make.workflow({ name: request.query?.name as string })),
  },
  getWorkflow: { ...specScope, build: async ({ make }) => byId((await make.workflow()).id), ids: { id: unknownId } },
  updateWorkflow: {
    ...specScope,
    build: async (context) => ({
      ...byId((await context.make.workflow()).id),
      body: { tags: ownTag(context), ...(await startingEvent(context)) },
    }),
    ids: { id: unknownId },
  },
  deleteWorkflow: {
    ...specScope,
    build: async ({ make }) => byId((await make.workflow()).id),
    ids: { id: unknownId },
  },
  getOrCreateWorkflow: {
    ...specScope,
    build: async (context) => ({
      body: { ...context.make.workflowBody(), tags: ownTag(context), ...(await startingEvent(context)) },
    }),
  },

  // Analytics: nothing can be read back, nor taken back (S19).
  trackAnalytics: { ...specScope, build: ({ values }) => ({ body: { name: values.unique('conformance'), count: 1 } }) },
}

export const operationRequests: Record<ChatOperationId, OperationRequest> = {
  ...documentedRequests,
  ...specScopeRequests,
}

/** A request the target must answer with success: built, its address made, an item listed. */
export async function validRequest(context: CheckContext, operation: ChatOperationId): Promise<CallOptions> {
  const entry = operationRequests[operation]
  const request = await entry.build(context)
  await entry.prepare?.(context, request)
  await entry.listed?.(context, request)
  return request
}

/** A valid request to change one field of; call `prepare` of the entry once the field is set. */
export async function probeBase(context: CheckContext, operation: ChatOperationId): Promise<CallOptions> {
  return operationRequests[operation].build(context)
}
