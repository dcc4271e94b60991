// Workflows (the spec scope, S15): create, get, update the fields sent, delete, list with filters
// (most recent first), and get-or-create by tags (S6) within a status group.
import type { CreateWorkflowBody, GetOrCreateWorkflowBody, UpdateWorkflowBody, Workflow } from '../../contract/types.ts'
import { isInStatusGroup, type WorkflowStatusGroup } from '../../contract/workflowStatusGroups.ts'
import { ApiError, notFound } from '../apiError.ts'
import { defaultTimeoutAt, newId, timestamp } from '../clock.ts'
import type { OperationRouter } from '../operationRoutes.ts'
import { fitted } from '../resourceLimits.ts'
import { fieldFacet, type ChatStore } from '../store/chatStore.ts'
import { tagFacets } from '../store/taggedCollection.ts'
import { applyTagUpdate, initialTags, matchingTags } from '../store/tagMatching.ts'
import { fieldQuery, listMeta, newestFirstPage, tagsFilter, textList } from './listQuery.ts'

const resource = 'resources/workflow.json'

export function registerWorkflows(router: OperationRouter, store: ChatStore): void {
  /** "eventId must be specified if the workflow is created [or updated] with the status in_progress" (S15). */
  const requireEventFor = (status: string | undefined, eventId: string | undefined, operation: string) => {
    if (status !== 'in_progress') return
    if (eventId === undefined)
      throw new ApiError('InvalidPayload', `${operation} with status in_progress needs the eventId that started it`)
    if (!store.events.has(eventId)) throw notFound('event', eventId)
  }

  const newWorkflow = (body: CreateWorkflowBody, operation: string): Workflow => {
    requireEventFor(body.status, body.eventId, operation)
    // What a workflow refers to must exist, as for a message.
    if (body.conversationId !== undefined) store.conversations.get(body.conversationId)
    if (body.userId !== undefined) store.users.get(body.userId)
    if (body.parentWorkflowId !== undefined) store.workflows.get(body.parentWorkflowId)
    const now = timestamp()
    const workflow: Workflow = {
      id: newId('wf'),
      name: fitted(resource, 'name', body.name),
      status: body.status,
      input: body.input ?? {},
      output: {},
      createdAt: now,
      updatedAt: now,
      timeoutAt: body.timeoutAt ?? defaultTimeoutAt(),
      tags: initialTags(body.tags),
    }
    if (body.parentWorkflowId !== undefined) workflow.parentWorkflowId = body.parentWorkflowId
    if (body.conversationId !== undefined) workflow.conversationId = body.conversationId
    if (body.userId !== undefined) workflow.userId = body.userId
    return workflow
  }

  router.register<CreateWorkflowBody>('createWorkflow', ({ body }) => ({
    workflow: store.workflows.put(newWorkflow(body, 'createWorkflow')),
  }))

  router.register('getWorkflow', ({ params }) => ({ workflow: store.workflows.get(params.id as string) }))

  // Any field not sent is left unchanged; tags as in S5.
  router.register<UpdateWorkflowBody>('updateWorkflow', ({ params, body }) => {
    const workflow = { ...store.workflows.get(params.id as string) }
    requireEventFor(body.status, body.eventId, 'updateWorkflow')
    if (body.userId !== undefined) workflow.userId = store.users.get(body.userId).id
    if (body.output !== undefined) workflow.output = body.output
    if (body.timeoutAt !== undefined) workflow.timeoutAt = body.timeoutAt
    if (body.failureReason !== undefined) workflow.failureReason = fitted(resource, 'failureReason', body.failureReason)
    workflow.tags = applyTagUpdate(workflow.tags, body.tags)
    workflow.updatedAt = timestamp()
    if (body.status !== undefined && body.status !== workflow.status) {
      workflow.status = body.status
      // [open] Whether completedAt is set when a workflow completes; the vendor's usage: yes. It
      // says when the workflow completed, so it goes when the workflow runs again.
      if (body.status === 'completed') workflow.completedAt = workflow.updatedAt
      else delete workflow.completedAt
    }
    return { workflow: store.workflows.put(workflow) }
  })

  router.register('deleteWorkflow', ({ params }) => {
    store.workflows.remove(params.id as string)
    return {}
  })

  router.register('listWorkflows', ({ query }) => {
    const { facets, where } = fieldQuery<Workflow>(
      query,
      ['conversationId', 'userId', 'parentWorkflowId', 'name'],
      textList(query.statuses),
      (field, value) => fieldFacet('workflow', field, value),
    )
    const page = store.workflows.list(
      { facets: [...tagFacets(tagsFilter(query)), ...facets], where, sortField: 'createdAt' },
      newestFirstPage(query, store.pageSize),
    )
    return { workflows: page.items, meta: listMeta(page) }
  })

  router.register<GetOrCreateWorkflowBody>('getOrCreateWorkflow', ({ body }) => {
    // The eventId rule is the create's: checked first, so the answer does not depend on what exists.
    requireEventFor(body.status, body.eventId, 'getOrCreateWorkflow')
    const group = body.discriminateByStatusGroup as WorkflowStatusGroup | undefined
    const name = fitted(resource, 'name', body.name)
    // Matching is by tags as S6 says, among workflows of the same name (as a conversation's
    // channel scopes getOrCreateConversation here: [open]) and, with a status group, only those in it.
    const existing = store.workflows.oldestMatch(
      matchingTags(body.tags ?? {}, body.discriminateByTags),
      (workflow) => workflow.name === name && (!group || isInStatusGroup(workflow.status, group)),
    )
    return { workflow: existing ?? store.workflows.put(newWorkflow(body, 'getOrCreateWorkflow')) }
  })
}
