// S7 (S10 for events): every documented filter of every list (from its query schema), alone and
// with one other, over a world of resources made inside and outside each (filterWorlds.ts):
// walked to its last page, the list holds each resource inside every filter of the case exactly
// once, none of the world's resources outside one, and no item — made here or not — that the
// item itself shows to be outside. A date bound sits at a resource's own date: inclusive.
import { filterCases, listFilters, type FilterCase } from '../../../fixtures/derivedCases.ts'
import { operations, type OperationId } from '../../contract/operations.ts'
import type { RuleId } from '../../contract/rules.ts'
import { defineCheck, type Check } from './check.ts'
import { CaseRun } from './derivedCases.ts'
import { filterWorlds, type FilterMeaning, type FilterWorld } from './filterWorlds.ts'
import { expectListed, walkAtMost } from './listWalk.ts'

/** Pages a case may walk: a filter alone may select a shared target's whole history, which a check cannot wait for. */
const pagesAtMost = 50

/** The rule that names an operation's filters: S10 lists the events' own. */
const ruleOfFilters: Partial<Record<OperationId, RuleId>> = { listEvents: 'S10' }

function describeCase(c: FilterCase, meanings: [string, FilterMeaning][]): string {
  const parts = meanings.map(([name, m]) => `${name}=${m.shown ?? JSON.stringify(m.value)}`)
  return `${parts.join(' & ')}${c.filters.length === 1 ? ' alone' : ''}`
}

function intersection(sets: ReadonlySet<string>[]): Set<string> {
  const [first, ...rest] = sets
  return new Set([...(first ?? [])].filter((key) => rest.every((set) => set.has(key))))
}

async function runCase(
  f: Parameters<Check['run']>[0],
  op: OperationId,
  world: FilterWorld,
  meanings: [string, FilterMeaning][],
  description: string,
): Promise<string | void> {
  const query: Record<string, unknown> = {}
  for (const [name, meaning] of meanings) Object.assign(query, meaning.with, { [name]: meaning.value })
  const inside = intersection(meanings.map(([, m]) => m.inside))
  const open = new Set(meanings.flatMap(([, m]) => [...(m.open ?? [])]))
  const ours = new Set(world.ours)
  const walk = await walkAtMost<Record<string, unknown>>(
    f.api,
    op,
    world.listKey,
    { ...(world.params ? { params: world.params } : {}), query },
    pagesAtMost,
  )
  if (!walk) return `still more pages after ${pagesAtMost}: this target holds too many resources for the filter alone`
  expectListed(walk, {
    keyOf: world.keyOf,
    wanted: world.ours.filter((key) => inside.has(key) && !open.has(key)),
    outside: (item) => {
      const key = world.keyOf(item)
      if (ours.has(key)) return !inside.has(key) && !open.has(key)
      return meanings.some(([, m]) => m.holds !== undefined && !m.holds(item))
    },
    filter: description,
  })
}

const derivedFilterCheck = (
  op: OperationId,
  build: (f: Parameters<Check['run']>[0]) => Promise<FilterWorld>,
): Check => {
  const cases = filterCases(op)
  const filters = listFilters(op)
  return defineCheck(
    {
      id: `${ruleOfFilters[op] ?? 'S7'}.${op}.derived-filters`,
      operation: op,
      summary: `${op} narrowed by each of its ${filters.length} documented filters alone and with one other (${cases.length} cases), over resources inside and outside each, lists exactly those inside${filters.some((name) => name.endsWith('Date')) ? ' (date bounds inclusive, at their edge)' : ''}`,
    },
    async (f) => {
      const world = await build(f)
      const run = new CaseRun(f.api.log, op, ['filter'])
      for (const c of cases) {
        const found = c.filters.map((name) => [name, world.meanings[name]] as const)
        const unknown = found.find(([, m]) => m === undefined)
        if (unknown) {
          run.skip('filter', c.filters.join(' & '), `the harness does not know what ${unknown[0]} selects`)
          continue
        }
        const notRun = found.find((entry): entry is [string, { notRun: string }] => !!entry[1] && 'notRun' in entry[1])
        if (notRun) {
          run.skip('filter', c.filters.join(' & '), notRun[1].notRun)
          continue
        }
        const meanings = found as [string, FilterMeaning][]
        const description = describeCase(c, meanings)
        await run.record('filter', description, () => runCase(f, op, world, meanings, description))
      }
      run.finish()
    },
  )
}

/** One check per list operation with documented filters. */
export function derivedFilterChecks(): Check[] {
  return [...operations.keys()].flatMap((op) => {
    // A list whose filters the harness gives no world runs none: the report shows its cases as not run.
    const build = filterWorlds[op]
    return build && filterCases(op).length > 0 ? [derivedFilterCheck(op, build)] : []
  })
}
