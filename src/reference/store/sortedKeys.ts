// Keys kept in (sort value, id) order as resources come and go, so a page starts with a binary
// search instead of a sort of everything stored: the cost of one page does not grow with the store.
// A plain sorted array: appending in order (new messages) is cheap, and an insertion or removal
// in the middle moves memory (microseconds at 100,000 keys), which is far cheaper than sorting.
export type SortDirection = 'asc' | 'desc'

export interface Cursor {
  v: string
  id: string
}

export function compareCursors(a: Cursor, b: Cursor): number {
  if (a.v !== b.v) return a.v < b.v ? -1 : 1
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

export class SortedKeys {
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

  private holdsAt(index: number, key: Cursor): boolean {
    const found = this.keys[index]
    return found !== undefined && compareCursors(found, key) === 0
  }

  add(key: Cursor): void {
    const index = this.lowerBound(key)
    if (!this.holdsAt(index, key)) this.keys.splice(index, 0, { v: key.v, id: key.id })
  }

  remove(key: Cursor): void {
    const index = this.lowerBound(key)
    if (this.holdsAt(index, key)) this.keys.splice(index, 1)
  }

  /** The keys strictly after `after` in the direction's order (all of them when undefined). */
  *after(after: Cursor | undefined, direction: SortDirection = 'asc'): Generator<Cursor> {
    if (direction === 'asc') {
      let index = after ? this.lowerBound(after) : 0
      if (after && this.holdsAt(index, after)) index++
      for (; index < this.keys.length; index++) yield this.keys[index] as Cursor
    } else {
      for (let index = (after ? this.lowerBound(after) : this.keys.length) - 1; index >= 0; index--)
        yield this.keys[index] as Cursor
    }
  }
}
