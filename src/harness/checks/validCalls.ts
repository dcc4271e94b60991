// How to make a call of each of the 33 operations that must succeed: what it needs to exist
// first, and its path, query and body. The per-operation checks (operationChecks.ts,
// requestRejectionChecks.ts) break one part of such a call at a time, so the error they expect
// can only come from that part. A Record over OperationId: an operation cannot be left out.
import type { CallOptions } from '../client/runtimeClient.ts'
import type { OperationId } from '../../contract/operations.ts'
import type { RuleId } from '../../contract/rules.ts'
import type { CheckFixtures } from '../runner/playwrightTest.ts'
import type { Feature } from './check.ts'
import type { ExpectedError } from './expectations.ts'

/** What a call must get when one of its path ids is well-formed but never existed. */
export interface UnknownIdAnswer {
  expected: ExpectedError
  /** [open] the documents also allow the call to succeed; the check then records what it saw. */
  mayAccept?: string
}

export interface ValidCall {
  needs?: Feature
  /** The rule whose statement a successful call shows (SHAPE, the contract sheet, by default). */
  rule?: RuleId
  /** Makes what the call refers to; returns the path parameters, query and body of a call that succeeds. */
  prepare(fixtures: CheckFixtures): CallOptions | Promise<CallOptions>
  /** Path parameters naming a resource by id, and what a never-existing id in each must get (S13). */
  ids?: Record<string, UnknownIdAnswer>
}

export const notFound: UnknownIdAnswer = { expected: { status: 404, type: 'ResourceNotFound' } }

/** A participant refers to a conversation: one that does not exist may be refused (400, 404) or accepted [open]. */
const openReference: UnknownIdAnswer = {
  expected: { status: [400, 404] },
  mayAccept:
    'the documents leave open whether a participant may refer to a conversation that does not exist (docs/rules.md)',
}

/** A state set for a conversation that does not exist: no document says whether it is refused. */
const openStateOwner: UnknownIdAnswer = {
  expected: { status: [400, 404] },
  mayAccept: 'no document says whether a state may be set for a conversation that does not exist',
}

const byId = (id: string): CallOptions => ({ params: { id } })

const user = async ({ make }: CheckFixtures) => byId((await make.user()).id)
const conversation = async ({ make }: CheckFixtures) => byId((await make.conversation()).id)
const message = async ({ make }: CheckFixtures) => byId((await make.message(await make.chat())).id)
const chatParticipant = async ({ make }: CheckFixtures): Promise<CallOptions> => {
  const { user, conversation } = await make.chat()
  return { params: { id: conversation.id, userId: user.id } }
}
const existingState = async ({ make }: CheckFixtures): Promise<CallOptions> => ({
  params: { ...(await make.state()).at },
})
const freeState = async ({ make }: CheckFixtures): Promise<CallOptions> => ({
  params: { ...(await make.stateAddress()) },
})
const oneTag = ({ values }: CheckFixtures) => ({ [values.tagKey()]: values.unique('v') })

export const validCalls: Record<OperationId, ValidCall> = {
  // Users
  createUser: { prepare: ({ make }) => ({ body: make.userBody() }) },
  // A list holding one resource, so its answer shows the shape of an item too.
  listUsers: {
    prepare: async (f) => {
      const tags = oneTag(f)
      await f.make.user({ tags })
      return { query: { tags } }
    },
  },
  getUser: { prepare: user, ids: { id: notFound } },
  updateUser: { prepare: async (f) => ({ ...(await user(f)), body: { tags: oneTag(f) } }), ids: { id: notFound } },
  deleteUser: { prepare: user, ids: { id: notFound } },
  getOrCreateUser: { prepare: (f) => ({ body: { ...f.make.userBody(), tags: oneTag(f) } }) },

  // Conversations
  createConversation: { prepare: ({ make }) => ({ body: make.conversationBody() }) },
  listConversations: { prepare: async ({ make }) => ({ query: { channel: (await make.conversation()).channel } }) },
  getConversation: { prepare: conversation, ids: { id: notFound } },
  updateConversation: {
    prepare: async (f) => ({ ...(await conversation(f)), body: { tags: oneTag(f) } }),
    ids: { id: notFound },
  },
  deleteConversation: { prepare: conversation, ids: { id: notFound } },
  getOrCreateConversation: { prepare: (f) => ({ body: { ...f.make.conversationBody(), tags: oneTag(f) } }) },

  // Participants
  listParticipants: { prepare: async (f) => byId((await f.make.chat()).conversation.id), ids: { id: notFound } },
  addParticipant: {
    prepare: async ({ make }) => {
      const [user, conversation] = [await make.user(), await make.conversation()]
      return { params: { id: conversation.id }, body: { userId: user.id } }
    },
    ids: { id: openReference },
  },
  getParticipant: { prepare: chatParticipant, ids: { id: notFound, userId: notFound } },
  removeParticipant: { prepare: chatParticipant, ids: { id: notFound, userId: notFound } },

  // Events
  createEvent: { prepare: ({ make }) => ({ body: make.eventBody() }) },
  listEvents: { prepare: async ({ make }) => ({ query: { type: (await make.event()).type } }) },
  getEvent: { prepare: async ({ make }) => byId((await make.event()).id), ids: { id: notFound } },

  // Messages
  createMessage: { prepare: async ({ make }) => ({ body: make.messageBody(await make.chat()) }) },
  listMessages: {
    prepare: async ({ make }) => ({
      query: { conversationId: (await make.message(await make.chat())).conversationId },
    }),
  },
  getOrCreateMessage: {
    prepare: async (f) => ({ body: { ...f.make.messageBody(await f.make.chat()), tags: oneTag(f) } }),
  },
  getMessage: { prepare: message, ids: { id: notFound } },
  updateMessage: {
    prepare: async (f) => ({ ...(await message(f)), body: { tags: oneTag(f) } }),
    ids: { id: notFound },
  },
  deleteMessage: { prepare: message, ids: { id: notFound } },

  // States: at a conversation's address, so a never-existing id names no conversation either.
  setState: {
    prepare: async (f) => ({ ...(await freeState(f)), body: { payload: { step: 'one' } } }),
    ids: { id: openStateOwner },
  },
  getState: { prepare: existingState, ids: { id: notFound } },
  patchState: {
    prepare: async (f) => ({ ...(await existingState(f)), body: { payload: { step: 'two' } } }),
    ids: { id: notFound },
  },
  getOrSetState: {
    prepare: async (f) => ({ ...(await freeState(f)), body: { payload: { step: 'one' } } }),
    ids: { id: openStateOwner },
  },
  setStateExpiry: {
    prepare: async (f) => ({ ...(await existingState(f)), body: { expiry: 60_000 } }),
    ids: { id: notFound },
  },

  // Actions, integrations, tag values
  // The configured action, and configureIntegration in the integration's context, answer as S12 says.
  callAction: {
    needs: 'action',
    rule: 'S12',
    prepare: ({ harness }) => ({ body: { type: harness.action?.type, input: harness.action?.input } }),
  },
  configureIntegration: { needs: 'integration', rule: 'S12', prepare: () => ({ body: {}, asIntegration: true }) },
  listTagValues: {
    prepare: async (f) => {
      const tags = oneTag(f)
      await f.make.user({ tags })
      return { params: { key: Object.keys(tags)[0] as string }, query: { type: 'user' } }
    },
  },
}
