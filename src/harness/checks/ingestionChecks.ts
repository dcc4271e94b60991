// The spec scope's other operations: cancelling a scheduled event (S16), importing messages
// (S17), initializing an incoming message (S18) and analytics (S19). [open] points are observed.
import { neverExistingId } from '../../../fixtures/identifiers.ts'
import { invalidPayload, notFound } from '../../contract/documentedErrors.ts'
import { contractSchemas } from '../../contract/schemaRegistry.ts'
import type * as T from '../../contract/types.ts'
import type { CheckContext } from './checkContext.ts'
import { defineCheck, type Check } from './check.ts'
import { expectError, expectSuccess, expectThat } from './expectations.ts'
import { observe } from './observations.ts'

const needs = 'specScope' as const

// S16

const cancelledIsCanceled: Check = defineCheck(
  {
    id: 'S16.cancelScheduledEvent.then-canceled',
    operation: 'cancelScheduledEvent',
    summary: 'cancelScheduledEvent of a scheduled event answers {} and getEvent then shows it canceled',
    needs,
  },
  async (f) => {
    const event = await f.make.scheduledEvent()
    expectSuccess(await f.api.call('cancelScheduledEvent', { params: { id: event.id } }))
    const reply = await f.api.getEvent(event.id)
    const { status } = expectSuccess(reply).event
    expectThat(
      status === 'canceled',
      reply,
      `after cancelScheduledEvent the event must be canceled, was ${JSON.stringify(status)}`,
    )
  },
)

const cancelUnknown: Check = defineCheck(
  {
    id: 'S16.cancelScheduledEvent.unknown-id-404',
    operation: 'cancelScheduledEvent',
    summary: 'cancelScheduledEvent of an event id that never existed answers 404 ResourceNotFound',
    needs,
    failurePath: true,
  },
  async (f) => {
    const id = neverExistingId((await f.make.scheduledEvent()).id)
    expectError(
      await f.api.call('cancelScheduledEvent', { params: { id } }),
      notFound,
      `with id ${id}, which never existed`,
    )
  },
)

const cancelNotScheduled: Check = defineCheck(
  {
    id: 'S16.cancelScheduledEvent.not-scheduled',
    operation: 'cancelScheduledEvent',
    summary:
      'cancelScheduledEvent of an event that is not scheduled answers an error (400, 404 or 409: which one is open, observed)',
    needs,
    failurePath: true,
  },
  async (f) => {
    const event = await f.make.event()
    const reply = await f.api.call('cancelScheduledEvent', { params: { id: event.id } })
    // A bot may process the event at any time, but never schedule it: it is not scheduled.
    expectError(reply, { status: [400, 404, 409] }, `of event ${event.id}, which is ${event.status}`)
    observe(`cancelScheduledEvent of an event that is not scheduled answered ${reply.status}`)
  },
)

export const cancelChecks = (): Check[] => [cancelledIsCanceled, cancelUnknown, cancelNotScheduled]

// S17

async function importBatch(f: CheckContext, size: number): Promise<T.ImportMessagesBody> {
  const chat = await f.make.chatOfTest()
  const start = Date.now() - 60_000
  return {
    messages: Array.from({ length: size }, (_, i) => ({
      ...f.make.messageBody(chat),
      tags: { [f.values.keyFor('imported')]: f.values.unique('import') },
      createdAt: new Date(start + i).toISOString(),
      discriminateByTags: [],
    })),
  }
}

const importMost = () => contractSchemas().schemaOf('requests/importMessages.json', 'messages').maxItems as number

type Imported = { messages: T.Message[] }

const importTwice: Check = defineCheck(
  {
    id: 'S17.importMessages.twice-creates-nothing',
    operation: 'importMessages',
    summary:
      'importMessages answers each message of the batch; importing the same batch again returns the same messages and creates none',
    needs,
  },
  async (f) => {
    const batch = await importBatch(f, 2)
    const first = await f.api.call<Imported>('importMessages', { body: batch })
    const created = expectSuccess(first).messages
    expectThat(
      created.length === batch.messages.length,
      first,
      `must return the ${batch.messages.length} messages imported, returned ${created.length}`,
    )
    created.forEach((message, i) => {
      const sent = batch.messages[i]
      expectThat(
        message.type === sent?.type && message.conversationId === sent.conversationId,
        first,
        `message ${i + 1} must be the one sent (type ${sent?.type} in ${sent?.conversationId}), was ${message.type} in ${message.conversationId}`,
      )
      if (sent && Date.parse(message.createdAt) !== Date.parse(sent.createdAt))
        observe(`importMessages gave message ${i + 1} createdAt ${message.createdAt}, not the ${sent.createdAt} sent`)
    })
    const again = await f.api.call<Imported>('importMessages', { body: batch })
    const ids = expectSuccess(again).messages.map((m) => m.id)
    const before = created.map((m) => m.id)
    expectThat(
      ids.length === before.length && ids.every((id, i) => id === before[i]),
      again,
      `importing the same batch again must return the messages it made (${before.join(', ')}), returned ${ids.join(', ')}`,
    )
  },
)

const importPastLimit: Check = defineCheck(
  {
    id: 'S17.importMessages.past-limit-400',
    operation: 'importMessages',
    summary: 'importMessages of one message more than the documented limit answers 400 InvalidPayload',
    needs,
    failurePath: true,
  },
  async (f) => {
    const size = importMost() + 1
    const reply = await f.api.call('importMessages', { body: await importBatch(f, size) })
    expectError(reply, invalidPayload, `with ${size} messages`)
  },
)

export const importChecks = (): Check[] => [importTwice, importPastLimit]

// S18

type Initialized = { user: T.User; conversation: T.Conversation; message?: T.Message }

function initializeBody(f: CheckContext): T.InitializeIncomingMessageBody {
  const tag = () => ({ [f.values.keyFor('incoming')]: f.values.unique('incoming') })
  return {
    user: { ...f.make.userBody(), tags: tag(), discriminateByTags: [] },
    conversation: { channel: f.make.channel(), tags: tag(), discriminateByTags: [] },
    message: { type: 'text', payload: { text: f.values.faker.lorem.sentence() }, tags: tag(), discriminateByTags: [] },
  }
}

const initializeTwice: Check = defineCheck(
  {
    id: 'S18.initializeIncomingMessage.twice-same-user-and-conversation',
    operation: 'initializeIncomingMessage',
    summary: 'initializeIncomingMessage twice with the same fields returns the same user and conversation',
    needs,
  },
  async (f) => {
    const body = initializeBody(f)
    const first = expectSuccess(await f.api.call<Initialized>('initializeIncomingMessage', { body }))
    const reply = await f.api.call<Initialized>('initializeIncomingMessage', { body })
    const second = expectSuccess(reply)
    expectThat(
      second.user.id === first.user.id,
      reply,
      `must return user ${first.user.id} again, returned ${second.user.id}`,
    )
    expectThat(
      second.conversation.id === first.conversation.id,
      reply,
      `must return conversation ${first.conversation.id} again, returned ${second.conversation.id}`,
    )
    const participant = await f.api.getParticipant(first.conversation.id, first.user.id)
    observe(
      `after initializeIncomingMessage, getParticipant of its user in its conversation answered ${participant.status} (whether the user is added is open)`,
    )
  },
)

const initializeByIds: Check = defineCheck(
  {
    id: 'S18.initializeIncomingMessage.by-ids',
    operation: 'initializeIncomingMessage',
    summary: 'initializeIncomingMessage with a userId and a conversationId answers that user and that conversation',
    needs,
  },
  async (f) => {
    const user = await f.make.user()
    const conversation = await f.make.conversation()
    const reply = await f.api.call<Initialized>('initializeIncomingMessage', {
      body: { userId: user.id, conversationId: conversation.id },
    })
    const answer = expectSuccess(reply)
    expectThat(answer.user.id === user.id, reply, `must answer user ${user.id}, answered ${answer.user.id}`)
    expectThat(
      answer.conversation.id === conversation.id,
      reply,
      `must answer conversation ${conversation.id}, answered ${answer.conversation.id}`,
    )
  },
)

export const initializeChecks = (): Check[] => [initializeTwice, initializeByIds]

// S19: the name's length (S3) and the count's minimum (S19) are the generated boundary tables.

const fractionalCount: Check = defineCheck(
  {
    id: 'S19.trackAnalytics.fractional-count-400',
    operation: 'trackAnalytics',
    summary: 'trackAnalytics with a fractional count answers 400 InvalidPayload',
    needs,
    failurePath: true,
  },
  async (f) => {
    const body = { name: f.values.unique('conformance'), count: 1.5 }
    expectError(await f.api.call('trackAnalytics', { body }), invalidPayload, 'with count 1.5')
  },
)

export const analyticsChecks = (): Check[] => [fractionalCount]
