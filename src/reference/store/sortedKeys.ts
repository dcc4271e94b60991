// Keys kept in (sort value, id) order as resources come and go, so a page starts with a binary
// search instead of a sort of everything stored: the cost of one page does not grow with the store.
// A plain sorted array: appending in order (new resources) is cheap, and an insertion or removal
// in the middle moves memory (microseconds at 100,000 keys), which is far cheaper than sorting.
export type SortDirection = 'asc' | 'desc'

export interface Cursor {
  v: string
  id: string
}

/** Inclusive bounds on the sort value (afterDate/beforeDate); an absent bound does not limit. */
export interface ValueRange {
  lowest?: string | undefined
  highest?: string | undefined
}

export function compareCursors(a: Cursor, b: Cursor): number {
  if (a.v !== b.v) return a.v < b.v ? -1 : 1
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

export class SortedKeys {
  /** Kept as given (several indexes share one key object): a key must not change once added. */
  private readonly keys: Cursor[] = []

  get size(): number {
    return this.keys.length
  }

  /** Index of the first key that is not before `key`. */
  private lowerBound(key: Cursor): number {
    let low = 0
    let high = this.keys.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if (compareCursors(this.keys[middle] as Cursor, key) < 0) low = middle + 1
      else high = middle
    }
    return low
  }

  /** Index of the first key whose value is at least `v` (inclusive) or above it (exclusive). */
  private valueBound(v: string, inclusive: boolean): number {
    let low = 0
    let high = this.keys.length
    while (low < high) {
      const middle = (low + high) >>> 1
      const at = (this.keys[middle] as Cursor).v
      if (at < v || (!inclusive && at === v)) low = middle + 1
      else high = middle
    }
    return low
  }

  /** The indexes [start, end) of the keys whose value is within the range. */
  private span(range: ValueRange): [number, number] {
    const start = range.lowest === undefined ? 0 : this.valueBound(range.lowest, true)
    const end = range.highest === undefined ? this.keys.length : this.valueBound(range.highest, false)
    return [start, Math.max(start, end)]
  }

  private holdsAt(index: number, key: Cursor): boolean {
    const found = this.keys[index]
    return found !== undefined && compareCursors(found, key) === 0
  }

  add(key: Cursor): void {
    // New resources come last: one comparison instead of a search.
    const last = this.keys[this.keys.length - 1]
    if (!last || compareCursors(last, key) < 0) {
      this.keys.push(key)
      return
    }
    const index = this.lowerBound(key)
    if (!this.holdsAt(index, key)) this.keys.splice(index, 0, key)
  }

  remove(key: Cursor): void {
    const index = this.lowerBound(key)
    if (this.holdsAt(index, key)) this.keys.splice(index, 1)
  }

  /** How many keys have a value within the range: two binary searches. */
  count(range: ValueRange = {}): number {
    const [start, end] = this.span(range)
    return end - start
  }

  /** The keys strictly after `after` in the direction's order (all of them when undefined). */
  after(after: Cursor | undefined, direction: SortDirection = 'asc'): Generator<Cursor> {
    return this.walk(after, direction)
  }

  /**
   * The keys with a value within `range`, strictly after `after` in the direction's order: the
   * walk starts at whichever is further along (one binary search) and stops at the range's end.
   */
  *walk(after: Cursor | undefined, direction: SortDirection = 'asc', range: ValueRange = {}): Generator<Cursor> {
    const [start, end] = this.span(range)
    if (direction === 'asc') {
      let index = start
      if (after) {
        const found = this.lowerBound(after)
        index = Math.max(index, this.holdsAt(found, after) ? found + 1 : found)
      }
      for (; index < end; index++) yield this.keys[index] as Cursor
    } else {
      let index = end - 1
      if (after) index = Math.min(index, this.lowerBound(after) - 1)
      for (; index >= start; index--) yield this.keys[index] as Cursor
    }
  }
}
