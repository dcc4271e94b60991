// S14: tasks. A task is created in a conversation, reads back as created, updates only the fields
// it is sent, is gone after delete, and listTasks narrows by each of its filters and lists the
// most recent first (specResourceChecks.ts). The initial status is [open]: it is observed.
import { documentedValue } from '../../../fixtures/contractFields.ts'
import type * as T from '../../contract/types.ts'
import type { CheckContext } from './checkContext.ts'
import { defineCheck, type Check } from './check.ts'
import { expectSuccess } from './expectations.ts'
import { observe } from './observations.ts'
import { hasTags, specResourceChecks, type SpecListFilter, type SpecResourceKind } from './specResourceChecks.ts'

const completed = documentedValue('requests/updateTask.json', ['status'], 'completed')

async function taskOf(f: CheckContext, body: Partial<T.CreateTaskBody>): Promise<T.Task> {
  return f.make.task(body)
}

/** Two tasks of one type (this check's own) that differ in one filtered field. */
const filters: SpecListFilter<T.Task>[] = [
  {
    name: 'type',
    arrange: async (f) => {
      const wanted = await taskOf(f, {})
      const other = await taskOf(f, {})
      return { query: { type: wanted.type }, wanted, other }
    },
    matches: (item, query) => item.type === query.type,
  },
  {
    name: 'conversationId',
    arrange: async (f) => {
      const wanted = await taskOf(f, {})
      const elsewhere = await f.make.conversation()
      const other = await taskOf(f, { type: wanted.type, conversationId: elsewhere.id })
      return { query: { conversationId: wanted.conversationId }, wanted, other }
    },
    matches: (item, query) => item.conversationId === query.conversationId,
  },
  {
    name: 'userId',
    arrange: async (f) => {
      const { user } = await f.make.chatOfTest()
      const wanted = await taskOf(f, { userId: user.id })
      const other = await taskOf(f, { type: wanted.type })
      return { query: { type: wanted.type, userId: user.id }, wanted, other }
    },
    matches: (item, query) => item.userId === query.userId,
  },
  {
    name: 'parentTaskId',
    arrange: async (f) => {
      const parent = await taskOf(f, {})
      const wanted = await taskOf(f, { parentTaskId: parent.id })
      const other = await taskOf(f, { type: wanted.type })
      return { query: { type: wanted.type, parentTaskId: parent.id }, wanted, other }
    },
    matches: (item, query) => item.parentTaskId === query.parentTaskId,
  },
  {
    name: 'status',
    arrange: async (f) => {
      const created = await taskOf(f, {})
      const other = await taskOf(f, { type: created.type })
      const reply = await f.api.call<{ task: T.Task }>('updateTask', {
        params: { id: created.id },
        body: { status: completed },
      })
      const wanted = expectSuccess(reply, '(prerequisite)').task
      return { query: { type: wanted.type, status: [completed] }, wanted, other }
    },
    matches: (item, query) => (query.status as string[]).includes(item.status),
  },
  {
    name: 'tags',
    arrange: async (f) => {
      const key = f.values.tagKey()
      const wanted = await taskOf(f, { tags: { [key]: f.values.unique('wanted') } })
      const other = await taskOf(f, { type: wanted.type, tags: { [key]: f.values.unique('other') } })
      return { query: { type: wanted.type, tags: { [key]: wanted.tags[key] } }, wanted, other }
    },
    matches: hasTags,
  },
]

const taskKind: SpecResourceKind<T.Task> = {
  name: 'task',
  rule: 'S14',
  key: 'task',
  plural: 'tasks',
  ops: { create: 'createTask', get: 'getTask', update: 'updateTask', delete: 'deleteTask', list: 'listTasks' },
  fullBody: async (f) => {
    const { user, conversation } = await f.make.chatOfTest()
    return {
      ...f.make.taskBody(conversation.id),
      userId: user.id,
      tags: f.values.tags(2),
    }
  },
  oneFieldUpdate: (f) => ({ data: { step: f.values.unique('step') } }),
  scope: (f) => {
    const type = f.values.unique('conformanceTask')
    return { query: { type }, make: () => taskOf(f, { type }) }
  },
  filters,
}

const initialStatusObserved: Check = defineCheck(
  {
    id: 'S14.task.initial-status',
    operation: 'createTask',
    summary: 'a new task has a status of the Task enum (which one is open: observed)',
    needs: 'specScope',
  },
  async (f) => {
    const task = await f.make.task()
    observe(`createTask gave a new task the status ${JSON.stringify(task.status)}`)
  },
)

const groups = specResourceChecks(taskKind)

export const taskChecks = {
  readAfterWrite: (): Check[] => [...groups.readAfterWrite(), initialStatusObserved],
  lists: groups.lists,
}
