// Reading the common list parameters: page token, sort, and inclusive date bounds (S7).
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
