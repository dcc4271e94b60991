// Which resources carry which tag value, so get-or-create, tag filters and listTagValues look
// up a few candidates instead of scanning every resource.
import type { Tags } from '../../contract/types.ts'
import { SortedKeys } from './sortedKeys.ts'

interface KeyEntry {
  idsByValue: Map<string, Set<string>>
  /** The distinct values in order, so listTagValues pages without sorting them all. */
  values: SortedKeys
}

const valueKey = (value: string) => ({ v: value, id: '' })

export class TagIndex {
  private readonly byKey = new Map<string, KeyEntry>()

  add(id: string, tags: Tags): void {
    for (const [key, value] of Object.entries(tags)) {
      let entry = this.byKey.get(key)
      if (!entry) this.byKey.set(key, (entry = { idsByValue: new Map(), values: new SortedKeys() }))
      let ids = entry.idsByValue.get(value)
      if (!ids) {
        entry.idsByValue.set(value, (ids = new Set()))
        entry.values.add(valueKey(value))
      }
      ids.add(id)
    }
  }

  remove(id: string, tags: Tags): void {
    for (const [key, value] of Object.entries(tags)) {
      const entry = this.byKey.get(key)
      const ids = entry?.idsByValue.get(value)
      if (!entry || !ids) continue
      ids.delete(id)
      if (ids.size > 0) continue
      entry.idsByValue.delete(value)
      entry.values.remove(valueKey(value))
      if (entry.idsByValue.size === 0) this.byKey.delete(key)
    }
  }

  /** Ids whose tag key has exactly this value. */
  idsWith(key: string, value: string): ReadonlySet<string> {
    return this.byKey.get(key)?.idsByValue.get(value) ?? new Set()
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

  /** The distinct values of a key, in order (each as a key whose v is the value). */
  valuesOf(key: string): SortedKeys {
    return this.byKey.get(key)?.values ?? new SortedKeys()
  }
}
