// Finding what runs left on a target by their marker tag (runMarker.ts): listTagValues names
// the run ids that still mark something, a list filtered by the marker finds what each left.
import { walkPages } from '../checks/listWalk.ts'
import type { RuntimeClient } from '../client/runtimeClient.ts'
import type { ResourceKind, TrackedResource } from '../client/resourceLedger.ts'
import type { OperationId } from '../../contract/operations.ts'

/** The kinds that carry the marker, in the order they are found (users before what refers to them). */
const markedKinds: readonly { kind: ResourceKind; list: OperationId; plural: string }[] = [
  { kind: 'user', list: 'listUsers', plural: 'users' },
  { kind: 'conversation', list: 'listConversations', plural: 'conversations' },
  { kind: 'message', list: 'listMessages', plural: 'messages' },
]

/** Every run id that marks a user, conversation or message on the target. */
export async function markedRunIds(api: RuntimeClient, key: string): Promise<string[]> {
  const runIds = new Set<string>()
  for (const { kind } of markedKinds) {
    const walk = await walkPages<{ value: string }>(api, 'listTagValues', 'tags', {
      params: { key },
      query: { type: kind },
    })
    for (const { value } of walk.items) runIds.add(value)
  }
  return [...runIds]
}

/** What carries the marker of one run: users first, then conversations, then messages. */
export async function markedResources(api: RuntimeClient, key: string, runId: string): Promise<TrackedResource[]> {
  const found: TrackedResource[] = []
  for (const { kind, list, plural } of markedKinds) {
    const walk = await walkPages<{ id: string }>(api, list, plural, { query: { tags: { [key]: runId } } })
    for (const { id } of walk.items) found.push({ kind, id })
  }
  return found
}
