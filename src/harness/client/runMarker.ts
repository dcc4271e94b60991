// What a run creates carries a marker tag {<run tag key>: <run id>}, so what a run could not
// delete (a killed worker, an answer that came too late) can be found and deleted later by
// `npm run cleanup`. The client adds it to the tags object of every create and get-or-create
// body of a user, conversation, message, task or workflow (and of each part that importMessages
// and initializeIncomingMessage make), and hides it again in the answers a check reads:
// no check can forget it, and none sees it, so tag round-trips compare what the check sent.
// Both sides of a get-or-create comparison carry the same marker, so discrimination (S6)
// decides on the check's own tags; a body without a tags object is left alone, so a check
// that omits tags on purpose still omits them. The exchange log keeps what really went over
// the wire, marker included, so a reproduction is faithful.
import type { ChatOperationId, SpecOperationId } from '../../contract/operations.ts'
import type { Tags } from '../../contract/types.ts'
import { batchCreators, creators } from './resourceLedger.ts'

export interface RunMarker {
  key: string
  /** The run id. */
  value: string
}

function isPlainObject(value: unknown): value is Tags {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** An object with the marker among its tags, when it has a tags object. */
function marked(part: unknown, marker: RunMarker): unknown {
  if (!isPlainObject(part)) return part
  const tags = (part as { tags?: unknown }).tags
  if (!isPlainObject(tags) || marker.key in tags) return part
  return { ...part, tags: { ...tags, [marker.key]: marker.value } }
}

/** The body to send: with the marker among its tags (or its parts' tags) when the operation creates a resource. */
export function withRunMarker(operationId: ChatOperationId, body: unknown, marker: RunMarker | undefined): unknown {
  if (!marker || !isPlainObject(body)) return body
  if (creators[operationId]) return marked(body, marker)
  const parts = batchCreators[operationId as SpecOperationId]
  if (!parts) return body
  const changed = parts
    .filter(({ key }) => key in body)
    .map(({ key }) => {
      const part: unknown = (body as Record<string, unknown>)[key]
      return [key, Array.isArray(part) ? part.map((item: unknown) => marked(item, marker)) : marked(part, marker)]
    })
  return { ...body, ...Object.fromEntries(changed) }
}

/** Tags as a check sent them: without the marker the client added. */
function withoutRunMarker(tags: Tags, marker: RunMarker | undefined): Tags {
  if (!marker || tags[marker.key] !== marker.value) return tags
  const { [marker.key]: _marker, ...rest } = tags
  return rest
}

/** An answer as a check reads it: every tags map without this run's marker. */
export function hideRunMarker(json: unknown, marker: RunMarker | undefined, text: string): unknown {
  if (!marker || !text.includes(marker.value)) return json
  const visit = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(visit)
    if (!isPlainObject(node)) return node
    return Object.fromEntries(
      Object.entries(node).map(([key, value]) => [
        key,
        key === 'tags' && isPlainObject(value) ? withoutRunMarker(value, marker) : visit(value),
      ]),
    )
  }
  return visit(json)
}
