// Keyset pagination: a page token names the last item seen (its sort value and id), never an
// offset, so resources created or deleted while a client walks the pages do not make it skip
// or repeat the others (S7).
import { ApiError } from '../apiError.ts'

export type SortDirection = 'asc' | 'desc'

export interface PageRequest {
  nextToken?: string | undefined
  direction?: SortDirection
  size: number
}

export interface Page<T> {
  items: T[]
  nextToken?: string
}

interface Cursor {
  v: string
  id: string
}

function encode(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url')
}

function decode(token: string): Cursor {
  try {
    const cursor = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Cursor
    if (typeof cursor.v === 'string' && typeof cursor.id === 'string') return cursor
  } catch {
    // fall through
  }
  throw new ApiError('InvalidQuery', 'nextToken is not a token this server gave')
}

function compare(a: Cursor, b: Cursor): number {
  if (a.v !== b.v) return a.v < b.v ? -1 : 1
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/**
 * One page of items ordered by (sort value, id). sortValue must be a string that orders as the
 * items should (ISO dates do).
 */
export function pageOf<T>(items: Iterable<T>, keyOf: (item: T) => Cursor, request: PageRequest): Page<T> {
  const sign = request.direction === 'desc' ? -1 : 1
  const keyed = [...items].map((item) => ({ item, key: keyOf(item) }))
  keyed.sort((a, b) => sign * compare(a.key, b.key))
  let start = 0
  if (request.nextToken) {
    const after = decode(request.nextToken)
    start = keyed.findIndex(({ key }) => sign * compare(key, after) > 0)
    if (start < 0) start = keyed.length
  }
  const slice = keyed.slice(start, start + request.size)
  const page: Page<T> = { items: slice.map(({ item }) => item) }
  const last = slice[slice.length - 1]
  if (last && start + request.size < keyed.length) page.nextToken = encode(last.key)
  return page
}

/** The cursor of a resource sorted by one of its date fields. */
export function byField<T extends { id: string }>(field: keyof T): (item: T) => Cursor {
  return (item) => ({ v: String(item[field]), id: item.id })
}
