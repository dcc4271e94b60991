// Reading the common list parameters: page token, sort, inclusive date bounds, tags and lists of values (S7).
import { ApiError } from '../apiError.ts'
import type { PageRequest, SortDirection } from '../store/paging.ts'
import type { ValueRange } from '../store/sortedKeys.ts'

export function pageRequest(query: Record<string, unknown>, size: number): PageRequest {
  return {
    nextToken: typeof query.nextToken === 'string' && query.nextToken ? query.nextToken : undefined,
    direction: (query.sortDirection as SortDirection | undefined) ?? 'asc',
    size,
  }
}

/** The date field a list sorts by (sortField), createdAt unless asked. */
export function sortField(query: Record<string, unknown>): 'createdAt' | 'updatedAt' {
  return (query.sortField as 'createdAt' | 'updatedAt' | undefined) ?? 'createdAt'
}

function dateBound(query: Record<string, unknown>, name: string): string | undefined {
  const value = query[name]
  if (value === undefined || value === '') return undefined
  const time = typeof value === 'string' ? Date.parse(value) : Number.NaN
  if (Number.isNaN(time)) throw new ApiError('InvalidQuery', `${name} is not a date: ${JSON.stringify(value)}`)
  return new Date(time).toISOString()
}

/** afterDate/beforeDate, both inclusive, as bounds on one date field; undefined when neither is sent. */
export function dateRange<F extends string>(
  query: Record<string, unknown>,
  field: F,
): (ValueRange & { field: F }) | undefined {
  const lowest = dateBound(query, 'afterDate')
  const highest = dateBound(query, 'beforeDate')
  return lowest === undefined && highest === undefined ? undefined : { field, lowest, highest }
}

/** A predicate for afterDate/beforeDate, both inclusive, on one date field (dateRange bounds an ordered walk instead). */
export function withinDates<R>(query: Record<string, unknown>, field: (item: R) => string): (item: R) => boolean {
  const after = dateBound(query, 'afterDate')
  const before = dateBound(query, 'beforeDate')
  return (item) => (!after || field(item) >= after) && (!before || field(item) <= before)
}

export function tagsFilter(query: Record<string, unknown>): Record<string, string> | undefined {
  const tags = query.tags
  if (tags === undefined) return undefined
  if (!tags || typeof tags !== 'object' || Object.values(tags).some((v) => typeof v !== 'string')) {
    throw new ApiError('InvalidQuery', 'tags must be a map of strings, e.g. tags.color=blue')
  }
  return tags as Record<string, string>
}

/** The answer's meta: a nextToken when another page follows. */
export function listMeta(page: { nextToken?: string }): { nextToken?: string } {
  return page.nextToken ? { nextToken: page.nextToken } : {}
}

/** The page of a list the documents order "most recent first" (tasks, workflows), whatever the query asks. */
export function newestFirstPage(query: Record<string, unknown>, size: number): PageRequest {
  return { ...pageRequest(query, size), direction: 'desc' }
}

/** A filter of several values (participantIds=a&participantIds=b); a single value is a list of one. */
export function textList(value: unknown): string[] {
  if (value === undefined) return []
  const list: unknown[] = Array.isArray(value) ? value : [value]
  return list.filter((item): item is string => typeof item === 'string')
}

/**
 * The facets of a list filtered by one value of each of these fields (conversationId=…) and by
 * any of several statuses: one status is a facet too, several a further test of what is walked.
 */
export function fieldQuery<R extends { status: string }>(
  query: Record<string, unknown>,
  fields: readonly string[],
  statuses: string[],
  facetOf: (field: string, value: string) => string,
): { facets: string[]; where?: (item: R) => boolean } {
  const facets = fields.flatMap((field) => (typeof query[field] === 'string' ? [facetOf(field, query[field])] : []))
  const [only] = statuses
  if (statuses.length === 1 && only !== undefined) return { facets: [...facets, facetOf('status', only)] }
  return statuses.length > 1 ? { facets, where: (item) => statuses.includes(item.status) } : { facets }
}
