// S2: createdAt and updatedAt are ISO 8601 date-times, updatedAt is never before createdAt [doc],
// and an update moves updatedAt forward [usage].
import type { Conversation, Message } from '../../contract/types.ts'
import type { Fault } from './fault.ts'
import { answerFault, withResource } from './operationFaults.ts'

export const dateFaults: Fault[] = [
  answerFault({
    name: 'user-updated-at-not-iso',
    breaks: 'S2',
    side: 'answer',
    summary: 'updateUser answers updatedAt as an HTTP date (Tue, 02 Jun 2026 10:00:00 GMT), not ISO 8601',
    operation: 'updateUser',
    concerns: ['SHAPE.updateUser.valid-call'],
    rewrite: (answer) =>
      withResource(answer, 'user', (user) => ({ ...user, updatedAt: new Date(String(user.updatedAt)).toUTCString() })),
  }),
  {
    name: 'conversation-updated-before-created',
    breaks: 'S2',
    side: 'behaviour',
    summary: 'createConversation stores updatedAt one second before createdAt',
    concerns: ['S2.conversation.updated-not-before-created'],
    install({ wrap, store }) {
      wrap('createConversation', async (request, next) => {
        const { conversation } = (await next(request)) as { conversation: Conversation }
        const earlier = new Date(Date.parse(conversation.createdAt) - 1000).toISOString()
        return { conversation: store.conversations.put({ ...conversation, updatedAt: earlier }) }
      })
    },
  },
  {
    name: 'message-update-keeps-updated-at',
    breaks: 'S2',
    level: 'strict',
    side: 'behaviour',
    summary: 'updateMessage leaves updatedAt where it was',
    concerns: ['S2.message.update-moves-updatedAt'],
    install({ wrap, store }) {
      wrap('updateMessage', async (request, next) => {
        const before = store.messages.find(String(request.params.id))?.updatedAt
        const { message } = (await next(request)) as { message: Message }
        return { message: before ? store.messages.put({ ...message, updatedAt: before }) : message }
      })
    },
  },
]
