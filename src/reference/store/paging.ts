// Keyset pagination: a page token names the last item seen (its sort value and id), never an
// offset, so resources created or deleted while a client walks the pages do not make it skip
// or repeat the others (S7), and a later page starts where the previous one ended.
import { ApiError } from '../apiError.ts'
import { compareCursors, type Cursor, type SortDirection, type SortedKeys } from './sortedKeys.ts'

export type { Cursor, SortDirection } from './sortedKeys.ts'

export interface PageRequest {
  nextToken?: string | undefined
  direction?: SortDirection
  size: number
}

export interface Page<T> {
  items: T[]
  nextToken?: string
}

function encode(cursor: Cursor): string {
  return Buffer.from(JSON.stringify({ v: cursor.v, id: cursor.id })).toString('base64url')
}

/** The position a page token names; undefined for the first page. */
export function readToken(token: string | undefined): Cursor | undefined {
  if (!token) return undefined
  try {
    const cursor = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Cursor
    if (typeof cursor.v === 'string' && typeof cursor.id === 'string') return cursor
  } catch {
    // fall through
  }
  throw new ApiError('InvalidQuery', 'nextToken is not a token this server gave')
}

/**
 * The first `size` entries with an item, and a token when one more follows. With a budget: gives
 * up (undefined) after looking at that many entries without knowing the page, so the caller can
 * answer another way.
 */
export function takePage<T>(
  entries: Iterable<{ key: Cursor; item: T | undefined }>,
  size: number,
  budget = Number.POSITIVE_INFINITY,
): Page<T> | undefined {
  const items: T[] = []
  let last: Cursor | undefined
  let looked = 0
  for (const { key, item } of entries) {
    if (++looked > budget) return undefined
    if (item === undefined) continue
    if (items.length === size && last) return { items, nextToken: encode(last) }
    items.push(item)
    last = key
  }
  return { items }
}

/**
 * One page of items ordered by (sort value, id). sortValue must be a string that orders as the
 * items should (ISO dates do). Sorts every item: for a store that grows, keep the items in a
 * collection with ordered indexes (IndexedCollection.list) or a SortedKeys (pageOfSorted).
 */
export function pageOf<T>(items: Iterable<T>, keyOf: (item: T) => Cursor, request: PageRequest): Page<T> {
  const sign = request.direction === 'desc' ? -1 : 1
  const after = readToken(request.nextToken)
  const keyed = [...items]
    .map((item) => ({ item, key: keyOf(item) }))
    .filter(({ key }) => !after || sign * compareCursors(key, after) > 0)
  keyed.sort((a, b) => sign * compareCursors(a.key, b.key))
  return takePage(keyed, request.size) as Page<T>
}

/** One page read from keys already in order; itemOf answers undefined for a key a filter leaves out. */
export function pageOfSorted<T>(
  keys: SortedKeys,
  itemOf: (key: Cursor) => T | undefined,
  request: PageRequest,
): Page<T> {
  const after = readToken(request.nextToken)
  function* entries() {
    for (const key of keys.after(after, request.direction)) yield { key, item: itemOf(key) }
  }
  return takePage(entries(), request.size) as Page<T>
}

/** The cursor of a resource sorted by one of its date fields. */
export function byField<T extends { id: string }>(field: keyof T): (item: T) => Cursor {
  return (item) => ({ v: String(item[field]), id: item.id })
}
