// S15: workflows. Read after write, updates of the fields sent only, delete then 404, listWorkflows'
// filters and order (specResourceChecks.ts); the eventId a workflow in_progress needs; and
// getOrCreateWorkflow, which matches by tags (S6, with discriminateByTags) and, with
// discriminateByStatusGroup, only among workflows of that group.
import { documentedValue } from '../../../fixtures/contractFields.ts'
import type * as T from '../../contract/types.ts'
import type { CheckContext } from './checkContext.ts'
import { defineCheck, type Check } from './check.ts'
import { expectError, expectSuccess, expectThat } from './expectations.ts'
import { hasTags, specResourceChecks, type SpecListFilter, type SpecResourceKind } from './specResourceChecks.ts'

const needs = 'specScope' as const
const inProgress = documentedValue('requests/createWorkflow.json', ['status'], 'in_progress')
const pending = documentedValue('requests/createWorkflow.json', ['status'], 'pending')
const completed = documentedValue('requests/updateWorkflow.json', ['status'], 'completed')
const paused = documentedValue('requests/updateWorkflow.json', ['status'], 'paused')

type WorkflowReply = { workflow: T.Workflow }

async function update(f: CheckContext, id: string, body: T.UpdateWorkflowBody): Promise<T.Workflow> {
  const reply = await f.api.call<WorkflowReply>('updateWorkflow', { params: { id }, body })
  return expectSuccess(reply, '(prerequisite)').workflow
}

/** Two workflows (this check's own) that differ in one filtered field. */
const filters: SpecListFilter<T.Workflow>[] = [
  {
    name: 'name',
    arrange: async (f) => {
      const wanted = await f.make.workflow()
      return { query: { name: wanted.name }, wanted, other: await f.make.workflow() }
    },
    matches: (item, query) => item.name === query.name,
  },
  {
    name: 'conversationId',
    arrange: async (f) => {
      const { conversation } = await f.make.chatOfTest()
      const wanted = await f.make.workflow({ conversationId: conversation.id })
      const other = await f.make.workflow({ name: wanted.name })
      return { query: { conversationId: conversation.id }, wanted, other }
    },
    matches: (item, query) => item.conversationId === query.conversationId,
  },
  {
    name: 'userId',
    arrange: async (f) => {
      const { user } = await f.make.chatOfTest()
      const wanted = await f.make.workflow({ userId: user.id })
      const other = await f.make.workflow({ name: wanted.name })
      return { query: { userId: user.id }, wanted, other }
    },
    matches: (item, query) => item.userId === query.userId,
  },
  {
    name: 'parentWorkflowId',
    arrange: async (f) => {
      const parent = await f.make.workflow()
      const wanted = await f.make.workflow({ parentWorkflowId: parent.id })
      const other = await f.make.workflow({ name: wanted.name })
      return { query: { parentWorkflowId: parent.id }, wanted, other }
    },
    matches: (item, query) => item.parentWorkflowId === query.parentWorkflowId,
  },
  {
    name: 'statuses',
    arrange: async (f) => {
      const created = await f.make.workflow()
      const other = await f.make.workflow({ name: created.name })
      const wanted = await update(f, created.id, { status: paused })
      return { query: { name: wanted.name, statuses: [paused] }, wanted, other }
    },
    matches: (item, query) => (query.statuses as string[]).includes(item.status),
  },
  {
    name: 'tags',
    arrange: async (f) => {
      const key = f.values.tagKey()
      const wanted = await f.make.workflow({ tags: { [key]: f.values.unique('wanted') } })
      const other = await f.make.workflow({ name: wanted.name, tags: { [key]: f.values.unique('other') } })
      return { query: { name: wanted.name, tags: { [key]: wanted.tags[key] } }, wanted, other }
    },
    matches: hasTags,
  },
]
const workflowKind: SpecResourceKind<T.Workflow> = {
  name: 'workflow',
  rule: 'S15',
  key: 'workflow',
  plural: 'workflows',
  ops: {
    create: 'createWorkflow',
    get: 'getWorkflow',
    update: 'updateWorkflow',
    delete: 'deleteWorkflow',
    list: 'listWorkflows',
  },
  fullBody: async (f) => {
    const { user, conversation } = await f.make.chatOfTest()
    return {
      ...f.make.workflowBody(),
      conversationId: conversation.id,
      userId: user.id,
      tags: f.values.tags(2),
    }
  },
  oneFieldUpdate: (f) => ({ output: { result: f.values.unique('output') } }),
  scope: (f) => {
    const name = f.values.unique('conformanceWorkflow')
    return { query: { name }, make: () => f.make.workflow({ name }) }
  },
  filters,
}

const createInProgressNeedsEvent: Check = defineCheck(
  {
    id: 'S15.workflow.in-progress-needs-event',
    operation: 'createWorkflow',
    summary: 'createWorkflow with status in_progress answers 400 without an eventId, and creates it with one',
    needs,
    failurePath: true,
  },
  async (f) => {
    const body = { ...f.make.workflowBody(), status: inProgress }
    expectError(await f.api.call('createWorkflow', { body }), { status: 400 }, 'with status in_progress and no eventId')
    const { id: eventId } = await f.make.event()
    const reply = await f.api.call<WorkflowReply>('createWorkflow', { body: { ...body, eventId } })
    const { status } = expectSuccess(reply, 'with status in_progress and an eventId').workflow
    expectThat(status === inProgress, reply, `the workflow must be ${inProgress}, was ${JSON.stringify(status)}`)
  },
)

const updateInProgressNeedsEvent: Check = defineCheck(
  {
    id: 'S15.workflow.update-in-progress-needs-event',
    operation: 'updateWorkflow',
    summary: 'updateWorkflow to status in_progress answers 400 without an eventId',
    needs,
    failurePath: true,
  },
  async (f) => {
    const workflow = await f.make.workflow()
    const reply = await f.api.call('updateWorkflow', { params: { id: workflow.id }, body: { status: inProgress } })
    expectError(reply, { status: 400 }, 'to status in_progress with no eventId')
  },
)

async function getOrCreate(f: CheckContext, body: T.GetOrCreateWorkflowBody) {
  const reply = await f.api.call<WorkflowReply>('getOrCreateWorkflow', { body })
  return { reply, workflow: expectSuccess(reply).workflow }
}

const sameInputSameWorkflow: Check = defineCheck(
  {
    id: 'S15.getOrCreateWorkflow.same-input-same-workflow',
    operation: 'getOrCreateWorkflow',
    summary: 'getOrCreateWorkflow twice with the same name and tags returns the same workflow',
    needs,
  },
  async (f) => {
    const body = { ...f.make.workflowBody(), tags: f.values.tags(2) }
    const first = await getOrCreate(f, body)
    const second = await getOrCreate(f, body)
    expectThat(
      second.workflow.id === first.workflow.id,
      second.reply,
      `must return workflow ${first.workflow.id} again, returned ${second.workflow.id}`,
    )
  },
)

/** The documented example of S6, for workflows: only the listed keys must match. */
const discriminateByTags: Check = defineCheck(
  {
    id: 'S15.getOrCreateWorkflow.discriminate-by-tags',
    operation: 'getOrCreateWorkflow',
    summary:
      'getOrCreateWorkflow with discriminateByTags returns the workflow whose listed tags match; without it, a differing tag makes a new one',
    needs,
  },
  async (f) => {
    const [foo, bar, baz] = [f.values.keyFor('foo'), f.values.keyFor('bar'), f.values.keyFor('baz')]
    const base = f.make.workflowBody()
    const unique = (name: string) => f.values.unique(name)
    const existingTags = { [foo]: unique('a'), [bar]: unique('b'), [baz]: unique('c') }
    const existing = await getOrCreate(f, { ...base, tags: existingTags })
    const otherFoo = { ...existingTags, [foo]: unique('z') }
    const listed = await getOrCreate(f, { ...base, tags: otherFoo, discriminateByTags: [bar, baz] })
    expectThat(
      listed.workflow.id === existing.workflow.id,
      listed.reply,
      `with discriminateByTags [${bar}, ${baz}] it must return ${existing.workflow.id} (the listed tags match), returned ${listed.workflow.id}`,
    )
    const all = await getOrCreate(f, { ...base, tags: otherFoo })
    expectThat(
      all.workflow.id !== existing.workflow.id,
      all.reply,
      `without discriminateByTags every tag must match: ${foo} differs, yet it returned ${existing.workflow.id}`,
    )
  },
)

const statusGroup: Check = defineCheck(
  {
    id: 'S15.getOrCreateWorkflow.status-group',
    operation: 'getOrCreateWorkflow',
    summary:
      'getOrCreateWorkflow with discriminateByStatusGroup matches only workflows of that group: a completed one is not returned for active, and is for finished',
    needs,
  },
  async (f) => {
    const body = { ...f.make.workflowBody(), status: pending, tags: f.values.tags(1) }
    const made = await getOrCreate(f, body)
    await update(f, made.workflow.id, { status: completed })
    // A workflow that has completed is finished, one not yet started (pending) is active: the
    // vendor's usage of the groups, which the documents leave open beyond these two.
    const active = await getOrCreate(f, { ...body, discriminateByStatusGroup: 'active' })
    expectThat(
      active.workflow.id !== made.workflow.id,
      active.reply,
      `with discriminateByStatusGroup active it returned ${made.workflow.id}, which is ${completed} (finished)`,
    )
    const finished = await getOrCreate(f, { ...body, discriminateByStatusGroup: 'finished' })
    expectThat(
      finished.workflow.id === made.workflow.id,
      finished.reply,
      `with discriminateByStatusGroup finished it must return ${made.workflow.id} (${completed}, tags matching), returned ${finished.workflow.id}`,
    )
  },
)

const groups = specResourceChecks(workflowKind)

export const workflowChecks = {
  readAfterWrite: groups.readAfterWrite,
  lists: groups.lists,
  status: (): Check[] => [createInProgressNeedsEvent, updateInProgressNeedsEvent],
  'get-or-create': (): Check[] => [sameInputSameWorkflow, discriminateByTags, statusGroup],
}
