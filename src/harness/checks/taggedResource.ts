// Calls on a resource kind by its table entry (resourceKinds.ts), for checks shared by users,
// conversations and messages.
import type { Reply } from '../client/runtimeClient.ts'
import type { CheckContext } from './checkContext.ts'
import type { Tags } from '../../contract/types.ts'
import { expectSuccess } from './expectations.ts'
import type { Body, TaggedKind } from './resourceKinds.ts'

export interface TaggedResource {
  id: string
  createdAt: string
  updatedAt: string
  tags: Tags
  [field: string]: unknown
}

export function resourceOf(kind: TaggedKind, reply: Reply, context?: string): TaggedResource {
  return (expectSuccess(reply, context) as Record<string, TaggedResource>)[kind.name] as TaggedResource
}

export async function createResource(
  context: CheckContext,
  kind: TaggedKind,
  tags: Tags = {},
): Promise<{ body: Body; resource: TaggedResource; reply: Reply }> {
  const body = await kind.newBody(context, tags)
  const reply = await context.api.call(kind.ops.create, { body })
  return { body, resource: resourceOf(kind, reply), reply }
}

export function getResource(context: CheckContext, kind: TaggedKind, id: string): Promise<Reply> {
  return context.api.call(kind.ops.get, { params: { id } })
}

/** The fields of a create body that the created resource shows as sent. */
export function echoedFields(body: Body): Record<string, unknown> {
  const { discriminateByTags: _discriminator, schedule: _schedule, integrationName: _integration, ...echoed } = body
  return echoed
}
