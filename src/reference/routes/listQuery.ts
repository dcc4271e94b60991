// Reading the common list parameters: page token, sort, and inclusive date bounds (S7).
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
