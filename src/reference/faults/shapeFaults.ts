// SHAPE: the contract sheet's fields, types, required fields, envelopes and success statuses.
import type { Fault } from './fault.ts'
import { answerFault, withItems, withResource } from './operationFaults.ts'
import { onOperationRoute } from './routeHooks.ts'

export const shapeFaults: Fault[] = [
  answerFault({
    name: 'conversation-extra-property',
    breaks: 'SHAPE',
    side: 'answer',
    summary: 'getConversation answers the conversation with a property the contract does not list (etag)',
    operation: 'getConversation',
    concerns: ['SHAPE.getConversation.valid-call'],
    rewrite: (answer) => withResource(answer, 'conversation', (conversation) => ({ ...conversation, etag: 'W/"1"' })),
  }),
  answerFault({
    name: 'users-listed-without-tags',
    breaks: 'SHAPE',
    side: 'answer',
    summary: 'listUsers answers users without their required tags',
    operation: 'listUsers',
    concerns: ['SHAPE.listUsers.valid-call'],
    rewrite: (answer) => withItems(answer, 'users', ({ tags: _dropped, ...user }) => user),
  }),
  answerFault({
    name: 'message-without-envelope',
    breaks: 'SHAPE',
    side: 'answer',
    summary: 'getMessage answers the message itself instead of {message}',
    operation: 'getMessage',
    concerns: ['SHAPE.getMessage.valid-call'],
    rewrite: (answer) => answer.message,
  }),
  {
    name: 'create-conversation-answers-200',
    breaks: 'SHAPE',
    side: 'answer',
    summary: 'createConversation answers 200 instead of 201',
    concerns: ['SHAPE.createConversation.valid-call'],
    install({ app }) {
      onOperationRoute(app, 'createConversation', {
        onSend: async (_request, reply, payload) => {
          if (reply.statusCode === 201) reply.code(200)
          return payload
        },
      })
    },
  },
]
