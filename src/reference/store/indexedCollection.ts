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

/** The resources that have one facet, in each order. */
interface Members {
  ids: Set<string>
  byOrder: SortedKeys[]
}

/** Where a resource is indexed, so a change moves only what changed. */
interface Placement {
  facets: Set<Facet>
  /** One key per order, shared by every index of that order. */
  keys: Cursor[]
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
  private readonly all: Members
  private readonly byFacet = new Map<Facet, Members>()
  private readonly placements = new Map<string, Placement>()
  private readonly linked = new Map<string, Set<Facet>>()

  constructor(shape: CollectionShape<R>) {
    this.kind = shape.kind
    this.orders = shape.orders ?? (['createdAt', 'updatedAt'] as DateField<R>[])
    this.facetsOf = shape.facetsOf ?? (() => [])
    this.all = this.newMembers()
  }

  private newMembers(): Members {
    return { ids: new Set(), byOrder: this.orders.map(() => new SortedKeys()) }
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
    this.items.set(item.id, item)
    this.place(item.id, item)
    return item
  }

  remove(id: string): R {
    const item = this.get(id)
    this.items.delete(id)
    this.linked.delete(id)
    this.place(id, undefined)
    return item
  }

  /** Gives a resource a facet that its fields do not show (a relation); it keeps it across updates. */
  link(id: string, to: Facet): void {
    let facets = this.linked.get(id)
    if (!facets) this.linked.set(id, (facets = new Set()))
    facets.add(to)
    this.place(id, this.items.get(id))
  }

  unlink(id: string, from: Facet): void {
    const facets = this.linked.get(id)
    if (!facets?.delete(from)) return
    if (facets.size === 0) this.linked.delete(id)
    this.place(id, this.items.get(id))
  }

  /** The ids of the resources that have a facet. */
  idsWith(of: Facet): ReadonlySet<string> {
    return this.byFacet.get(of)?.ids ?? new Set()
  }

  /** The keys (field value, id) of the resources that have a facet (all of them: undefined), in order. */
  keysWith(of: Facet | undefined, field: DateField<R>): SortedKeys {
    const members = of === undefined ? this.all : this.byFacet.get(of)
    return members?.byOrder[this.orderIndex(field)] ?? new SortedKeys()
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
    const others = facets.flatMap((f) => {
      const members = this.byFacet.get(f) as Members
      return members === driver ? [] : [members.ids]
    })
    const { range, where } = query
    const sortIndex = this.orderIndex(query.sortField)
    const rangeOnSort = range === undefined || range.field === query.sortField
    const passes = (item: R) =>
      others.every((ids) => ids.has(item.id)) &&
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
      const key = item && (this.placements.get(item.id) as Placement).keys[sortIndex]
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

  /** The members of the facet with the fewest (all resources when none is asked); undefined when one has none. */
  private narrowest(facets: readonly Facet[]): Members | undefined {
    let narrowest = this.all
    for (const f of facets) {
      const members = this.byFacet.get(f)
      if (!members) return undefined
      if (narrowest === this.all || members.ids.size < narrowest.ids.size) narrowest = members
    }
    return narrowest
  }

  /** Moves a resource to its place in every index (item undefined: out of all of them). */
  private place(id: string, item: R | undefined): void {
    const before = this.placements.get(id)
    const after: Placement | undefined = item && {
      facets: new Set([...this.facetsOf(item), ...(this.linked.get(id) ?? [])]),
      keys: this.orders.map((field) => ({ v: item[field] as string, id })),
    }
    this.orders.forEach((_, order) => {
      const old = before?.keys[order]
      const next = after?.keys[order]
      const moved = !old || !next || compareCursors(old, next) !== 0
      if (after && !moved) after.keys[order] = old
      const update = (members: Members | undefined, had: boolean, has: boolean) => {
        if (!members || (had && has && !moved)) return
        if (had && old) members.byOrder[order]?.remove(old)
        if (has && next) members.byOrder[order]?.add(next)
      }
      update(this.all, before !== undefined, after !== undefined)
      for (const f of before?.facets ?? []) update(this.byFacet.get(f), true, after?.facets.has(f) ?? false)
      for (const f of after?.facets ?? []) if (!before?.facets.has(f)) update(this.membersOf(f), false, true)
    })
    if (before && !after) this.all.ids.delete(id)
    if (after && !before) this.all.ids.add(id)
    for (const f of before?.facets ?? []) {
      if (after?.facets.has(f)) continue
      const members = this.byFacet.get(f)
      members?.ids.delete(id)
      if (members?.ids.size === 0) this.byFacet.delete(f)
    }
    for (const f of after?.facets ?? []) this.membersOf(f).ids.add(id)
    if (after) this.placements.set(id, after)
    else this.placements.delete(id)
  }

  private membersOf(f: Facet): Members {
    let members = this.byFacet.get(f)
    if (!members) this.byFacet.set(f, (members = this.newMembers()))
    return members
  }
}
