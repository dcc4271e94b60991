// S3: a type, name, channel or state name is at most 200 characters, a tag value in a create
// body at most 500; one character over is invalid (400). Each fault here quietly cuts one field
// to its limit instead, or answers one past it.
import { cutTo, lengthLimits } from './contractFacts.ts'
import { isJsonObject, type Fault } from './fault.ts'
import { answerFault, requestFault, withBodyField, withResource } from './operationFaults.ts'

function cut(value: unknown, max: number): unknown {
  return typeof value === 'string' ? cutTo(value, max) : value
}

export const stringLimitFaults: Fault[] = [
  requestFault({
    name: 'accept-long-message-type',
    breaks: 'S3',
    side: 'request',
    summary: 'createMessage cuts a type past its limit to the limit instead of answering 400',
    operation: 'createMessage',
    concerns: ['S3.createMessage.type.length-limits'],
    rewrite: (request) =>
      withBodyField(request, 'type', (type) => cut(type, lengthLimits('requests/createMessage.json', ['type']).max)),
  }),
  requestFault({
    name: 'accept-long-tag-value',
    breaks: 'S3',
    side: 'request',
    summary: 'createConversation cuts tag values past their limit to the limit instead of answering 400',
    operation: 'createConversation',
    concerns: ['S3.createConversation.tags.value.length-limits'],
    rewrite: (request) =>
      withBodyField(request, 'tags', (tags) => {
        const { max } = lengthLimits('requests/createConversation.json', ['tags'], { ofEachValue: true })
        return isJsonObject(tags)
          ? Object.fromEntries(Object.entries(tags).map(([key, value]) => [key, cut(value, max)]))
          : tags
      }),
  }),
  requestFault({
    name: 'accept-long-user-name',
    breaks: 'S3',
    side: 'request',
    summary: 'updateUser cuts a name past its limit to the limit instead of answering 400',
    operation: 'updateUser',
    concerns: ['S3.updateUser.name.length-limits'],
    rewrite: (request) =>
      withBodyField(request, 'name', (name) => cut(name, lengthLimits('requests/updateUser.json', ['name']).max)),
  }),
  answerFault({
    name: 'message-type-too-long-in-answer',
    breaks: 'S3',
    side: 'answer',
    summary: "getMessage answers the message's type padded to one character past its limit",
    operation: 'getMessage',
    concerns: ['SHAPE.getMessage.valid-call'],
    rewrite: (answer) =>
      withResource(answer, 'message', (message) => ({
        ...message,
        type: String(message.type).padEnd(lengthLimits('resources/message.json', ['type']).max + 1, '.'),
      })),
  }),
]
