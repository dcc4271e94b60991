// The resources a test created, so they can be deleted when it ends, pass or fail: a run
// against a staging bot must leave nothing behind.
import type { OperationId } from '../contract/operations.ts'

export type ResourceKind = 'user' | 'conversation' | 'message'

export interface TrackedResource {
  kind: ResourceKind
  id: string
}

/** Which operations create which kind, and which operation deletes it. */
export const creators: Partial<Record<OperationId, ResourceKind>> = {
  createUser: 'user',
  getOrCreateUser: 'user',
  createConversation: 'conversation',
  getOrCreateConversation: 'conversation',
  createMessage: 'message',
  getOrCreateMessage: 'message',
}

export const deleters: Record<ResourceKind, OperationId> = {
  user: 'deleteUser',
  conversation: 'deleteConversation',
  message: 'deleteMessage',
}

export const deletedBy: Partial<Record<OperationId, ResourceKind>> = {
  deleteUser: 'user',
  deleteConversation: 'conversation',
  deleteMessage: 'message',
}

export class ResourceLedger {
  private readonly resources = new Map<string, TrackedResource>()

  track(resource: TrackedResource): void {
    this.resources.set(`${resource.kind}:${resource.id}`, resource)
  }

  forget(resource: TrackedResource): void {
    this.resources.delete(`${resource.kind}:${resource.id}`)
  }

  /** Newest first, so messages go before their conversation and users last. */
  pending(): TrackedResource[] {
    return [...this.resources.values()].reverse()
  }
}
