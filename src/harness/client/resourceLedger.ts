// The resources a test created, so they can be deleted when it ends, pass or fail: a run
// against a staging bot must leave nothing behind. Events have no documented delete: they stay;
// neither can what trackAnalytics counts be taken back. Tasks and workflows (the spec scope)
// are deleted like users.
import {
  chatOperation,
  type ChatOperation,
  type ChatOperationId,
  type SpecOperationId,
} from '../../contract/operations.ts'
import type { StateAddress } from '../../contract/types.ts'

export type ResourceKind = 'user' | 'conversation' | 'message' | 'task' | 'workflow'

export interface TrackedResource {
  kind: ResourceKind
  id: string
}

/** A state the test set, addressed by its path. */
interface TrackedState {
  kind: 'state'
  address: StateAddress
}

export type Tracked = TrackedResource | TrackedState

/** Which operations create which kind (the answer holds it under the kind's name, its body has the tags), and which operation deletes it. */
export const creators: Partial<Record<ChatOperationId, ResourceKind>> = {
  createUser: 'user',
  getOrCreateUser: 'user',
  createConversation: 'conversation',
  getOrCreateConversation: 'conversation',
  createMessage: 'message',
  getOrCreateMessage: 'message',
  createTask: 'task',
  createWorkflow: 'workflow',
  getOrCreateWorkflow: 'workflow',
}

/** A part of a body and of its answer, under the same key: the fields (with the tags) of what the operation makes, and what it made. */
export interface CreatedPart {
  key: string
  kind: ResourceKind
}

/** Operations of the spec scope that make several resources at once, each in a part of the body and the answer (one, or a list). */
export const batchCreators: Partial<Record<SpecOperationId, readonly CreatedPart[]>> = {
  importMessages: [{ key: 'messages', kind: 'message' }],
  initializeIncomingMessage: [
    { key: 'user', kind: 'user' },
    { key: 'conversation', kind: 'conversation' },
    { key: 'message', kind: 'message' },
  ],
}

const deleters: Record<ResourceKind, ChatOperationId> = {
  user: 'deleteUser',
  conversation: 'deleteConversation',
  message: 'deleteMessage',
  task: 'deleteTask',
  workflow: 'deleteWorkflow',
}

/** The operation that deletes a kind of resource. */
export function removalOperation(kind: ResourceKind): ChatOperation {
  return chatOperation(deleters[kind])
}

const deletedBy: Partial<Record<ChatOperationId, ResourceKind>> = {
  deleteUser: 'user',
  deleteConversation: 'conversation',
  deleteMessage: 'message',
  deleteTask: 'task',
  deleteWorkflow: 'workflow',
}

/** Operations after whose success a state exists at the path. */
const stateWriters: ReadonlySet<ChatOperationId> = new Set([
  'setState',
  'getOrSetState',
  'patchState',
  'setStateExpiry',
])

/** The ids of what a successful answer made, by kind: the resource under the kind's name, or each part a batch operation makes. */
function createdIn(operation: ChatOperationId, json: unknown): TrackedResource[] {
  if (!json || typeof json !== 'object') return []
  const single = creators[operation]
  const parts = single ? [{ key: single, kind: single }] : (batchCreators[operation as SpecOperationId] ?? [])
  return parts.flatMap(({ key, kind }) => {
    const value = (json as Record<string, unknown>)[key]
    return (Array.isArray(value) ? value : [value]).flatMap((item: unknown) => {
      const id = (item as { id?: unknown } | undefined)?.id
      return typeof id === 'string' ? [{ kind, id }] : []
    })
  })
}

/** The call that removes a tracked resource when the test ends. */
export interface Removal {
  operation: ChatOperationId
  params: Record<string, string>
  body?: unknown
  /** An error answer means the resource may be left behind (false: an error answer is ignored). */
  errorIsLeftover: boolean
}

export function removalOf(tracked: Tracked): Removal {
  if (tracked.kind === 'state') {
    // The vendor's client deletes a state by setting its payload to null [usage], so a target may
    // refuse it; an error answer there is ignored.
    return { operation: 'setState', params: { ...tracked.address }, body: { payload: null }, errorIsLeftover: false }
  }
  return { operation: deleters[tracked.kind], params: { id: tracked.id }, errorIsLeftover: true }
}

export function describeTracked(tracked: Tracked): string {
  return tracked.kind === 'state'
    ? `state ${tracked.address.type}/${tracked.address.id}/${tracked.address.name}`
    : `${tracked.kind} ${tracked.id}`
}

function keyOf(tracked: Tracked): string {
  return tracked.kind === 'state'
    ? `state:${tracked.address.type}/${tracked.address.id}/${tracked.address.name}`
    : `${tracked.kind}:${tracked.id}`
}

function stateAddressOf(params: Record<string, string> | undefined): StateAddress | undefined {
  const { type, id, name } = params ?? {}
  return type !== undefined && id !== undefined && name !== undefined ? { type, id, name } : undefined
}

export class ResourceLedger {
  private readonly resources = new Map<string, Tracked>()

  track(tracked: Tracked): void {
    this.resources.set(keyOf(tracked), tracked)
  }

  forget(tracked: Tracked): void {
    this.resources.delete(keyOf(tracked))
  }

  /** Notes what a successful answer created or deleted, from the request that got it. */
  observe(
    operation: ChatOperationId,
    request: { params?: Record<string, string>; body?: unknown },
    json: unknown,
  ): void {
    for (const created of createdIn(operation, json)) this.track(created)
    const deleted = deletedBy[operation]
    const pathId = request.params?.id
    if (deleted && pathId) this.forget({ kind: deleted, id: pathId })
    const address = stateWriters.has(operation) ? stateAddressOf(request.params) : undefined
    if (address) {
      const removed = operation === 'setState' && (request.body as { payload?: unknown } | undefined)?.payload === null
      if (removed) this.forget({ kind: 'state', address })
      else this.track({ kind: 'state', address })
    }
  }

  /** Newest first, so states, tasks and messages go before their conversation and users last. */
  pending(): Tracked[] {
    return [...this.resources.values()].reverse()
  }
}
