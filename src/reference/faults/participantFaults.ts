// S9: after removeParticipant the user is no longer a participant; adding a user that does not
// exist is an error.
import type { User } from '../../contract/types.ts'
import { timestamp } from '../clock.ts'
import type { Fault } from './fault.ts'
import { answerFault, errorFault } from './operationFaults.ts'

export const participantFaults: Fault[] = [
  answerFault({
    name: 'last-participant-not-listed',
    breaks: 'S9',
    side: 'behaviour',
    summary: 'listParticipants leaves out the last participant of a conversation',
    operation: 'listParticipants',
    concerns: ['S9.participant.listed-after-add'],
    rewrite: (answer) =>
      Array.isArray(answer.participants) && !(answer.meta as { nextToken?: string }).nextToken
        ? { ...answer, participants: answer.participants.slice(0, -1) }
        : answer,
  }),
  {
    name: 'participant-not-removed',
    breaks: 'S9',
    side: 'behaviour',
    summary: 'removeParticipant answers {} but the user stays a participant',
    concerns: ['S9.participant.remove-then-gone'],
    install({ wrap, store }) {
      wrap('removeParticipant', async (request, next) => {
        const answer = await next(request)
        store.addParticipant(String(request.params.id), String(request.params.userId))
        return answer
      })
    },
  },
  errorFault({
    name: 'unknown-user-becomes-participant',
    breaks: 'S9',
    side: 'behaviour',
    summary: 'addParticipant with a user id that does not exist answers a participant made up from the id',
    operation: 'addParticipant',
    concerns: ['S9.participant.unknown-user-error'],
    recover: (error, request, store) => {
      const userId = (request.body as { userId?: unknown } | undefined)?.userId
      if (error.status !== 404 || typeof userId !== 'string' || !store.conversations.has(String(request.params.id)))
        return undefined
      const now = timestamp()
      const participant: User = { id: userId, createdAt: now, updatedAt: now, tags: {} }
      return { participant }
    },
  }),
]
