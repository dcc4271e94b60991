// S1: every id is 28 to 36 characters, in answers and in request bodies; a body id of 27 or 37
// characters is invalid (400).
import { lengthLimits } from './contractFacts.ts'
import type { Fault } from './fault.ts'
import { answerFault, requestFault, withBodyField, withItems, withResource } from './operationFaults.ts'

const idLimits = () => lengthLimits('resources/user.json', ['id'])

/** An id brought within the limits without a word: the server then looks up whatever it was sent. */
function lookedUpAnyway(value: unknown): unknown {
  if (typeof value !== 'string') return value
  const { min, max } = idLimits()
  return value.padEnd(min, '0').slice(0, max)
}

export const identifierFaults: Fault[] = [
  answerFault({
    name: 'user-id-too-short',
    breaks: 'S1',
    side: 'answer',
    summary: 'getUser answers the user with its id one character under the minimum',
    operation: 'getUser',
    concerns: ['SHAPE.getUser.valid-call'],
    rewrite: (answer) =>
      withResource(answer, 'user', (user) => ({
        ...user,
        id: String(user.id)
          .padEnd(idLimits().min, '0')
          .slice(0, idLimits().min - 1),
      })),
  }),
  answerFault({
    name: 'event-id-too-long',
    breaks: 'S1',
    side: 'answer',
    summary: 'createEvent answers the event with its id one character past the limit',
    operation: 'createEvent',
    concerns: ['SHAPE.createEvent.valid-call'],
    rewrite: (answer) =>
      withResource(answer, 'event', (event) => ({ ...event, id: String(event.id).padEnd(idLimits().max + 1, '0') })),
  }),
  answerFault({
    name: 'message-conversation-id-too-long',
    breaks: 'S1',
    side: 'answer',
    summary: 'listMessages answers messages whose conversationId is one character past the limit',
    operation: 'listMessages',
    concerns: ['SHAPE.listMessages.valid-call'],
    rewrite: (answer) =>
      withItems(answer, 'messages', (message) => ({
        ...message,
        conversationId: String(message.conversationId).padEnd(idLimits().max + 1, '0'),
      })),
  }),
  requestFault({
    name: 'accept-user-id-of-any-length',
    breaks: 'S1',
    side: 'request',
    summary: 'addParticipant looks up a userId of 27 or 37 characters (404) instead of refusing it as invalid (400)',
    operation: 'addParticipant',
    concerns: ['S1.addParticipant.userId.length-limits'],
    rewrite: (request) => withBodyField(request, 'userId', lookedUpAnyway),
  }),
  requestFault({
    name: 'accept-conversation-id-of-any-length',
    breaks: 'S1',
    side: 'request',
    summary:
      'createMessage looks up a conversationId of 27 or 37 characters (404) instead of refusing it as invalid (400)',
    operation: 'createMessage',
    concerns: ['S1.createMessage.conversationId.length-limits'],
    rewrite: (request) => withBodyField(request, 'conversationId', lookedUpAnyway),
  }),
]
