// Faults of the spec scope (S14-S19), each breaking one rule of the 15 operations beyond the
// documented 33, written from the rules alone. They are not in knownFaults: no check names
// S14-S19 yet, so the self-test would count them as missed. Whoever adds those checks adds these
// faults to knownFaults (and may narrow their concerns to the checks' ids).
import type { SpecRuleId } from '../../contract/rules.ts'
import { contractSchemas } from '../../contract/schemaRegistry.ts'
import type { ImportMessagesBody, InitializeIncomingMessageBody, Workflow } from '../../contract/types.ts'
import type { OperationRequest } from '../operationRoutes.ts'
import { isJsonObject, type Fault } from './fault.ts'
import { answerFault, requestFault, withBody, withBodyField } from './operationFaults.ts'

type SpecFault = Fault<SpecRuleId>

function withoutQuery(request: OperationRequest, name: string): OperationRequest {
  const { [name]: _ignored, ...query } = request.query
  return { ...request, query }
}

const importLimit = () => contractSchemas().schemaOf('requests/importMessages.json', 'messages').maxItems as number

const taskFaults: SpecFault[] = [
  requestFault({
    name: 'task-update-resets-unsent-fields',
    breaks: 'S14',
    side: 'behaviour',
    summary: 'updateTask empties the title and description when the update does not send them',
    concerns: ['S14.'],
    operation: 'updateTask',
    rewrite: (request) => withBody(request, (body) => ({ title: '', description: '', ...body })),
  }),
  answerFault({
    name: 'task-list-oldest-first',
    breaks: 'S14',
    side: 'behaviour',
    summary: 'listTasks lists each page oldest first instead of most recent first',
    concerns: ['S14.'],
    operation: 'listTasks',
    rewrite: (answer) =>
      Array.isArray(answer.tasks) ? { ...answer, tasks: [...(answer.tasks as unknown[])].reverse() } : answer,
  }),
  requestFault({
    name: 'task-status-filter-ignored',
    breaks: 'S14',
    side: 'behaviour',
    summary: 'listTasks ignores the status filter',
    concerns: ['S14.'],
    operation: 'listTasks',
    rewrite: (request) => withoutQuery(request, 'status'),
  }),
]

const workflowFaults: SpecFault[] = [
  {
    name: 'workflow-in-progress-without-event',
    breaks: 'S15',
    side: 'request',
    summary: 'createWorkflow creates a workflow in_progress without the eventId it needs instead of answering 400',
    concerns: ['S15.'],
    install({ wrap, store }) {
      wrap('createWorkflow', async (request, next) => {
        const body = request.body as { status?: unknown; eventId?: unknown } | undefined
        if (body?.status !== 'in_progress' || body.eventId !== undefined) return next(request)
        const { workflow } = (await next(withBody(request, (b) => ({ ...b, status: 'pending' })))) as {
          workflow: Workflow
        }
        return { workflow: store.workflows.put({ ...workflow, status: 'in_progress' }) }
      })
    },
  },
  requestFault({
    name: 'workflow-status-group-ignored',
    breaks: 'S15',
    side: 'behaviour',
    summary: 'getOrCreateWorkflow ignores discriminateByStatusGroup: a finished workflow matches an active request',
    concerns: ['S15.'],
    operation: 'getOrCreateWorkflow',
    rewrite: (request) => withBody(request, ({ discriminateByStatusGroup: _ignored, ...body }) => body),
  }),
  requestFault({
    name: 'workflow-statuses-filter-ignored',
    breaks: 'S15',
    side: 'behaviour',
    summary: 'listWorkflows ignores the statuses filter',
    concerns: ['S15.'],
    operation: 'listWorkflows',
    rewrite: (request) => withoutQuery(request, 'statuses'),
  }),
]

const cancelFaults: SpecFault[] = [
  {
    name: 'cancel-leaves-event-scheduled',
    breaks: 'S16',
    side: 'behaviour',
    summary: 'cancelScheduledEvent answers {} but the event stays scheduled',
    concerns: ['S16.'],
    install({ wrap, store }) {
      wrap('cancelScheduledEvent', (request, next) => {
        const stored = store.events.find(String(request.params.id))
        return stored?.event.status === 'scheduled' ? {} : next(request)
      })
    },
  },
  {
    name: 'cancel-unknown-event-answers-200',
    breaks: 'S16',
    side: 'behaviour',
    summary: 'cancelScheduledEvent answers {} for an event id that does not exist instead of 404',
    concerns: ['S16.'],
    install({ wrap, store }) {
      wrap('cancelScheduledEvent', (request, next) =>
        store.events.has(String(request.params.id)) ? next(request) : {},
      )
    },
  },
]

const importFaults: SpecFault[] = [
  {
    name: 'import-always-creates',
    breaks: 'S17',
    side: 'behaviour',
    summary: 'importMessages never looks for a matching message: importing the same batch again creates new ones',
    concerns: ['S17.'],
    install({ wrap, store, correctCall }) {
      wrap('importMessages', async (request, next) => {
        if (contractSchemas().validate('requests/importMessages.json', request.body).length > 0) return next(request)
        const create = correctCall('createMessage')
        const messages = []
        for (const { discriminateByTags: _keys, createdAt, ...fields } of (request.body as ImportMessagesBody)
          .messages) {
          const { message } = (await create({ ...request, body: fields })) as { message: { id: string } }
          // It keeps the createdAt it was given (only the matching is broken).
          const stored = store.messages.get(message.id)
          store.removeMessage(message.id)
          messages.push(store.putMessage({ ...stored, createdAt: new Date(createdAt).toISOString() }))
        }
        return { messages }
      })
    },
  },
  {
    name: 'import-accepts-more-than-the-limit',
    breaks: 'S17',
    side: 'request',
    summary: 'importMessages imports a batch longer than the limit, in parts, instead of answering 400',
    concerns: ['S17.'],
    install({ wrap }) {
      wrap('importMessages', async (request, next) => {
        const all = (request.body as { messages?: unknown } | undefined)?.messages
        const most = importLimit()
        if (!Array.isArray(all) || all.length <= most) return next(request)
        const parts = []
        for (let start = 0; start < all.length; start += most)
          parts.push(
            ...(
              (await next({ ...request, body: { messages: all.slice(start, start + most) } })) as {
                messages: unknown[]
              }
            ).messages,
          )
        return { messages: parts }
      })
    },
  },
]

const initializeFaults: SpecFault[] = [
  {
    name: 'initialize-always-creates-user',
    breaks: 'S18',
    side: 'behaviour',
    summary: 'initializeIncomingMessage creates a new user each time instead of getting the one its fields match',
    concerns: ['S18.'],
    install({ wrap, correctCall }) {
      wrap('initializeIncomingMessage', async (request, next) => {
        const fields = (request.body as InitializeIncomingMessageBody | undefined)?.user
        if (!isJsonObject(fields) || !isJsonObject(fields.tags)) return next(request)
        const { discriminateByTags: _keys, ...create } = fields
        const { user } = (await correctCall('createUser')({ ...request, body: create })) as { user: { id: string } }
        return next(withBody(request, ({ user: _fields, ...body }) => ({ ...body, userId: user.id })))
      })
    },
  },
]

const analyticsFaults: SpecFault[] = [
  requestFault({
    name: 'analytics-count-zero-accepted',
    breaks: 'S19',
    side: 'request',
    summary: 'trackAnalytics takes a count below 1 as 1 instead of answering 400',
    concerns: ['S19.'],
    operation: 'trackAnalytics',
    rewrite: (request) => {
      const { minimum } = contractSchemas().schemaOf('requests/trackAnalytics.json', 'count') as { minimum: number }
      return withBodyField(request, 'count', (count) =>
        typeof count === 'number' && count < minimum ? minimum : count,
      )
    },
  }),
]

/** Every spec-scope fault; not run by the self-test until checks of S14-S19 exist. */
export const specScopeFaults: readonly SpecFault[] = [
  ...taskFaults,
  ...workflowFaults,
  ...cancelFaults,
  ...importFaults,
  ...initializeFaults,
  ...analyticsFaults,
]
