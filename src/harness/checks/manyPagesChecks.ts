// S7 across several pages, as a property per kind: CONFORMANCE_LIST_SIZE resources are made
// once, with seeded tags; each case is a query (a tag filter, a sortField and sortDirection)
// walked to its last page, which must visit every matching resource exactly once, hold the
// filter on every page and keep the order across pages. No page size is assumed: a target that
// answers in one page still passes, and the test records that as an observation.
import { documentedValue, documentedValues } from '../../../fixtures/contractFields.ts'
import { listQueries, type ListQuery, type SortOptions } from '../../../fixtures/listQueries.ts'
import { caseTags, symbols } from '../../../fixtures/tagMaps.ts'
import { operation } from '../../contract/operations.ts'
import { contractSchemas } from '../../contract/schemaRegistry.ts'
import type { Tags } from '../../contract/types.ts'
import { test } from '../runner/playwrightTest.ts'
import type { CheckContext } from './checkContext.ts'
import type { Check } from './check.ts'
import { expectSuccess, expectThat } from './expectations.ts'
import { matchesFilter } from './listChecks.ts'
import { byId, expectListed, walkPages, type Walk } from './listWalk.ts'
import { defineProperty } from './property.ts'
import type { TaggedKind } from './resourceKinds.ts'
import { createResource, type TaggedResource } from './taggedResource.ts'
import { propertyTagKeys } from './tagPropertyChecks.ts'

/** Creations sent at once: quick on a remote target, gentle on its rate limits. */
const batchSize = 5

interface ManyResources {
  created: TaggedResource[]
  scope: Record<string, unknown>
  /** Makes the symbolic tags of a case real (unique to this check's resources). */
  real: (symbolic: Tags) => Tags
}

/** Mostly the first symbol (which filters shrink toward), so that filtered lists span pages too. */
function mostlyFirst(f: CheckContext): string {
  return f.values.faker.helpers.weightedArrayElement(
    symbols.map((value, index) => ({ value, weight: index === 0 ? 4 : 1 })),
  )
}

async function createMany(f: CheckContext, kind: TaggedKind, keys: string[]): Promise<ManyResources> {
  const mark = f.values.unique('list')
  const real = (symbolic: Tags) => caseTags(mark, symbolic)
  const created: TaggedResource[] = []
  let scope: Record<string, unknown> = {}
  for (let start = 0; start < f.harness.listSize; start += batchSize) {
    const count = Math.min(batchSize, f.harness.listSize - start)
    const tags = Array.from({ length: count }, () => real(Object.fromEntries(keys.map((key) => [key, mostlyFirst(f)]))))
    for (const { body, resource } of await Promise.all(tags.map((t) => createResource(f, kind, t)))) {
      created.push(resource)
      scope = kind.scopeOf(body, f)
    }
  }
  return { created, scope, real }
}

/** The sort options of a kind's list, from its query schema; undefined when it cannot be sorted. */
function sortOptions(kind: TaggedKind): SortOptions | undefined {
  const file = operation(kind.ops.list).query
  if (!file || !('sortField' in ((contractSchemas().schemaOf(file).properties as object | undefined) ?? {})))
    return undefined
  return {
    fields: documentedValues(file, 'sortField'),
    directions: documentedValues(file, 'sortDirection'),
  }
}

function expectOrder(walk: Walk<TaggedResource>, sort: NonNullable<ListQuery['sort']>, ascending: string): void {
  const sign = sort.direction === ascending ? 1 : -1
  const dateOf = (item: TaggedResource | undefined) => Date.parse(String(item?.[sort.field]))
  const at = walk.items.findIndex((item, i) => i > 0 && sign * (dateOf(item) - dateOf(walk.items[i - 1])) < 0)
  const [before, after] = [walk.items[at - 1], walk.items[at]]
  expectThat(
    at < 0,
    walk.lastReply,
    `sortDirection ${sort.direction} must order by ${sort.field} ${sign > 0 ? 'ascending' : 'descending'}: item ${at + 1} (${after?.id}, ${String(after?.[sort.field])}) comes after ${before?.id} (${String(before?.[sort.field])})`,
  )
}

function observeSinglePage(kind: TaggedKind, walk: Walk<TaggedResource>, count: number): void {
  if (walk.pages > 1 || walk.items.length < count) return
  test.info().annotations.push({
    type: 'observation',
    description: `${kind.ops.list} answered all ${count} ${kind.plural} in one page: pagination was not exercised (raise CONFORMANCE_LIST_SIZE)`,
  })
}

export const pagesProperty = (kind: TaggedKind): Check => {
  const sorting = sortOptions(kind)
  const listFile = operation(kind.ops.list).query as string
  let many: ManyResources | undefined
  return defineProperty(
    {
      id: `S7.${kind.name}.pages-property`,
      operation: kind.ops.list,
      summary: `${kind.ops.list} over many ${kind.plural}, with random tag filters${sorting ? ' and sorts' : ''}, walked to its last page: each match exactly once, the filter on every page${sorting ? ', the order across pages' : ''}`,
    },
    async (f) => {
      const keys = await propertyTagKeys(f, kind, 1)
      many = await createMany(f, kind, keys)
      // Updated oldest first, so that the order by updatedAt is not the order by createdAt.
      for (const resource of many.created.slice(0, 3)) {
        expectSuccess(
          await f.api.call(kind.ops.update, { params: { id: resource.id }, body: kind.updateBody(f, {}) }),
          '(prerequisite)',
        )
      }
      return listQueries(keys, sorting)
    },
    async (f, { filter, sort }) => {
      const { created, scope, real } = many as ManyResources
      const narrowing = { ...scope, tags: { ...(scope.tags as Tags | undefined), ...real(filter) } }
      const query = { ...narrowing, ...(sort ? { sortField: sort.field, sortDirection: sort.direction } : {}) }
      const walk = await walkPages<TaggedResource>(f.api, kind.ops.list, kind.plural, { query })
      observeSinglePage(kind, walk, created.length)
      expectListed(walk, {
        keyOf: byId,
        wanted: created.filter((r) => matchesFilter(narrowing, r)).map(byId),
        outside: (item) => !matchesFilter(narrowing, item),
        filter: `the tags ${JSON.stringify(narrowing.tags)}`,
        show: (item) => `${item.id} with tags ${JSON.stringify(item.tags)}`,
        perPage: true,
      })
      if (sort) expectOrder(walk, sort, documentedValue(listFile, ['sortDirection'], 'asc'))
    },
  )
}
