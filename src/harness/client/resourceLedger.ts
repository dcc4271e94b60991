// The resources a test created, so they can be deleted when it ends, pass or fail: a run
// against a staging bot must leave nothing behind. Events have no documented delete: they stay.
import { operation, type Operation, type OperationId } from '../../contract/operations.ts'
import type { StateAddress } from '../../contract/types.ts'

export type ResourceKind = 'user' | 'conversation' | 'message'

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

/** Which operations create which kind, and which operation deletes it. */
export const creators: Partial<Record<OperationId, ResourceKind>> = {
  createUser: 'user',
  getOrCreateUser: 'user',
  createConversation: 'conversation',
  getOrCreateConversation: 'conversation',
  createMessage: 'message',
  getOrCreateMessage: 'message',
}

const deleters: Record<ResourceKind, OperationId> = {
  user: 'deleteUser',
  conversation: 'deleteConversation',
  message: 'deleteMessage',
}

/** The operation that deletes a kind of resource. */
export function removalOperation(kind: ResourceKind): Operation {
  return operation(deleters[kind])
}

const deletedBy: Partial<Record<OperationId, ResourceKind>> = {
  deleteUser: 'user',
  deleteConversation: 'conversation',
  deleteMessage: 'message',
}

/** Operations after whose success a state exists at the path. */
const stateWriters: ReadonlySet<OperationId> = new Set(['setState', 'getOrSetState', 'patchState', 'setStateExpiry'])

/** The call that removes a tracked resource when the test ends. */
export interface Removal {
  operation: OperationId
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
  observe(operation: OperationId, request: { params?: Record<string, string>; body?: unknown }, json: unknown): void {
    const created = creators[operation]
    if (created && json && typeof json === 'object') {
      const id = (json as Record<string, { id?: unknown } | undefined>)[created]?.id
      if (typeof id === 'string') this.track({ kind: created, id })
    }
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

  /** Newest first, so states and messages go before their conversation and users last. */
  pending(): Tracked[] {
    return [...this.resources.values()].reverse()
  }
}
