// S10: an event has a type and a payload, may be linked to a conversation, user and message and
// may carry a schedule; it reads back as created (S8), and listEvents narrows by each filter.
// Events have no documented delete: what these checks create stays on the target.
import type { RuntimeClient } from '../client/runtimeClient.ts'
import { documentedValues } from '../../../fixtures/contractFields.ts'
import type * as T from '../../contract/types.ts'
import type { CheckContext } from './checkContext.ts'
import { defineCheck, type Check } from './check.ts'
import { expectSuccess, expectThat } from './expectations.ts'
import { fieldDiff, subsetDiff } from './fieldDiff.ts'
import { byId, expectListed, walkPages, type Walk } from './listWalk.ts'

const inAnHour = 3_600_000

/** The two documented ways to schedule an event, as data. */
const schedules: { name: string; schedule: () => T.Schedule }[] = [
  { name: 'delay', schedule: () => ({ delay: inAnHour }) },
  { name: 'date-time', schedule: () => ({ dateTime: new Date(Date.now() + inAnHour).toISOString() }) },
]

/** The filters of listEvents that S10 names besides status, each an Event field. */
const eventFilters = ['type', 'conversationId', 'userId', 'messageId'] as const

/** An event linked to a new conversation, user and message. */
async function linkedEventBody({ make }: CheckContext): Promise<T.CreateEventBody> {
  const chat = await make.chat()
  const message = await make.message(chat)
  return make.eventBody({ conversationId: chat.conversation.id, userId: chat.user.id, messageId: message.id })
}

// A bot may process an event at any time: its status and failureReason can change between reads.
function stable(event: T.Event): Record<string, unknown> {
  const { status: _status, failureReason: _reason, ...rest } = event
  return rest
}

const createdEventIsReadable = defineCheck(
  {
    id: 'S8.event.create-then-get',
    operation: 'getEvent',
    summary: 'an event created linked to a conversation, user and message is returned by getEvent with the same fields',
  },
  async (f) => {
    const body = await linkedEventBody(f)
    const created = await f.api.createEvent(body)
    const event = expectSuccess(created).event
    const echoed = subsetDiff({ ...body }, event as unknown as Record<string, unknown>)
    expectThat(echoed === undefined, created, `the created event must show what was sent: ${echoed}`)
    const reply = await f.api.getEvent(event.id)
    const diff = fieldDiff(stable(event), stable(expectSuccess(reply).event))
    expectThat(diff === undefined, reply, `must return the event as createEvent returned it: ${diff}`)
  },
)

const newEventHasNoFailure = defineCheck(
  { id: 'S10.event.failure-reason-null', operation: 'createEvent', summary: 'a new event carries failureReason null' },
  async ({ api, make }) => {
    const reply = await api.createEvent(make.eventBody())
    const { failureReason } = expectSuccess(reply).event
    expectThat(
      failureReason === null,
      reply,
      `failureReason must be null until the event fails, was ${JSON.stringify(failureReason)}`,
    )
  },
)

const unscheduledIsPending = defineCheck(
  {
    id: 'S10.event.unscheduled-pending',
    operation: 'createEvent',
    summary: 'an event created without a schedule has status pending',
    usage: true,
  },
  async ({ api, make }) => {
    const reply = await api.createEvent(make.eventBody())
    const { status } = expectSuccess(reply).event
    expectThat(status === 'pending', reply, `status must be pending, was ${JSON.stringify(status)}`)
  },
)

const scheduledIsAccepted = (way: (typeof schedules)[number]): Check =>
  defineCheck(
    {
      id: `S10.event.schedule-${way.name}-accepted`,
      operation: 'createEvent',
      summary: `createEvent with schedule.${Object.keys(way.schedule())[0]} answers the new event, which getEvent returns`,
    },
    async ({ api, make }) => {
      const event = expectSuccess(await api.createEvent(make.eventBody({ schedule: way.schedule() }))).event
      const reply = await api.getEvent(event.id)
      expectThat(expectSuccess(reply).event.id === event.id, reply, `must return event ${event.id}`)
    },
  )

const scheduledIsScheduled = (way: (typeof schedules)[number]): Check =>
  defineCheck(
    {
      id: `S10.event.schedule-${way.name}-status`,
      operation: 'createEvent',
      summary: `an event created with schedule.${Object.keys(way.schedule())[0]} has status scheduled`,
      usage: true,
    },
    async ({ api, make }) => {
      const reply = await api.createEvent(make.eventBody({ schedule: way.schedule() }))
      const { status } = expectSuccess(reply).event
      expectThat(status === 'scheduled', reply, `status must be scheduled, was ${JSON.stringify(status)}`)
    },
  )

/** Walks listEvents with a filter: `wanted` listed once, `unwanted` never, every item matching. */
async function expectFiltered(
  api: RuntimeClient,
  query: Record<string, string>,
  wanted: T.Event,
  unwanted: T.Event | undefined,
): Promise<Walk<T.Event>> {
  const walk = await walkPages<T.Event>(api, 'listEvents', 'events', { query })
  expectListed(walk, {
    keyOf: byId,
    wanted: [wanted.id],
    outside: unwanted ? [unwanted.id] : [],
    filter: JSON.stringify(query),
  })
  const outsider = walk.items.find((e) =>
    Object.entries(query).some(([key, value]) => (e as unknown as Record<string, unknown>)[key] !== value),
  )
  expectThat(
    outsider === undefined,
    walk.lastReply,
    `listed event ${outsider?.id}, which does not match ${JSON.stringify(query)}`,
  )
  return walk
}

const listFilter = (field: (typeof eventFilters)[number]): Check =>
  defineCheck(
    {
      id: `S10.event.list-by-${field}`,
      operation: 'listEvents',
      summary: `listEvents filtered by ${field} lists the matching event once and none that does not match`,
    },
    async (f) => {
      const linked = expectSuccess(await f.api.createEvent(await linkedEventBody(f)), '(prerequisite)').event
      const other = await f.make.event()
      await expectFiltered(f.api, { [field]: linked[field] as string }, linked, other)
    },
  )

const listByStatus = defineCheck(
  {
    id: 'S10.event.list-by-status',
    operation: 'listEvents',
    summary: 'listEvents filtered by type and status lists an event of that status once and none of another status',
  },
  async ({ api, make }) => {
    const type = make.eventBody().type
    const later = await make.event({ ...make.eventBody({ schedule: { delay: inAnHour } }), type })
    const now = await make.event({ ...make.eventBody(), type })
    // A scheduled event keeps its status for the hour; an unscheduled one may be processed any time,
    // so the filter is checked on the first whose status listEvents can filter by.
    const filterable = documentedValues('queries/listEvents.json', 'status')
    const [wanted, other] = filterable.includes(later.status) ? [later, now] : [now, later]
    const walk = await expectFiltered(api, { type, status: wanted.status }, wanted, undefined)
    const otherNow = expectSuccess(await api.getEvent(other.id)).event
    if (otherNow.status !== wanted.status)
      expectListed(walk, {
        keyOf: byId,
        wanted: [],
        outside: [other.id],
        filter: `status ${wanted.status} (${other.id} has ${otherNow.status})`,
      })
  },
)

export const eventChecks: Check[] = [
  createdEventIsReadable,
  newEventHasNoFailure,
  unscheduledIsPending,
  ...schedules.flatMap((way) => [scheduledIsAccepted(way), scheduledIsScheduled(way)]),
  ...eventFilters.map(listFilter),
  listByStatus,
]
