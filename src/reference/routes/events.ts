// Events: create (now or scheduled), get, list with filters (S10); cancel a scheduled one (S16).
import type { CreateEventBody, Event } from '../../contract/types.ts'
import { ApiError, notFound } from '../apiError.ts'
import { newId, timestamp } from '../clock.ts'
import type { OperationRouter } from '../operationRoutes.ts'
import { eventFacet, eventFilters, type ChatStore } from '../store/chatStore.ts'
import { listMeta, pageRequest } from './listQuery.ts'

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
    store.events.put({ id: event.id, createdAt: event.createdAt, event, workflowId: body.workflowId })
    return { event }
  })

  router.register('getEvent', ({ params }) => {
    return { event: store.events.get(params.id as string).event }
  })

  // "Permanently cancels a scheduled event. The event must be in a scheduled state" (S16).
  router.register('cancelScheduledEvent', ({ params }) => {
    const id = params.id as string
    const stored = store.events.find(id)
    if (!stored) throw notFound('event', id)
    // [open] The error for an event that is not scheduled (400, 404 or 409): this path names a
    // scheduled event, and there is none with this id, so 404.
    if (stored.event.status !== 'scheduled')
      throw new ApiError('ResourceNotFound', `event ${JSON.stringify(id)} is ${stored.event.status}, not scheduled`)
    store.events.put({ ...stored, event: { ...stored.event, status: 'canceled' } })
    return {}
  })

  router.register('listEvents', ({ query }) => {
    const facets = eventFilters.flatMap((name) => {
      const value = query[name]
      return typeof value === 'string' ? [eventFacet(name, value)] : []
    })
    const page = store.events.list({ facets, sortField: 'createdAt' }, pageRequest(query, store.pageSize))
    return { events: page.items.map(({ event }) => event), meta: listMeta(page) }
  })
}
