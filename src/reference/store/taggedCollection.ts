// Users, conversations and messages share one way of being stored: an IndexedCollection whose
// tags are facets too (a tag filter walks the tagged resources in order) and are indexed by key
// and value, so get-or-create matching and listTagValues do not scan the collection.
import type { Tags } from '../../contract/types.ts'
import { facet, IndexedCollection, type CollectionShape, type DateField, type Facet } from './indexedCollection.ts'
import { TagIndex } from './tagIndex.ts'
import { hasTags } from './tagMatching.ts'

export interface Tagged {
  id: string
  createdAt: string
  updatedAt: string
  tags: Tags
}

/** The facets of a tag filter: a resource with all of them carries every tag asked for. */
export function tagFacets(tags: Tags | undefined): Facet[] {
  const facets: Facet[] = []
  for (const key in tags) facets.push(facet(`tags.${key}`, tags[key] as string))
  return facets
}

export class TaggedCollection<R extends Tagged> extends IndexedCollection<R> {
  readonly tagIndex = new TagIndex()

  /** A kind alone (`new TaggedCollection('task')`): kept in createdAt and updatedAt order, tags as its only facets. */
  constructor(shape: string | CollectionShape<R>) {
    const { facetsOf, ...rest } = typeof shape === 'string' ? { kind: shape } : shape
    super({
      ...rest,
      facetsOf: (item) => {
        const facets = tagFacets(item.tags)
        if (facetsOf) for (const f of facetsOf(item)) facets.push(f)
        return facets
      },
    })
  }

  /** Keeps the tag index in step with every put and remove. */
  protected override changed(previous: R | undefined, next: R | undefined): void {
    if (previous) this.tagIndex.remove(previous.id, previous.tags)
    if (next) this.tagIndex.add(next.id, next.tags)
  }

  /** Resources carrying every tag of `tags` (all resources when tags is empty), in no order: lists use list(). */
  withTags(tags: Tags | undefined): R[] {
    const candidates = tags ? this.tagIndex.candidates(tags) : undefined
    if (!candidates) return [...this.values()]
    return [...candidates].map((id) => this.get(id)).filter((item) => hasTags(item.tags, tags ?? {}))
  }

  /** The oldest resource that has every wanted tag and passes `inScope`; none when nothing is wanted. */
  oldestMatch(wanted: Tags, inScope?: (item: R) => boolean): R | undefined {
    if (Object.keys(wanted).length === 0) return undefined
    return this.first({ facets: tagFacets(wanted), where: inScope, sortField: 'createdAt' as DateField<R> })
  }
}
