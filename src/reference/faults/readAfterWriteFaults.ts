// S8: a created resource reads back with the same fields, an update is visible to the next get,
// and after a delete a get answers 404.
import type { Fault } from './fault.ts'
import { answerFault } from './operationFaults.ts'

export const readAfterWriteFaults: Fault[] = [
  {
    name: 'user-delete-keeps-user',
    breaks: 'S8',
    side: 'behaviour',
    summary: 'deleteUser answers {} but keeps the user: a later getUser still finds it',
    concerns: ['S8.user.delete-then-404'],
    install({ wrap, store }) {
      wrap('deleteUser', (request) => {
        store.users.get(String(request.params.id))
        return {}
      })
    },
  },
  {
    name: 'message-update-not-stored',
    breaks: 'S8',
    side: 'behaviour',
    summary: 'updateMessage answers the updated message but keeps the old one',
    concerns: ['S8.message.update-then-get'],
    install({ wrap, store }) {
      wrap('updateMessage', async (request, next) => {
        const before = store.messages.find(String(request.params.id))
        const answer = await next(request)
        if (before) store.messages.put(before)
        return answer
      })
    },
  },
  answerFault({
    name: 'event-read-without-payload',
    breaks: 'S8',
    side: 'answer',
    summary: 'getEvent answers the event with an empty payload',
    operation: 'getEvent',
    concerns: ['S8.event.create-then-get'],
    rewrite: (answer) => ({ ...answer, event: { ...(answer.event as object), payload: {} } }),
  }),
]
