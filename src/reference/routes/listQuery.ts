// Reading the common list parameters: page token, sort, inclusive date bounds, tag and other filters (S7).
import { ApiError } from '../apiError.ts'
import type { PageRequest, SortDirection } from '../store/paging.ts'

export function pageRequest(query: Record<string, unknown>, size: number): PageRequest {
  return {
    nextToken: typeof query.nextToken === 'string' && query.nextToken ? query.nextToken : undefined,
    direction: (query.sortDirection as SortDirection | undefined) ?? 'asc',
    size,
  }
}

function dateBound(query: Record<string, unknown>, name: string): string | undefined {
  const value = query[name]
  if (value === undefined || value === '') return undefined
  const time = typeof value === 'string' ? Date.parse(value) : Number.NaN
  if (Number.isNaN(time)) throw new ApiError('InvalidQuery', `${name} is not a date: ${JSON.stringify(value)}`)
  return new Date(time).toISOString()
}

/** A predicate for afterDate/beforeDate, both inclusive, on one date field. */
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

/** The page of a list the documents order "most recent first" (tasks, workflows), whatever the query asks. */
export function newestFirstPage(query: Record<string, unknown>, size: number): PageRequest {
  return { ...pageRequest(query, size), direction: 'desc' }
}

/** A predicate for filters that each name a field and the value it must have (conversationId=…); absent ones pass all. */
export function fieldFilters<R>(
  query: Record<string, unknown>,
  fields: readonly (keyof R & string)[],
): (item: R) => boolean {
  const wanted = fields.flatMap((field) => (typeof query[field] === 'string' ? [[field, query[field]] as const] : []))
  return (item) => wanted.every(([field, value]) => item[field] === value)
}

/** A predicate for a filter of several allowed values of one field (status=a&status=b); absent, it passes all. */
export function oneOf<R>(value: unknown, field: keyof R & string): (item: R) => boolean {
  const allowed = textList(value)
  return (item) => allowed.length === 0 || allowed.includes(item[field] as string)
}

/** A filter of several values (participantIds=a&participantIds=b); a single value is a list of one. */
export function textList(value: unknown): string[] {
  if (value === undefined) return []
  const list: unknown[] = Array.isArray(value) ? value : [value]
  return list.filter((item): item is string => typeof item === 'string')
}
