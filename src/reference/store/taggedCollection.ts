// Users, conversations and messages share one way of being stored: by id, with their tags
// indexed, so tag lookups and get-or-create matching do not scan the collection.
import type { Tags } from '../../contract/types.ts'
import { notFound } from '../apiError.ts'
import { TagIndex } from './tagIndex.ts'
import { hasTags } from './tagMatching.ts'

export interface Tagged {
  id: string
  createdAt: string
  updatedAt: string
  tags: Tags
}

export class TaggedCollection<R extends Tagged> {
  private readonly items = new Map<string, R>()
  readonly tagIndex = new TagIndex()

  constructor(private readonly kind: string) {}

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

  /** Stores a new or changed resource and keeps the tag index in step. */
  put(item: R): R {
    const previous = this.items.get(item.id)
    if (previous) this.tagIndex.remove(item.id, previous.tags)
    this.items.set(item.id, item)
    this.tagIndex.add(item.id, item.tags)
    return item
  }

  remove(id: string): R {
    const item = this.get(id)
    this.items.delete(id)
    this.tagIndex.remove(id, item.tags)
    return item
  }

  /** Resources carrying every tag of `tags` (all resources when tags is empty). */
  withTags(tags: Tags | undefined): R[] {
    const candidates = tags ? this.tagIndex.candidates(tags) : undefined
    if (!candidates) return [...this.items.values()]
    return [...candidates].map((id) => this.items.get(id) as R).filter((item) => hasTags(item.tags, tags ?? {}))
  }

  /** The oldest resource that has every wanted tag and passes `inScope`; none when nothing is wanted. */
  oldestMatch(wanted: Tags, inScope: (item: R) => boolean = () => true): R | undefined {
    if (Object.keys(wanted).length === 0) return undefined
    let oldest: R | undefined
    for (const item of this.withTags(wanted)) {
      if (inScope(item) && (!oldest || item.createdAt < oldest.createdAt)) oldest = item
    }
    return oldest
  }

  values(): IterableIterator<R> {
    return this.items.values()
  }
}
