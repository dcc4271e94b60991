// What a run creates carries a marker tag {<run tag key>: <run id>}, so what a run could not
// delete (a killed worker, an answer that came too late) can be found and deleted later by
// `npm run cleanup`. The client adds it to the tags object of every create and get-or-create
// body of a user, conversation or message, and hides it again in the answers a check reads:
// no check can forget it, and none sees it, so tag round-trips compare what the check sent.
// Both sides of a get-or-create comparison carry the same marker, so discrimination (S6)
// decides on the check's own tags; a body without a tags object is left alone, so a check
// that omits tags on purpose still omits them. The exchange log keeps what really went over
// the wire, marker included, so a reproduction is faithful.
import type { OperationId } from '../../contract/operations.ts'
import type { Tags } from '../../contract/types.ts'
import { creators } from './resourceLedger.ts'

export interface RunMarker {
  key: string
  /** The run id. */
  value: string
}

function isPlainObject(value: unknown): value is Tags {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The body to send: with the marker among its tags when the operation creates a resource. */
export function withRunMarker(operationId: OperationId, body: unknown, marker: RunMarker | undefined): unknown {
  if (!marker || !creators[operationId] || !isPlainObject(body)) return body
  const tags = (body as { tags?: unknown }).tags
  if (!isPlainObject(tags) || marker.key in tags) return body
  return { ...body, tags: { ...tags, [marker.key]: marker.value } }
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
