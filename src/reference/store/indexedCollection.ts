// A collection whose lists cost the same however much it holds: resources by id, each kept in
// order (per sort field) for the whole collection and for each of its facets (a value lists
// filter on: a tag, a channel, a conversation it takes part in). A list walks the narrowest
// facet's keys in the sort order from where the page token left off, and stops when the page is
// full: no sort, no scan of the store. Indexes are updated on every write.
import { notFound } from '../apiError.ts'
import { readToken, takePage, type Page, type PageRequest } from './paging.ts'
import { compareCursors, SortedKeys, type Cursor, type ValueRange } from './sortedKeys.ts'

/** A value a list filters on, as `facet(name, value)`: the resources that have it are kept in order. */
export type Facet = string

export function facet(name: string, value: string): Facet {
  return `${name}\u0000${value}`
}

/** The fields of R that hold an ISO date (or another string that sorts as the resources should). */
export type DateField<R> = { [K in keyof R]-?: R[K] extends string ? K : never }[keyof R] & string

export interface CollectionShape<R> {
  /** What the resource is called in a 404's message. */
  kind: string
  /** The fields lists sort by, each kept in order. Default: createdAt and updatedAt. */
  orders?: readonly DateField<R>[]
  /** The facets a resource has by its own fields (link adds others, e.g. relations). */
  facetsOf?: (item: R) => Iterable<Facet>
}

export interface ListQuery<R> {
  /** Every one of these facets (a resource with all of them is listed). */
  facets?: readonly Facet[]
  /** Inclusive bounds on one of the ordered fields (afterDate/beforeDate). */
  range?: (ValueRange & { field: DateField<R> }) | undefined
  /** Any further test a listed resource must pass; checked only on the resources walked. */
  where?: (item: R) => boolean
  sortField: DateField<R>
}

/** Resources in each order (all of them, or those with one facet): one SortedKeys per order. */
interface Ordered {
  byOrder: SortedKeys[]
}

function within(value: string, range: ValueRange): boolean {
  return (
    (range.lowest === undefined || value >= range.lowest) && (range.highest === undefined || value <= range.highest)
  )
}

export class IndexedCollection<R extends { id: string }> {
  private readonly items = new Map<string, R>()
  readonly kind: string
  private readonly orders: readonly DateField<R>[]
  private readonly facetsOf: (item: R) => Iterable<Facet>
  private readonly all: Ordered
  private readonly byFacet = new Map<Facet, Ordered>()
  /** Facets given by link (relations), by resource id; they are kept apart from those of facetsOf. */
  private readonly linked = new Map<string, Set<Facet>>()

  constructor(shape: CollectionShape<R>) {
    this.kind = shape.kind
    this.orders = shape.orders ?? (['createdAt', 'updatedAt'] as DateField<R>[])
    this.facetsOf = shape.facetsOf ?? (() => [])
    this.all = this.newOrdered()
  }

  private newOrdered(): Ordered {
    return { byOrder: this.orders.map(() => new SortedKeys()) }
  }

  get size(): number {
    return this.items.size
  }

  find(id: string): R | undefined {
    return this.items.get(id)
  }

  get(id: string): R {
    const item = this.items.get(id)
    if (!item) throw notFound(this.kind, id)
    return item
  }

  has(id: string): boolean {
    return this.items.has(id)
  }

  values(): IterableIterator<R> {
    return this.items.values()
  }

  /** Stores a new or changed resource and moves it in every index it changed place in. */
  put(item: R): R {
    const previous = this.items.get(item.id)
    this.items.set(item.id, item)
    if (previous) this.move(previous, item)
    else this.enter(item)
    this.changed(previous, item)
    return item
  }

  remove(id: string): R {
    const item = this.get(id)
    this.items.delete(id)
    const keys = this.keysOf(item)
    keys.forEach((key, order) => this.all.byOrder[order]?.remove(key))
    for (const f of this.facetsOf(item)) this.leave(f, keys)
    for (const f of this.linked.get(id) ?? []) this.leave(f, keys)
    this.linked.delete(id)
    this.changed(item, undefined)
    return item
  }

  /** For collections that keep further indexes (TaggedCollection's tag values): called after every put and remove. */
  protected changed(_previous: R | undefined, _next: R | undefined): void {}

  /** Gives a resource a facet that its fields do not show (a relation); it keeps it across updates. */
  link(id: string, to: Facet): void {
    let facets = this.linked.get(id)
    if (!facets) this.linked.set(id, (facets = new Set()))
    if (facets.has(to)) return
    facets.add(to)
    // Only this facet's indexes change: a resource with many links is not placed anew for each.
    const item = this.items.get(id)
    if (item) this.join(to, this.keysOf(item))
  }

  unlink(id: string, from: Facet): void {
    const facets = this.linked.get(id)
    if (!facets?.delete(from)) return
    if (facets.size === 0) this.linked.delete(id)
    const item = this.items.get(id)
    if (item && !this.hasOwnFacet(item, from)) this.leave(from, this.keysOf(item))
  }

  /** Whether a stored resource has a facet, by its fields or a link. */
  hasFacet(id: string, f: Facet): boolean {
    const item = this.items.get(id)
    return item !== undefined && (this.linked.get(id)?.has(f) === true || this.hasOwnFacet(item, f))
  }

  /** The ids of the resources that have a facet (read from its index: costs one step per resource). */
  idsWith(of: Facet): ReadonlySet<string> {
    return new Set([...(this.byFacet.get(of)?.byOrder[0]?.after(undefined) ?? [])].map((key) => key.id))
  }

  /** The keys (field value, id) of the resources that have a facet (all of them: undefined), in order. */
  keysWith(of: Facet | undefined, field: DateField<R>): SortedKeys {
    const ordered = of === undefined ? this.all : this.byFacet.get(of)
    return ordered?.byOrder[this.orderIndex(field)] ?? new SortedKeys()
  }

  /**
   * One page of the resources that have every facet, are in the range and pass `where`, in the
   * sort field's order. Walks the narrowest facet's keys from the token's position, so a page
   * costs about its size; only resources that fail a further test (a second facet, a range on
   * another field, `where`) add to the walk.
   */
  list(query: ListQuery<R>, request: PageRequest): Page<R> {
    const after = readToken(request.nextToken)
    const direction = request.direction ?? 'asc'
    const facets = query.facets ?? []
    const driver = this.narrowest(facets)
    if (!driver) return { items: [] }
    const others = facets.filter((f) => this.byFacet.get(f) !== driver)
    const { range, where } = query
    const sortIndex = this.orderIndex(query.sortField)
    const rangeOnSort = range === undefined || range.field === query.sortField
    const passes = (item: R) =>
      others.every((f) => this.hasFacet(item.id, f)) &&
      (rangeOnSort || within(item[range.field] as string, range)) &&
      (!where || where(item))
    const items = this.items
    function* entries(keys: Iterable<Cursor>) {
      for (const key of keys) {
        const item = items.get(key.id) as R
        yield { key, item: passes(item) ? item : undefined }
      }
    }
    const sorted = driver.byOrder[sortIndex] as SortedKeys
    if (rangeOnSort) return takePage(entries(sorted.walk(after, direction, range)), request.size) as Page<R>

    // A range on another field than the sort (listUsers' rangeField): walk the sort order while
    // that costs no more than reading the range itself; else read the range and sort only it.
    const ranged = driver.byOrder[this.orderIndex(range.field)] as SortedKeys
    const walked = takePage(entries(sorted.walk(after, direction)), request.size, ranged.count(range))
    if (walked) return walked
    const sign = direction === 'desc' ? -1 : 1
    const found: { key: Cursor; item: R }[] = []
    for (const { item } of entries(ranged.walk(undefined, 'asc', range))) {
      const key = item && { v: item[query.sortField] as string, id: item.id }
      if (item && key && (!after || sign * compareCursors(key, after) > 0)) found.push({ key, item })
    }
    found.sort((a, b) => sign * compareCursors(a.key, b.key))
    return takePage(found, request.size) as Page<R>
  }

  /** The first resource a list would show (e.g. the oldest match, sorting by createdAt). */
  first(query: ListQuery<R>): R | undefined {
    return this.list(query, { size: 1 }).items[0]
  }

  private orderIndex(field: DateField<R>): number {
    const index = this.orders.indexOf(field)
    if (index < 0) throw new Error(`${this.kind}s are not kept in ${field} order`)
    return index
  }

  /** The facet with the fewest resources (all resources when none is asked); undefined when one has none. */
  private narrowest(facets: readonly Facet[]): Ordered | undefined {
    let narrowest: Ordered | undefined
    const size = (ordered: Ordered) => ordered.byOrder[0]?.size ?? 0
    for (const f of facets) {
      const members = this.byFacet.get(f)
      if (!members) return undefined
      if (!narrowest || size(members) < size(narrowest)) narrowest = members
    }
    return narrowest ?? this.all
  }

  /** One key per order, shared by every index of that order. */
  private keysOf(item: R): Cursor[] {
    const keys: Cursor[] = []
    for (const field of this.orders) keys.push({ v: item[field] as string, id: item.id })
    return keys
  }

  private hasOwnFacet(item: R, f: Facet): boolean {
    for (const own of this.facetsOf(item)) if (own === f) return true
    return false
  }

  /** A new resource: appended to every index it belongs in (its dates are usually the newest). */
  private enter(item: R): void {
    const keys = this.keysOf(item)
    keys.forEach((key, order) => this.all.byOrder[order]?.add(key))
    for (const f of this.facetsOf(item)) this.join(f, keys)
    for (const f of this.linked.get(item.id) ?? []) this.join(f, keys)
  }

  /** A changed resource: moves only in the orders whose field changed and the facets it gained or lost. */
  private move(previous: R, item: R): void {
    const { id } = item
    const linked = this.linked.get(id)
    const before = new Set(this.facetsOf(previous))
    const after = new Set(this.facetsOf(item))
    const oldKeys = this.keysOf(previous)
    const newKeys = this.keysOf(item)
    for (const f of before) if (!after.has(f) && !linked?.has(f)) this.leave(f, oldKeys)
    const kept = [this.all, ...[...before, ...(linked ?? [])].filter((f) => after.has(f) || linked?.has(f))]
    for (let order = 0; order < this.orders.length; order++) {
      const old = oldKeys[order] as Cursor
      const next = newKeys[order] as Cursor
      if (compareCursors(old, next) === 0) continue
      for (const ordered of kept) {
        const keys = (typeof ordered === 'string' ? (this.byFacet.get(ordered) as Ordered) : ordered).byOrder[order]
        keys?.remove(old)
        keys?.add(next)
      }
    }
    for (const f of after) if (!before.has(f) && !linked?.has(f)) this.join(f, newKeys)
  }

  /** Puts a resource (its keys) in one facet's indexes. */
  private join(to: Facet, keys: readonly Cursor[]): void {
    let ordered = this.byFacet.get(to)
    if (!ordered) this.byFacet.set(to, (ordered = this.newOrdered()))
    for (let order = 0; order < keys.length; order++) ordered.byOrder[order]?.add(keys[order] as Cursor)
  }

  /** Takes a resource (its keys) out of one facet's indexes. */
  private leave(from: Facet, keys: readonly Cursor[]): void {
    const ordered = this.byFacet.get(from)
    if (!ordered) return
    keys.forEach((key, order) => ordered.byOrder[order]?.remove(key))
    if (ordered.byOrder[0]?.size === 0) this.byFacet.delete(from)
  }
}
