// S7: a list narrowed to what a check created finds each of them exactly once, across pages,
// and nothing that does not match the filter.
import { defineCheck, type Check } from './check.ts'
import { expectThat } from './expectations.ts'
import { walkPages } from './pagination.ts'
import type { TaggedKind } from './resourceKinds.ts'
import { createResource, type TaggedResource } from './taggedResource.ts'

/** Whether a listed resource matches a list filter: tags by every given tag, other filters by equality. */
export function matchesFilter(filter: Record<string, unknown>, item: TaggedResource): boolean {
  return Object.entries(filter).every(([key, value]) =>
    key === 'tags' ? Object.entries(value as Record<string, string>).every(([k, v]) => item.tags[k] === v) : item[key] === value,
  )
}

export const listFindsCreated = (kind: TaggedKind): Check =>
  defineCheck(
    {
      id: `S7.${kind.name}.list-finds-created`,
      operation: kind.ops.list,
      summary: `${kind.ops.list} narrowed to the ${kind.plural} a check made lists each of them once and nothing else`,
    },
    async (f) => {
      const created: TaggedResource[] = []
      let scope: Record<string, unknown> = {}
      for (let i = 0; i < 3; i++) {
        const { body, resource } = await createResource(f, kind)
        created.push(resource)
        scope = kind.scopeOf(body, f)
      }
      const walk = await walkPages<TaggedResource>(f.api, kind.ops.list, kind.plural, { query: scope })
      for (const resource of created) {
        const times = walk.items.filter((item) => item.id === resource.id).length
        expectThat(times === 1, walk.lastReply, `${kind.name} ${resource.id} must be listed once, was listed ${times} times over ${walk.pages} pages`)
      }
      const outsider = walk.items.find((item) => !matchesFilter(scope, item))
      expectThat(outsider === undefined, walk.lastReply, `listed ${outsider?.id}, which does not match ${JSON.stringify(scope)}`)
    },
  )
