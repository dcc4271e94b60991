// S4: message direction, state type, message origin and list sortField take only their documented
// values, in answers and requests [doc]; a message the bot creates is outgoing [usage].
import { documentedValues, outsideOf } from './contractFacts.ts'
import type { Fault } from './fault.ts'
import { answerFault, requestFault, withBodyField, withResource } from './operationFaults.ts'

const notDocumented = (file: string, path: string[]) => (value: unknown) =>
  !documentedValues(file, path).includes(value)

export const enumerationFaults: Fault[] = [
  answerFault({
    name: 'message-direction-undocumented',
    breaks: 'S4',
    side: 'answer',
    summary: 'getMessage answers a direction outside incoming and outgoing',
    operation: 'getMessage',
    concerns: ['SHAPE.getMessage.valid-call'],
    rewrite: (answer) =>
      withResource(answer, 'message', (message) => ({
        ...message,
        direction: outsideOf(documentedValues('resources/message.json', ['direction'])),
      })),
  }),
  answerFault({
    name: 'state-type-undocumented',
    breaks: 'S4',
    side: 'answer',
    summary: 'getState answers a state whose type is none of the documented state types',
    operation: 'getState',
    concerns: ['SHAPE.getState.valid-call'],
    rewrite: (answer) =>
      withResource(answer, 'state', (state) => ({
        ...state,
        type: outsideOf(documentedValues('resources/state.json', ['type'])),
      })),
  }),
  requestFault({
    name: 'accept-unknown-message-origin',
    breaks: 'S4',
    side: 'request',
    summary: 'createMessage ignores an origin outside its documented values instead of answering 400',
    operation: 'createMessage',
    concerns: ['S4.createMessage.origin.outside-values-rejected'],
    rewrite: (request) => {
      const unknown = notDocumented('requests/createMessage.json', ['origin'])
      return withBodyField(request, 'origin', (origin) => (unknown(origin) ? undefined : origin))
    },
  }),
  requestFault({
    name: 'accept-unknown-state-type',
    breaks: 'S4',
    side: 'request',
    summary:
      'getState reads an undocumented state type in the path as the first documented one instead of answering 400',
    operation: 'getState',
    concerns: ['S4.getState.invalid-path-400', 'S4.getState.path.type.outside-values-rejected'],
    rewrite: (request) => {
      const [first] = documentedValues('params/state.json', ['type'])
      return notDocumented('params/state.json', ['type'])(request.params.type)
        ? { ...request, params: { ...request.params, type: String(first) } }
        : request
    },
  }),
  requestFault({
    name: 'accept-unknown-sort-field',
    breaks: 'S4',
    side: 'request',
    summary: 'listUsers ignores a sortField outside its documented values instead of answering 400',
    operation: 'listUsers',
    concerns: ['S4.listUsers.query.sortField.outside-values-rejected'],
    rewrite: (request) => {
      if (
        !notDocumented('queries/listUsers.json', ['sortField'])(request.query.sortField) ||
        request.query.sortField === undefined
      )
        return request
      const { sortField: _ignored, ...query } = request.query
      return { ...request, query }
    },
  }),
  requestFault({
    name: 'bot-message-incoming',
    breaks: 'S4',
    level: 'strict',
    side: 'behaviour',
    summary: 'createMessage makes a message the bot creates (no x-integration-id) incoming',
    operation: 'createMessage',
    concerns: ['S4.message.bot-message-outgoing'],
    rewrite: (request) => ({ ...request, integrationId: request.integrationId ?? 'bot' }),
  }),
]
