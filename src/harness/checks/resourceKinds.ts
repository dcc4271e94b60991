// Users, conversations and messages behave alike (create, get, update, delete, list,
// get-or-create, tags). This table says how to make each, so one check serves all three.
import type { OperationId } from '../../contract/operations.ts'
import type { Tags } from '../../contract/types.ts'
import type { ResourceKind } from '../client/resourceLedger.ts'
import type { CheckContext } from './checkContext.ts'

export type Body = Record<string, unknown>

export interface TaggedKind {
  name: ResourceKind
  plural: 'users' | 'conversations' | 'messages'
  ops: Record<'create' | 'get' | 'update' | 'delete' | 'list' | 'getOrCreate', OperationId>
  /** A valid create body carrying these tags; makes what the resource refers to. */
  newBody(context: CheckContext, tags: Tags): Body | Promise<Body>
  /** The list query that narrows a list to resources made from this body. */
  scopeOf(body: Body, context: CheckContext): Record<string, unknown>
  /** An update body that changes tags and, where the operation allows, something else. */
  updateBody(context: CheckContext, tags: Tags): Body
}

/** The tag only this check's users carry, so a user list can be narrowed to them. */
const userScopeKey = 'conformanceScope'

export const userKind: TaggedKind = {
  name: 'user',
  plural: 'users',
  ops: {
    create: 'createUser',
    get: 'getUser',
    update: 'updateUser',
    delete: 'deleteUser',
    list: 'listUsers',
    getOrCreate: 'getOrCreateUser',
  },
  newBody({ values }, tags) {
    return { name: values.faker.person.fullName(), tags: { [values.keyFor(userScopeKey)]: values.scope, ...tags } }
  },
  scopeOf: (body, { values }) => {
    const key = values.keyFor(userScopeKey)
    return { tags: { [key]: (body.tags as Tags)[key] } }
  },
  updateBody: ({ values }, tags) => ({ tags, name: values.faker.person.fullName() }),
}

export const conversationKind: TaggedKind = {
  name: 'conversation',
  plural: 'conversations',
  ops: {
    create: 'createConversation',
    get: 'getConversation',
    update: 'updateConversation',
    delete: 'deleteConversation',
    list: 'listConversations',
    getOrCreate: 'getOrCreateConversation',
  },
  // One channel per test: get-or-create and channel filters then see only this test's conversations.
  newBody({ make }, tags) {
    return { channel: make.channelOfTest(), tags }
  },
  scopeOf: (body) => ({ channel: body.channel }),
  updateBody: (_context, tags) => ({ tags }),
}

export const messageKind: TaggedKind = {
  name: 'message',
  plural: 'messages',
  ops: {
    create: 'createMessage',
    get: 'getMessage',
    update: 'updateMessage',
    delete: 'deleteMessage',
    list: 'listMessages',
    getOrCreate: 'getOrCreateMessage',
  },
  // One conversation per test, made on first use.
  async newBody({ make }, tags) {
    return { ...make.messageBody(await make.chatOfTest()), tags }
  },
  scopeOf: (body) => ({ conversationId: body.conversationId }),
  updateBody: ({ values }, tags) => ({ tags, payload: { text: values.faker.lorem.sentence() } }),
}

export const taggedKinds = [userKind, conversationKind, messageKind] as const
