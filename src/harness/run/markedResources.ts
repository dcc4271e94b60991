// Finding what runs left on a target by their marker tag (runMarker.ts): listTagValues names
// the run ids that still mark something, a list filtered by the marker finds what each left.
// Tasks and workflows (the spec scope) have no tag values to list: their run ids are read from
// the tags of every task and workflow. A target that serves only the documented operations
// answers their lists with 404 (or 405), and has none.
import { walkPages } from '../checks/listWalk.ts'
import type { RuntimeClient } from '../client/runtimeClient.ts'
import type { ResourceKind, TrackedResource } from '../client/resourceLedger.ts'
import type { OperationId, SpecOperationId } from '../../contract/operations.ts'
import type { Tags } from '../../contract/types.ts'

/** The kinds that carry the marker, in the order they are found (users before what refers to them). */
const markedKinds: readonly { kind: ResourceKind; list: OperationId; plural: string }[] = [
  { kind: 'user', list: 'listUsers', plural: 'users' },
  { kind: 'conversation', list: 'listConversations', plural: 'conversations' },
  { kind: 'message', list: 'listMessages', plural: 'messages' },
]

const markedSpecKinds: readonly { kind: ResourceKind; list: SpecOperationId; plural: string }[] = [
  { kind: 'task', list: 'listTasks', plural: 'tasks' },
  { kind: 'workflow', list: 'listWorkflows', plural: 'workflows' },
]

/** As many pages as a walk of the checks reads at most, so a nextToken that never ends cannot hold the sweep. */
const maxPages = 100

/** Every item of a spec-scope list for this query, page after page; none when the target does not serve it. */
async function listedIfServed(
  api: RuntimeClient,
  list: SpecOperationId,
  plural: string,
  query: Record<string, unknown>,
): Promise<{ id: string; tags?: Tags }[]> {
  const items: { id: string; tags?: Tags }[] = []
  let nextToken: string | undefined
  for (let page = 1; page <= maxPages; page++) {
    const reply = await api.call<Record<string, unknown>>(list, {
      query: { ...query, ...(nextToken ? { nextToken } : {}) },
    })
    // Not served (unknown route 404, or 405): a target of the documented operations only.
    if ((reply.status === 404 || reply.status === 405) && page === 1) return []
    if (reply.status !== reply.operation.status) throw new Error(`${list} answered ${reply.status}`)
    items.push(...((reply.body[plural] as { id: string; tags?: Tags }[] | undefined) ?? []))
    nextToken = (reply.body.meta as { nextToken?: string } | undefined)?.nextToken
    if (!nextToken) break
  }
  return items
}

/** Every run id that marks a user, conversation, message, task or workflow on the target. */
export async function markedRunIds(api: RuntimeClient, key: string): Promise<string[]> {
  const runIds = new Set<string>()
  for (const { kind } of markedKinds) {
    const walk = await walkPages<{ value: string }>(api, 'listTagValues', 'tags', {
      params: { key },
      query: { type: kind },
    })
    for (const { value } of walk.items) runIds.add(value)
  }
  for (const { list, plural } of markedSpecKinds) {
    for (const { tags } of await listedIfServed(api, list, plural, {})) {
      const runId = tags?.[key]
      if (runId !== undefined) runIds.add(runId)
    }
  }
  return [...runIds]
}

/** What carries the marker of one run: users first, then conversations, messages, tasks and workflows. */
export async function markedResources(api: RuntimeClient, key: string, runId: string): Promise<TrackedResource[]> {
  const found: TrackedResource[] = []
  const query = { tags: { [key]: runId } }
  for (const { kind, list, plural } of markedKinds) {
    const walk = await walkPages<{ id: string }>(api, list, plural, { query })
    for (const { id } of walk.items) found.push({ kind, id })
  }
  for (const { kind, list, plural } of markedSpecKinds)
    for (const { id } of await listedIfServed(api, list, plural, query)) found.push({ kind, id })
  return found
}
