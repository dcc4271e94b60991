// Opt-in (REFERENCE_TAG_KEYS, or ReferenceOptions.tagKeys): the reference behaves like a real bot
// that declares its tag keys (S5) and rejects every other key, in bodies (tags,
// discriminateByTags, also nested in importMessages and initializeIncomingMessage), in list
// filters (tags.<key>=) and in listTagValues. It lets the harness's own tests show that a run
// with CONFORMANCE_TAG_KEYS never uses a key the bot did not declare.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { ApiError } from './apiError.ts'

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function keysOf(value: unknown): string[] {
  return isObject(value) ? Object.keys(value) : []
}

/** The parts of a body that may carry tags: the body, and what initializeIncomingMessage and importMessages nest. */
function taggedParts(body: unknown): Record<string, unknown>[] {
  if (!isObject(body)) return []
  const nested: unknown[] = [body.user, body.conversation, body.message]
  if (Array.isArray(body.messages)) nested.push(...(body.messages as unknown[]))
  return [body, ...nested.filter(isObject)]
}

function undeclared(
  request: FastifyRequest,
  declared: ReadonlySet<string>,
): { key: string; where: string } | undefined {
  const query = request.query as { tags?: unknown } | undefined
  const params = request.params as { key?: unknown } | undefined
  const candidates: [string[], string][] = [
    ...taggedParts(request.body).flatMap((part): [string[], string][] => [
      [keysOf(part.tags), 'body tags'],
      [
        Array.isArray(part.discriminateByTags)
          ? part.discriminateByTags.filter((k): k is string => typeof k === 'string')
          : [],
        'discriminateByTags',
      ],
    ]),
    [keysOf(query?.tags), 'tags filter'],
    [
      request.routeOptions.url === '/v1/chat/tags/:key/values' && typeof params?.key === 'string' ? [params.key] : [],
      'listTagValues',
    ],
  ]
  for (const [keys, where] of candidates) {
    const key = keys.find((k) => !declared.has(k))
    if (key !== undefined) return { key, where }
  }
  return undefined
}

export function rejectUndeclaredTagKeys(app: FastifyInstance, tagKeys: readonly string[]): void {
  const declared = new Set(tagKeys)
  // eslint-disable-next-line @typescript-eslint/require-await
  app.addHook('preHandler', async (request) => {
    const found = undeclared(request, declared)
    if (!found) return
    const type = found.where === 'tags filter' ? 'InvalidQuery' : 'InvalidPayload'
    throw new ApiError(
      type,
      `tag key ${JSON.stringify(found.key)} (${found.where}) is not declared by this bot; it declares ${[...declared].join(', ')}`,
    )
  })
}

/** REFERENCE_TAG_KEYS: comma-separated keys; unset or empty: every key is accepted. */
export function referenceTagKeys(value: string | undefined): string[] | undefined {
  const keys = (value ?? '')
    .split(',')
    .map((key) => key.trim())
    .filter(Boolean)
  return keys.length > 0 ? keys : undefined
}
