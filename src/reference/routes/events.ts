// Events: create (now or scheduled), get, list with filters (S10); cancel a scheduled one (S16).
import type { CreateEventBody, Event } from '../../contract/types.ts'
import { ApiError, notFound } from '../apiError.ts'
import { newId, timestamp } from '../clock.ts'
import type { OperationRouter } from '../operationRoutes.ts'
import type { ChatStore, StoredEvent } from '../store/chatStore.ts'
import { pageOf } from '../store/paging.ts'
import { pageRequest } from './listQuery.ts'

export function registerEvents(router: OperationRouter, store: ChatStore): void {
  router.register<CreateEventBody>('createEvent', ({ body }) => {
    if (body.conversationId !== undefined) store.conversations.get(body.conversationId)
    if (body.userId !== undefined) store.users.get(body.userId)
    if (body.messageId !== undefined) store.messages.get(body.messageId)
    const event: Event = {
      id: newId('evt'),
      createdAt: timestamp(),
      type: body.type,
      payload: body.payload,
      // Nothing processes events here: they stay as they were created.
      status: body.schedule ? 'scheduled' : 'pending',
      failureReason: null,
    }
    if (body.conversationId !== undefined) event.conversationId = body.conversationId
    if (body.userId !== undefined) event.userId = body.userId
    if (body.messageId !== undefined) event.messageId = body.messageId
    store.events.set(event.id, { event, workflowId: body.workflowId })
    return { event }
  })

  router.register('getEvent', ({ params }) => {
    const stored = store.events.get(params.id as string)
    if (!stored) throw notFound('event', params.id as string)
    return { event: stored.event }
  })

  // "Permanently cancels a scheduled event. The event must be in a scheduled state" (S16).
  router.register('cancelScheduledEvent', ({ params }) => {
    const id = params.id as string
    const stored = store.events.get(id)
    if (!stored) throw notFound('event', id)
    // [open] The error for an event that is not scheduled (400, 404 or 409): this path names a
    // scheduled event, and there is none with this id, so 404.
    if (stored.event.status !== 'scheduled')
      throw new ApiError('ResourceNotFound', `event ${JSON.stringify(id)} is ${stored.event.status}, not scheduled`)
    store.events.set(id, { ...stored, event: { ...stored.event, status: 'canceled' } })
    return {}
  })

  router.register('listEvents', ({ query }) => {
    const filters = ['type', 'conversationId', 'userId', 'messageId', 'status'] as const
    const matches = ({ event, workflowId }: StoredEvent) =>
      filters.every((name) => query[name] === undefined || event[name] === query[name]) &&
      (query.workflowId === undefined || workflowId === query.workflowId)
    const events = [...store.events.values()].filter(matches).map(({ event }) => event)
    const page = pageOf(events, (e) => ({ v: e.createdAt, id: e.id }), pageRequest(query, store.pageSize))
    return { events: page.items, meta: page.nextToken ? { nextToken: page.nextToken } : {} }
  })
}
