// What each documented filter of a list means, as a small world of resources made for it: four
// resources of the list, made one after the other, each inside some filters and outside others
// (patterns chosen so that every pair of filters has resources inside both, inside one only and
// inside neither). The filters come from the schemas (fixtures/derivedCases.ts); what a filter
// selects is what S7 and S10 say, written here once per list. A date bound is placed at a
// resource's own date, so "inclusive" is tested at its edge: that resource inside, the one made
// just before (or after) it outside.
import { documentedValue, documentedValues } from '../../../fixtures/contractFields.ts'
import type { OperationId } from '../../contract/operations.ts'
import type * as T from '../../contract/types.ts'
import type { CheckContext } from './checkContext.ts'
import { expectSuccess } from './expectations.ts'

type Listed = Record<string, unknown>

export interface FilterMeaning {
  /** The filter's query value. */
  value: unknown
  /** Keys of the world's resources inside the filter. */
  inside: ReadonlySet<string>
  /** Keys of the world's resources the documents leave either way for this filter. */
  open?: ReadonlySet<string>
  /** Whether any listed item, made here or not, satisfies the filter, where the item alone tells. */
  holds?: (item: Listed) => boolean
  /** Query parameters the filter needs beside its own (the date field a range applies to). */
  with?: Record<string, unknown>
  /** How the value is shown in a case's description: "the 2nd user's createdAt". */
  shown?: string
}

export interface FilterWorld {
  listKey: string
  keyOf: (item: Listed) => string
  /** Path parameters of the list request (listTagValues' key). */
  params?: Record<string, string>
  /** Every resource made for the world, by key. */
  ours: readonly string[]
  /** Each filter's meaning, or why it cannot be given a world here. */
  meanings: Record<string, FilterMeaning | { notRun: string }>
}

const byId = (item: Listed): string => String(item.id)
const asPrerequisite = '(prerequisite)'
const ordinal = ['1st', '2nd', '3rd', '4th']

/** Members of a pattern such as "1100": the resources at the positions marked 1. */
function pick<R>(resources: readonly R[], pattern: string): R[] {
  return resources.filter((_, i) => pattern[i] === '1')
}

const keys = (items: readonly Listed[]): Set<string> => new Set(items.map(byId))

/** Makes resources one after the other, a few milliseconds apart, so their dates differ. */
async function inOrder<R>(makers: (() => Promise<R>)[]): Promise<R[]> {
  const made: R[] = []
  for (const make of makers) {
    if (made.length > 0) await new Promise((resolve) => setTimeout(resolve, 3))
    made.push(await make())
  }
  return made
}

type DateField = 'createdAt' | 'updatedAt'

/**
 * afterDate at the 2nd resource's date and beforeDate at the 3rd's, both inclusive. `fields`:
 * the date fields the bound may apply to; where the documents do not say which, a resource is
 * inside only if every field is, outside only if none is, and open otherwise.
 */
function dateMeanings(
  resources: readonly Listed[],
  noun: string,
  fields: readonly DateField[],
  extra: Record<string, unknown> = {},
): Record<string, FilterMeaning> {
  const at = (item: Listed, field: DateField) => Date.parse(String(item[field]))
  const bound = (name: 'afterDate' | 'beforeDate', index: number): FilterMeaning => {
    const edge = resources[index] as Listed
    const value = String(edge.createdAt)
    const time = Date.parse(value)
    const within = (item: Listed, field: DateField) =>
      name === 'afterDate' ? at(item, field) >= time : at(item, field) <= time
    const inside = resources.filter((r) => fields.every((field) => within(r, field)))
    const open = resources.filter((r) => fields.some((field) => within(r, field)) && !inside.includes(r))
    return {
      value,
      inside: keys(inside),
      open: keys(open),
      holds: (item) => fields.some((field) => within(item, field)),
      with: extra,
      shown: `the ${ordinal[index]} ${noun}'s createdAt`,
    }
  }
  return { afterDate: bound('afterDate', 1), beforeDate: bound('beforeDate', 2) }
}

async function listUsersWorld(f: CheckContext): Promise<FilterWorld> {
  const key = f.values.tagKey()
  const [inside, outside] = [f.values.unique('in'), f.values.unique('out')]
  const users = await inOrder(
    [inside, inside, outside, outside].map((value) => () => f.make.user({ tags: { [key]: value } })),
  )
  const conversation = await f.make.conversation()
  for (const user of pick(users, '0101'))
    expectSuccess(await f.api.addParticipant(conversation.id, user.id), asPrerequisite)
  const rangeField = documentedValue('queries/listUsers.json', ['rangeField'], 'createdAt')
  return {
    listKey: 'users',
    keyOf: byId,
    ours: users.map((u) => u.id),
    meanings: {
      tags: {
        value: { [key]: inside },
        inside: keys(pick(users, '1100') as unknown as Listed[]),
        holds: (item) => (item.tags as T.Tags | undefined)?.[key] === inside,
      },
      conversationId: { value: conversation.id, inside: keys(pick(users, '0101') as unknown as Listed[]) },
      ...dateMeanings(users as unknown as Listed[], 'user', ['createdAt'], { rangeField }),
    },
  }
}

async function listConversationsWorld(f: CheckContext): Promise<FilterWorld> {
  const key = f.values.tagKey()
  const [inside, outside] = [f.values.unique('in'), f.values.unique('out')]
  const [channelA, channelB] = [f.make.channel(), f.make.channel()]
  const integration = f.values.unique('integration')
  // Patterns: tags 1100, channel A 1010, integrationName 1001, participant 0101.
  const plan = [
    { channel: channelA, tag: inside, integrationName: integration },
    { channel: channelB, tag: inside },
    { channel: channelA, tag: outside },
    { channel: channelB, tag: outside, integrationName: integration },
  ]
  let integrationKept = true
  const made = await inOrder(
    plan.map((p) => async () => {
      const body = { channel: p.channel, tags: { [key]: p.tag } }
      if (p.integrationName) {
        // The field is deprecated: a target may refuse it; the filter is then not run.
        const reply = await f.api.createConversation({ ...body, integrationName: p.integrationName })
        if (reply.status === reply.operation.status) return expectSuccess(reply).conversation
        integrationKept = false
      }
      return f.make.conversation(body)
    }),
  )
  const user = await f.make.user()
  for (const conversation of pick(made, '0101'))
    expectSuccess(await f.api.addParticipant(conversation.id, user.id), asPrerequisite)
  // Read back: a participant added may have moved a conversation's updatedAt.
  const conversations: T.Conversation[] = []
  for (const c of made)
    conversations.push(
      expectSuccess(await f.api.call<{ conversation: T.Conversation }>('getConversation', { params: { id: c.id } }))
        .conversation,
    )
  const listed = conversations as unknown as Listed[]
  const withIntegration = conversations.filter((c) => c.integration === integration)
  return {
    listKey: 'conversations',
    keyOf: byId,
    ours: conversations.map((c) => c.id),
    meanings: {
      tags: {
        value: { [key]: inside },
        inside: keys(pick(listed, '1100')),
        holds: (item) => (item.tags as T.Tags | undefined)?.[key] === inside,
      },
      channel: { value: channelA, inside: keys(pick(listed, '1010')), holds: (item) => item.channel === channelA },
      participantIds: { value: [user.id], inside: keys(pick(listed, '0101')) },
      integrationName:
        integrationKept && withIntegration.length === 2
          ? {
              value: integration,
              inside: keys(withIntegration as unknown as Listed[]),
              holds: (item) => item.integration === integration,
            }
          : { notRun: 'the target did not keep the integrationName a conversation was created with' },
      // Which date a conversation's range applies to is not documented: createdAt or updatedAt.
      ...dateMeanings(listed, 'conversation', ['createdAt', 'updatedAt']),
    },
  }
}

async function listMessagesWorld(f: CheckContext): Promise<FilterWorld> {
  const key = f.values.tagKey()
  const [inside, outside] = [f.values.unique('in'), f.values.unique('out')]
  const chat = await f.make.chatOfTest()
  const other = await f.make.conversation()
  expectSuccess(await f.api.addParticipant(other.id, chat.user.id), asPrerequisite)
  // Patterns: tags 1100, conversation A 1010.
  const plan = [
    { conversation: chat.conversation, tag: inside },
    { conversation: other, tag: inside },
    { conversation: chat.conversation, tag: outside },
    { conversation: other, tag: outside },
  ]
  const messages = (await inOrder(
    plan.map(
      (p) => () => f.make.message({ user: chat.user, conversation: p.conversation }, { tags: { [key]: p.tag } }),
    ),
  )) as unknown as Listed[]
  return {
    listKey: 'messages',
    keyOf: byId,
    ours: messages.map(byId),
    meanings: {
      tags: {
        value: { [key]: inside },
        inside: keys(pick(messages, '1100')),
        holds: (item) => (item.tags as T.Tags | undefined)?.[key] === inside,
      },
      conversationId: {
        value: chat.conversation.id,
        inside: keys(pick(messages, '1010')),
        holds: (item) => item.conversationId === chat.conversation.id,
      },
      ...dateMeanings(messages, 'message', ['createdAt', 'updatedAt']),
    },
  }
}

/** A day: a scheduled event that stays scheduled while the check runs. */
const aDay = 86_400_000

async function listEventsWorld(f: CheckContext): Promise<FilterWorld> {
  const chat = await f.make.chatOfTest()
  const [userA, userB] = [chat.user, await f.make.user()]
  const [conversationA, conversationB] = [chat.conversation, await f.make.conversation()]
  const [messageA, messageB] = [await f.make.message(chat), await f.make.message(chat)]
  const [typeA, typeB] = [f.values.unique('conformanceEvent'), f.values.unique('conformanceEvent')]
  // Patterns: type 1100, conversation 1010, user 1001, message 0110, scheduled 0101.
  const plan = [
    { type: typeA, conversation: conversationA, user: userA, message: messageB, scheduled: false },
    { type: typeA, conversation: conversationB, user: userB, message: messageA, scheduled: true },
    { type: typeB, conversation: conversationA, user: userB, message: messageA, scheduled: false },
    { type: typeB, conversation: conversationB, user: userA, message: messageB, scheduled: true },
  ]
  const made = await inOrder(
    plan.map(
      (p) => () =>
        f.make.event({
          ...f.make.eventBody({
            conversationId: p.conversation.id,
            userId: p.user.id,
            messageId: p.message.id,
            ...(p.scheduled ? { schedule: { delay: aDay } } : {}),
          }),
          type: p.type,
        }),
    ),
  )
  // The status filter is judged on the statuses the events have now (the documents fix none but the enum).
  const events: T.Event[] = []
  for (const e of made) events.push(expectSuccess(await f.api.getEvent(e.id), asPrerequisite).event)
  const listed = events as unknown as Listed[]
  const status = events[1]?.status as string
  const statusInside = events.filter((e) => e.status === status)
  const filterable = documentedValues('queries/listEvents.json', 'status').includes(status)
  const equal = (field: string, value: string): FilterMeaning => ({
    value,
    inside: keys(listed.filter((e) => e[field] === value)),
    holds: (item) => item[field] === value,
  })
  return {
    listKey: 'events',
    keyOf: byId,
    ours: events.map((e) => e.id),
    meanings: {
      type: equal('type', typeA),
      conversationId: equal('conversationId', conversationA.id),
      userId: equal('userId', userA.id),
      messageId: equal('messageId', messageA.id),
      status:
        filterable && statusInside.length < events.length
          ? equal('status', status)
          : {
              notRun: `the events made have the statuses ${[...new Set(events.map((e) => e.status))].join(', ')}: none both listable by status and leaving others out`,
            },
      workflowId: { notRun: 'no operation of the 33 makes a workflow for an event to refer to' },
    },
  }
}

async function listTagValuesWorld(f: CheckContext): Promise<FilterWorld> {
  const key = f.values.tagKey()
  const [onUser, onConversation, onMessage] = ['user', 'conversation', 'message'].map((noun) =>
    f.values.unique(`${noun}Value`),
  ) as [string, string, string]
  await f.make.user({ tags: { [key]: onUser } })
  await f.make.conversation({ tags: { [key]: onConversation } })
  await f.make.message(await f.make.chatOfTest(), { tags: { [key]: onMessage } })
  return {
    listKey: 'tags',
    keyOf: (item) => String(item.value),
    params: { key },
    ours: [onUser, onConversation, onMessage],
    meanings: {
      type: { value: documentedValue('queries/listTagValues.json', ['type'], 'user'), inside: new Set([onUser]) },
    },
  }
}

/** The world of each list operation with documented filters. */
export const filterWorlds: Partial<Record<OperationId, (f: CheckContext) => Promise<FilterWorld>>> = {
  listUsers: listUsersWorld,
  listConversations: listConversationsWorld,
  listMessages: listMessagesWorld,
  listEvents: listEventsWorld,
  listTagValues: listTagValuesWorld,
}
