// Tasks (the spec scope, S14): create in a conversation, get, update the fields sent, delete,
// list with filters, most recent first.
import type { CreateTaskBody, Task, UpdateTaskBody } from '../../contract/types.ts'
import { defaultTimeoutAt, newId, timestamp } from '../clock.ts'
import type { OperationRouter } from '../operationRoutes.ts'
import { fitted } from '../resourceLimits.ts'
import { fieldFacet, type ChatStore } from '../store/chatStore.ts'
import { tagFacets } from '../store/taggedCollection.ts'
import { applyTagUpdate, initialTags } from '../store/tagMatching.ts'
import { fieldQuery, listMeta, newestFirstPage, tagsFilter, textList } from './listQuery.ts'

const resource = 'resources/task.json'

export function registerTasks(router: OperationRouter, store: ChatStore): void {
  router.register<CreateTaskBody>('createTask', ({ body }) => {
    // What a task refers to must exist, as for a message (S14: a task needs a conversation).
    store.conversations.get(body.conversationId)
    if (body.userId !== undefined) store.users.get(body.userId)
    if (body.parentTaskId !== undefined) store.tasks.get(body.parentTaskId)
    const now = timestamp()
    const task: Task = {
      id: newId('task'),
      title: fitted(resource, 'title', body.title ?? ''),
      description: fitted(resource, 'description', body.description ?? ''),
      type: body.type,
      data: body.data ?? {},
      // [open] The initial status; pending is the vendor's usage.
      status: 'pending',
      conversationId: body.conversationId,
      timeoutAt: body.timeoutAt ?? defaultTimeoutAt(),
      createdAt: now,
      updatedAt: now,
      tags: initialTags(body.tags),
    }
    if (body.parentTaskId !== undefined) task.parentTaskId = body.parentTaskId
    if (body.userId !== undefined) task.userId = body.userId
    return { task: store.tasks.put(task) }
  })

  router.register('getTask', ({ params }) => ({ task: store.tasks.get(params.id as string) }))

  // Any field not sent is left unchanged; tags as in S5.
  router.register<UpdateTaskBody>('updateTask', ({ params, body }) => {
    const task = { ...store.tasks.get(params.id as string) }
    if (body.title !== undefined) task.title = fitted(resource, 'title', body.title)
    if (body.description !== undefined) task.description = fitted(resource, 'description', body.description)
    if (body.data !== undefined) task.data = body.data
    if (body.timeoutAt !== undefined) task.timeoutAt = body.timeoutAt
    if (body.status !== undefined) task.status = body.status
    task.tags = applyTagUpdate(task.tags, body.tags)
    task.updatedAt = timestamp()
    return { task: store.tasks.put(task) }
  })

  router.register('deleteTask', ({ params }) => {
    store.tasks.remove(params.id as string)
    return {}
  })

  router.register('listTasks', ({ query }) => {
    const { facets, where } = fieldQuery<Task>(
      query,
      ['conversationId', 'userId', 'parentTaskId', 'type'],
      textList(query.status),
      (field, value) => fieldFacet('task', field, value),
    )
    const page = store.tasks.list(
      { facets: [...tagFacets(tagsFilter(query)), ...facets], where, sortField: 'createdAt' },
      newestFirstPage(query, store.pageSize),
    )
    return { tasks: page.items, meta: listMeta(page) }
  })
}
