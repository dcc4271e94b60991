// A valid request for each operation the derived tables probe, with what it refers to made
// first (a chat for a message, a conversation for its state), so that a probe changes one field
// and that field alone decides the answer. Unlike validCalls.ts (one call proving an operation
// works), a template is built once per generated case: it reuses the check's chat, creates no
// list items, and makes a state exist only after a probe has set its final address.
import { documentedValue } from '../../../fixtures/contractFields.ts'
import type { CallOptions } from '../client/runtimeClient.ts'
import type { OperationId } from '../../contract/operations.ts'
import { contractSchemas } from '../../contract/schemaRegistry.ts'
import type { CheckContext } from './checkContext.ts'
import type { Feature } from './check.ts'
import { expectSuccess } from './expectations.ts'

export interface RequestTemplate {
  build(context: CheckContext): CallOptions | Promise<CallOptions>
  /** Makes what the request addresses exist (a state to read or change), once its fields are final. */
  prepare?(context: CheckContext, request: CallOptions): Promise<void>
  /**
   * The request names something the target may not have (an action): a value within the limits
   * may then be refused as unknown (S12 [open]: 400 or 404), never as invalid.
   */
  namesUnknown?: boolean
  /** Why only requests a conforming target rejects are sent to this operation. */
  rejectionOnly?: string
  needs?: Feature
}

/** One tag on every get-or-create request, run-unique, so it can only ever find what this check made. */
function ownTag({ values }: CheckContext): Record<string, string> {
  return { [values.keyFor('conformanceRequest')]: values.unique('own') }
}

// A conversation's state: the one state type whose id is a resource a check can make and delete.
const conversationState = documentedValue('params/state.json', ['type'], 'conversation')

async function stateAddress(f: CheckContext): Promise<CallOptions> {
  const { conversation } = await f.make.chatOfTest()
  return { params: { type: conversationState, id: conversation.id, name: f.values.unique('state') } }
}

async function storeState(f: CheckContext, request: CallOptions): Promise<void> {
  expectSuccess(await f.api.call('setState', { params: request.params ?? {}, body: { payload: {} } }), '(prerequisite)')
}

const stateThere = { prepare: storeState }

export const requestTemplates: Partial<Record<OperationId, RequestTemplate>> = {
  addParticipant: {
    async build(f) {
      const { conversation } = await f.make.chatOfTest()
      return { params: { id: conversation.id }, body: { userId: (await f.make.user()).id } }
    },
  },
  callAction: {
    build: ({ harness }) => ({
      body: { type: harness.action?.type ?? 'conformance:no-such-action', input: harness.action?.input ?? {} },
    }),
    namesUnknown: true,
  },
  configureIntegration: {
    build: () => ({ body: {}, asIntegration: true }),
    rejectionOnly:
      "a valid configureIntegration changes how the bot's integration is set up; only requests a conforming target rejects are sent",
    needs: 'integration',
  },
  createConversation: { build: (f) => ({ body: { channel: f.make.channel(), tags: {} } }) },
  getOrCreateConversation: { build: (f) => ({ body: { channel: f.make.channel(), tags: ownTag(f) } }) },
  listConversations: { build: (f) => ({ query: { channel: f.make.channelOfTest() } }) },
  createEvent: {
    // Linked to a real conversation, user and message, so an id probe replaces a real id.
    async build(f) {
      const chat = await f.make.chatOfTest()
      const message = await f.make.message(chat)
      const body = {
        type: f.values.unique('event'),
        payload: {},
        conversationId: chat.conversation.id,
        userId: chat.user.id,
        messageId: message.id,
      }
      return { body }
    },
  },
  listEvents: { build: (f) => ({ query: { type: f.values.unique('event') } }) },
  createMessage: { build: async (f) => ({ body: { ...f.make.messageBody(await f.make.chatOfTest()) } }) },
  getOrCreateMessage: {
    build: async (f) => ({ body: { ...f.make.messageBody(await f.make.chatOfTest()), tags: ownTag(f) } }),
  },
  createUser: { build: (f) => ({ body: { tags: {}, name: f.values.faker.person.fullName() } }) },
  getOrCreateUser: { build: (f) => ({ body: { tags: ownTag(f), name: f.values.faker.person.fullName() } }) },
  updateUser: { build: async (f) => ({ params: { id: (await f.make.user()).id }, body: {} }) },
  listUsers: { build: (f) => ({ query: { tags: ownTag(f) } }) },
  setState: { build: async (f) => ({ ...(await stateAddress(f)), body: { payload: {} } }) },
  getOrSetState: { build: async (f) => ({ ...(await stateAddress(f)), body: { payload: {} } }) },
  getState: { build: stateAddress, ...stateThere },
  patchState: { build: async (f) => ({ ...(await stateAddress(f)), body: { payload: {} } }), ...stateThere },
  // null: no expiry, so the state stays what it was.
  setStateExpiry: { build: async (f) => ({ ...(await stateAddress(f)), body: { expiry: null } }), ...stateThere },
  listTagValues: {
    build: (f) => ({
      params: { key: f.values.keyFor('conformanceRequest') },
      query: { type: firstValue('queries/listTagValues.json', 'type') },
    }),
  },
}

function firstValue(file: string, property: string): string {
  const [value] = contractSchemas().schemaOf(file, property).enum as string[]
  if (value === undefined) throw new Error(`${file} ${property} lists no value`)
  return value
}

export function requestTemplate(operationId: OperationId): RequestTemplate {
  const template = requestTemplates[operationId]
  if (!template) throw new Error(`no request template for ${operationId}: add one to requestTemplates.ts`)
  return template
}
