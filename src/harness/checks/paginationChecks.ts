// S7 across several pages: a list narrowed to the CONFORMANCE_LIST_SIZE resources a check made
// visits each exactly once, a tag filter holds on every page, and sortDirection's two values
// order the pages by sortField in opposite directions. No page size is assumed: a target that
// answers in one page still passes, and the test records that as an observation.
import { documentedValue } from '../../../fixtures/contractFields.ts'
import { operation } from '../contract/operations.ts'
import { contractSchemas } from '../contract/schemaRegistry.ts'
import type { Tags } from '../contract/types.ts'
import { test, type CheckFixtures } from '../conformanceTest.ts'
import { defineCheck, type Check } from './check.ts'
import { expectSuccess, expectThat } from './expectations.ts'
import { matchesFilter } from './listChecks.ts'
import { walkPages, type Walk } from './pagination.ts'
import type { TaggedKind } from './resourceKinds.ts'
import { createResource, type TaggedResource } from './taggedResource.ts'

/** Creations sent at once: quick on a remote target, gentle on its rate limits. */
const batchSize = 5

async function createMany(f: CheckFixtures, kind: TaggedKind, tagsOf: (index: number) => Tags): Promise<{ created: TaggedResource[]; scope: Record<string, unknown> }> {
  const created: TaggedResource[] = []
  let scope: Record<string, unknown> = {}
  for (let start = 0; start < f.harness.listSize; start += batchSize) {
    const indexes = Array.from({ length: Math.min(batchSize, f.harness.listSize - start) }, (_, i) => start + i)
    for (const { body, resource } of await Promise.all(indexes.map((index) => createResource(f, kind, tagsOf(index))))) {
      created.push(resource)
      scope = kind.scopeOf(body, f)
    }
  }
  return { created, scope }
}

function expectEachOnce(kind: TaggedKind, walk: Walk<TaggedResource>, expected: TaggedResource[], what: string): void {
  const times = new Map<string, number>()
  for (const item of walk.items) times.set(item.id, (times.get(item.id) ?? 0) + 1)
  const missing = expected.filter((r) => !times.has(r.id)).map((r) => r.id)
  const repeated = expected.filter((r) => (times.get(r.id) ?? 0) > 1).map((r) => `${r.id} (${times.get(r.id)} times)`)
  const problems = [
    ...(missing.length ? [`${missing.length} never listed: ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''}`] : []),
    ...(repeated.length ? [`${repeated.length} listed more than once: ${repeated.slice(0, 5).join(', ')}`] : []),
  ]
  expectThat(
    problems.length === 0,
    walk.lastReply,
    `walking ${walk.pages} pages ${what} must visit each of the ${expected.length} ${kind.plural} exactly once: ${problems.join('; ')}`,
  )
}

function expectFilterOnEveryPage(walk: Walk<TaggedResource>, filter: Record<string, unknown>): void {
  walk.byPage.forEach((page, index) => {
    const outsider = page.items.find((item) => !matchesFilter(filter, item))
    expectThat(outsider === undefined, page.reply, `page ${index + 1} lists ${outsider?.id}, which does not match the filter ${JSON.stringify(filter)}`)
  })
}

function observeSinglePage(kind: TaggedKind, walk: Walk<TaggedResource>, count: number): void {
  if (walk.pages > 1) return
  test.info().annotations.push({
    type: 'observation',
    description: `${kind.ops.list} answered all ${count} ${kind.plural} in one page: pagination was not exercised (raise CONFORMANCE_LIST_SIZE)`,
  })
}

export const pagesVisitEachOnce = (kind: TaggedKind): Check =>
  defineCheck(
    {
      id: `S7.${kind.name}.pages-visit-each-once`,
      operation: kind.ops.list,
      summary: `${kind.ops.list} walked to its last page lists each of many ${kind.plural} exactly once, and a tag filter holds on every page`,
    },
    async (f) => {
      const marked = { [f.values.tagKey()]: f.values.unique('page') }
      const { created, scope } = await createMany(f, kind, (index) => (index % 2 === 0 ? marked : {}))
      const all = await walkPages<TaggedResource>(f.api, kind.ops.list, kind.plural, { query: scope })
      observeSinglePage(kind, all, created.length)
      expectEachOnce(kind, all, created, `of ${JSON.stringify(scope)}`)
      expectFilterOnEveryPage(all, scope)

      const filter = { ...scope, tags: { ...(scope.tags as Tags | undefined), ...marked } }
      const filtered = await walkPages<TaggedResource>(f.api, kind.ops.list, kind.plural, { query: filter })
      expectEachOnce(kind, filtered, created.filter((r) => matchesFilter(filter, r)), `of ${JSON.stringify(filter)}`)
      expectFilterOnEveryPage(filtered, filter)
    },
  )

function listQueryOf(kind: TaggedKind): string | undefined {
  return operation(kind.ops.list).query
}

/** Whether a kind's list can be sorted: its query schema has sortField. */
export function sortable(kind: TaggedKind): boolean {
  const file = listQueryOf(kind)
  return !!file && 'sortField' in ((contractSchemas().schemaOf(file).properties as object | undefined) ?? {})
}

export const sortDirectionsOpposite = (kind: TaggedKind): Check =>
  defineCheck(
    {
      id: `S7.${kind.name}.sort-directions-opposite`,
      operation: kind.ops.list,
      summary: `${kind.ops.list} with each sortField orders its pages ascending with one sortDirection and descending with the other`,
    },
    async (f) => {
      const file = listQueryOf(kind) as string
      const sortFields = contractSchemas().schemaOf(file, 'sortField').enum as string[]
      const directions = [
        { value: documentedValue(file, ['sortDirection'], 'asc'), sign: 1, name: 'ascending' },
        { value: documentedValue(file, ['sortDirection'], 'desc'), sign: -1, name: 'descending' },
      ]
      const { created, scope } = await createMany(f, kind, () => ({}))
      // Updated oldest first, so that the order by updatedAt is not the order by createdAt.
      for (const resource of created.slice(0, 3)) {
        expectSuccess(await f.api.call(kind.ops.update, { params: { id: resource.id }, body: kind.updateBody(f, {}) }), '(prerequisite)')
      }
      for (const sortField of sortFields) {
        for (const direction of directions) {
          const query = { ...scope, sortField, sortDirection: direction.value }
          const walk = await walkPages<TaggedResource>(f.api, kind.ops.list, kind.plural, { query })
          if (sortField === sortFields[0] && direction.sign > 0) observeSinglePage(kind, walk, created.length)
          expectEachOnce(kind, walk, created, `sorted by ${sortField} ${direction.value}`)
          const at = walk.items.findIndex((item, i) => {
            const previous = walk.items[i - 1]
            return previous !== undefined && direction.sign * (Date.parse(String(item[sortField])) - Date.parse(String(previous[sortField]))) < 0
          })
          const [before, after] = [walk.items[at - 1], walk.items[at]]
          expectThat(
            at < 0,
            walk.lastReply,
            `sortDirection ${direction.value} must order by ${sortField} ${direction.name}: item ${at + 1} (${after?.id}, ${String(after?.[sortField])}) comes after ${before?.id} (${String(before?.[sortField])})`,
          )
        }
      }
    },
  )

export const paginationChecks = (kind: TaggedKind): Check[] => [pagesVisitEachOnce(kind), ...(sortable(kind) ? [sortDirectionsOpposite(kind)] : [])]
