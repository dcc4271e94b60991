// S10: a new event's failureReason is null [doc] and its status pending when unscheduled
// [usage]; listEvents filters by status; a schedule's dateTime is 24 to 28 characters.
import type { Event } from '../../contract/types.ts'
import type { ChatStore } from '../store/chatStore.ts'
import { lengthLimits } from './contractFacts.ts'
import { isJsonObject, type Fault, type FaultContext } from './fault.ts'
import { requestFault, withBodyField } from './operationFaults.ts'

/** Wraps createEvent so the new event is stored and answered changed. */
function changeNewEvents(change: (event: Event) => Event): (context: FaultContext) => void {
  return ({ wrap, store }) => {
    wrap('createEvent', async (request, next) => {
      const { event } = (await next(request)) as { event: Event }
      return { event: restore(store, change(event)) }
    })
  }
}

function restore(store: ChatStore, event: Event): Event {
  const stored = store.events.find(event.id)
  if (stored) store.events.put({ ...stored, event })
  return event
}

export const eventFaults: Fault[] = [
  {
    name: 'event-failure-reason-empty',
    breaks: 'S10',
    side: 'behaviour',
    summary: 'a new event carries failureReason "" instead of null',
    concerns: ['S10.event.failure-reason-null'],
    install: changeNewEvents((event) => ({ ...event, failureReason: '' })),
  },
  {
    name: 'event-unscheduled-processed',
    breaks: 'S10',
    level: 'strict',
    side: 'behaviour',
    summary: 'a new event without a schedule has status processed instead of pending',
    concerns: ['S10.event.unscheduled-pending'],
    install: changeNewEvents((event) => (event.status === 'pending' ? { ...event, status: 'processed' } : event)),
  },
  requestFault({
    name: 'event-status-filter-ignored',
    breaks: 'S10',
    side: 'behaviour',
    summary: 'listEvents ignores the status filter',
    operation: 'listEvents',
    concerns: ['S10.event.list-by-status'],
    rewrite: ({ query: { status: _ignored, ...query }, ...request }) => ({ ...request, query }),
  }),
  requestFault({
    name: 'accept-schedule-date-of-any-length',
    breaks: 'S10',
    side: 'request',
    summary: 'createEvent takes a schedule.dateTime shorter or longer than documented as now instead of answering 400',
    operation: 'createEvent',
    concerns: ['S10.createEvent.schedule.dateTime.length-limits'],
    rewrite: (request) =>
      withBodyField(request, 'schedule', (schedule) => {
        if (!isJsonObject(schedule) || typeof schedule.dateTime !== 'string') return schedule
        const { min, max } = lengthLimits('requests/createEvent.json', ['schedule', 'dateTime'])
        const length = [...schedule.dateTime].length
        return length < min || length > max ? { ...schedule, dateTime: new Date().toISOString() } : schedule
      }),
  }),
]
