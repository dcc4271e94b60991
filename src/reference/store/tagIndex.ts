// Which resources carry which tag value, so get-or-create, tag filters and listTagValues look
// up a few candidates instead of scanning every resource.
import type { Tags } from '../../harness/contract/types.ts'

export class TagIndex {
  private readonly byKey = new Map<string, Map<string, Set<string>>>()

  add(id: string, tags: Tags): void {
    for (const [key, value] of Object.entries(tags)) {
      let values = this.byKey.get(key)
      if (!values) this.byKey.set(key, (values = new Map<string, Set<string>>()))
      let ids = values.get(value)
      if (!ids) values.set(value, (ids = new Set()))
      ids.add(id)
    }
  }

  remove(id: string, tags: Tags): void {
    for (const [key, value] of Object.entries(tags)) {
      const values = this.byKey.get(key)
      const ids = values?.get(value)
      if (!values || !ids) continue
      ids.delete(id)
      if (ids.size === 0) values.delete(value)
      if (values.size === 0) this.byKey.delete(key)
    }
  }

  /** Ids whose tag key has exactly this value. */
  idsWith(key: string, value: string): ReadonlySet<string> {
    return this.byKey.get(key)?.get(value) ?? new Set()
  }

  /** The smallest candidate set that every resource matching all these tags is in. */
  candidates(tags: Tags): ReadonlySet<string> | undefined {
    let smallest: ReadonlySet<string> | undefined
    for (const [key, value] of Object.entries(tags)) {
      const ids = this.idsWith(key, value)
      if (!smallest || ids.size < smallest.size) smallest = ids
    }
    return smallest
  }

  /** The distinct values of a key, in no particular order. */
  valuesOf(key: string): Iterable<string> {
    return this.byKey.get(key)?.keys() ?? []
  }
}
