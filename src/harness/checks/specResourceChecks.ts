// What tasks (S14) and workflows (S15) share: read after write, an update that leaves the fields
// it is not sent unchanged, delete then 404, list filters held on every page, and lists "most
// recent first" over every page. Each resource is described once (specResources.ts); these are
// the checks of the description.
import { notFound } from '../../contract/documentedErrors.ts'
import type { ChatOperationId } from '../../contract/operations.ts'
import type { RuleId } from '../../contract/rules.ts'
import type { Reply } from '../client/runtimeClient.ts'
import type { CheckContext } from './checkContext.ts'
import { defineCheck, type Check } from './check.ts'
import { expectError, expectSuccess, expectThat } from './expectations.ts'
import { fieldDiff, subsetDiff } from './fieldDiff.ts'
import { byId, expectListed, walkPages, type Walk } from './listWalk.ts'

/** A spec-scope resource as the API carries it: an id, a creation date, tags. */
export interface SpecResource {
  id: string
  createdAt: string
  tags: Record<string, string>
}

/** One filter of a list: what to make (an item it must list, one it must not) and the query. */
export interface SpecListFilter<R extends SpecResource> {
  name: string
  /** Makes the two items and names the query that tells them apart. */
  arrange(f: CheckContext): Promise<{ query: Record<string, unknown>; wanted: R; other: R }>
  /** Whether a listed item matches the query (every item on every page must). */
  matches(item: R, query: Record<string, unknown>): boolean
}

export interface SpecResourceKind<R extends SpecResource> {
  /** task, workflow: the word in ids and messages. */
  name: string
  rule: RuleId
  key: string
  plural: string
  ops: {
    create: ChatOperationId
    get: ChatOperationId
    update: ChatOperationId
    delete: ChatOperationId
    list: ChatOperationId
  }
  /** A create body with every optional field the check can fill. */
  fullBody(f: CheckContext): Promise<Record<string, unknown>>
  /** An update that sends one field, which the update must set. */
  oneFieldUpdate(f: CheckContext): Record<string, unknown>
  /** Items that fall in one list of their own (a scope): the query naming it, and how to make one more. */
  scope(f: CheckContext): { query: Record<string, unknown>; make: () => Promise<R> }
  filters: SpecListFilter<R>[]
}

const needs = 'specScope' as const

function resourceOf<R>(kind: SpecResourceKind<SpecResource>, reply: Reply): R {
  return (expectSuccess(reply) as Record<string, unknown>)[kind.key] as R
}

const createdIsReadable = <R extends SpecResource>(kind: SpecResourceKind<R>): Check =>
  defineCheck(
    {
      id: `${kind.rule}.${kind.name}.create-then-get`,
      operation: kind.ops.get,
      summary: `a created ${kind.name} shows what was sent and is returned by ${kind.ops.get} with the same fields`,
      needs,
    },
    async (f) => {
      const body = await kind.fullBody(f)
      const created = await f.api.call(kind.ops.create, { body })
      const resource = resourceOf<R>(kind, created)
      const echoed = subsetDiff(body, resource as unknown as Record<string, unknown>)
      expectThat(echoed === undefined, created, `the created ${kind.name} must show what was sent: ${echoed}`)
      const reply = await f.api.call(kind.ops.get, { params: { id: resource.id } })
      const diff = fieldDiff(resource as unknown as Record<string, unknown>, resourceOf(kind, reply))
      expectThat(diff === undefined, reply, `must return the ${kind.name} as ${kind.ops.create} returned it: ${diff}`)
    },
  )

function without(resource: object, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(resource).filter(([key]) => !keys.includes(key)))
}

const updateKeepsUnsent = <R extends SpecResource>(kind: SpecResourceKind<R>): Check =>
  defineCheck(
    {
      id: `${kind.rule}.${kind.name}.update-keeps-unsent-fields`,
      operation: kind.ops.update,
      summary: `${kind.ops.update} sets the field it is sent and leaves every field it is not sent unchanged, also for the next ${kind.ops.get}`,
      needs,
    },
    async (f) => {
      const before = resourceOf<R>(kind, await f.api.call(kind.ops.create, { body: await kind.fullBody(f) }))
      const update = kind.oneFieldUpdate(f)
      const sent = Object.keys(update)
      const kept = [...sent, 'updatedAt']
      for (const [when, reply] of [
        ['the answer', await f.api.call(kind.ops.update, { params: { id: before.id }, body: update })],
        [`the next ${kind.ops.get}`, await f.api.call(kind.ops.get, { params: { id: before.id } })],
      ] as const) {
        const after = resourceOf<R>(kind, reply) as unknown as Record<string, unknown>
        const set = subsetDiff(update, after)
        expectThat(set === undefined, reply, `${when} must show the field sent (${sent.join(', ')}): ${set}`)
        const changed = fieldDiff(without(before, kept), without(after, kept))
        expectThat(
          changed === undefined,
          reply,
          `${when}: an update that sends only ${sent.join(', ')} must leave the other fields unchanged: ${changed}`,
        )
      }
    },
  )

const deletedIsGone = <R extends SpecResource>(kind: SpecResourceKind<R>): Check =>
  defineCheck(
    {
      id: `${kind.rule}.${kind.name}.delete-then-404`,
      operation: kind.ops.delete,
      summary: `${kind.ops.delete} answers {} and a later ${kind.ops.get} answers 404 ResourceNotFound`,
      needs,
    },
    async (f) => {
      const created = resourceOf<R>(kind, await f.api.call(kind.ops.create, { body: await kind.fullBody(f) }))
      expectSuccess(await f.api.call(kind.ops.delete, { params: { id: created.id } }))
      const reply = await f.api.call(kind.ops.get, { params: { id: created.id } })
      expectError(reply, notFound, `after ${kind.ops.delete} of ${created.id}`)
    },
  )

async function walk<R extends SpecResource>(
  f: CheckContext,
  kind: SpecResourceKind<R>,
  query: Record<string, unknown>,
): Promise<Walk<R>> {
  return walkPages<R>(f.api, kind.ops.list, kind.plural, { query })
}

const listFilter = <R extends SpecResource>(kind: SpecResourceKind<R>, filter: SpecListFilter<R>): Check =>
  defineCheck(
    {
      id: `${kind.rule}.${kind.name}.list-by-${filter.name}`,
      operation: kind.ops.list,
      summary: `${kind.ops.list} filtered by ${filter.name} lists the matching ${kind.name} once and, on every page, none that does not match`,
      needs,
    },
    async (f) => {
      const { query, wanted, other } = await filter.arrange(f)
      expectListed(await walk(f, kind, query), {
        keyOf: byId,
        wanted: [wanted.id],
        outside: (item) => item.id === other.id || !filter.matches(item, query),
        filter: JSON.stringify(query),
        perPage: true,
      })
    },
  )

/** Most recent first, over every page: createdAt never rises from one item to the next. */
function expectNewestFirst<R extends SpecResource>(kind: SpecResourceKind<R>, walked: Walk<R>): void {
  let previous: R | undefined
  for (const [index, page] of walked.byPage.entries()) {
    for (const item of page.items) {
      expectThat(
        previous === undefined || Date.parse(previous.createdAt) >= Date.parse(item.createdAt),
        page.reply,
        `${kind.ops.list} must list the most recent first: on page ${index + 1}, ${item.id} (created ${item.createdAt}) comes after ${previous?.id} (created ${previous?.createdAt})`,
      )
      previous = item
    }
  }
}

/** Items made one after the other, a few milliseconds apart, so their creation dates differ. */
async function madeInTurn<R extends SpecResource>(
  f: CheckContext,
  count: number,
  make: () => Promise<R>,
): Promise<R[]> {
  const made: R[] = []
  for (let i = 0; i < count; i++) {
    if (i > 0) await f.api.wait(3, 'creation dates that differ, for an order to show')
    made.push(await make())
  }
  return made
}

const newestFirst = <R extends SpecResource>(kind: SpecResourceKind<R>): Check =>
  defineCheck(
    {
      id: `${kind.rule}.${kind.name}.list-most-recent-first`,
      operation: kind.ops.list,
      summary: `${kind.ops.list} lists the most recent ${kind.name} first`,
      needs,
    },
    async (f) => {
      const { query, make } = kind.scope(f)
      const made = await madeInTurn(f, 3, make)
      const walked = await walk(f, kind, query)
      expectListed(walked, { keyOf: byId, wanted: made.map(byId), outside: [], filter: JSON.stringify(query) })
      expectNewestFirst(kind, walked)
    },
  )

const everyPage = <R extends SpecResource>(kind: SpecResourceKind<R>): Check =>
  defineCheck(
    {
      id: `${kind.rule}.${kind.name}.list-pages`,
      operation: kind.ops.list,
      summary: `walking ${kind.ops.list}'s pages lists each of many ${kind.plural} exactly once, most recent first on every page`,
      needs,
    },
    async (f) => {
      const { query, make } = kind.scope(f)
      const made: R[] = []
      // Made in turn: the order across pages is checked as well.
      for (let i = 0; i < f.harness.listSize; i++) made.push(await make())
      const walked = await walk(f, kind, query)
      expectListed(walked, { keyOf: byId, wanted: made.map(byId), outside: [], filter: JSON.stringify(query) })
      expectNewestFirst(kind, walked)
    },
  )

/** The checks of a spec-scope resource, by group: read after write, then lists. */
export const specResourceChecks = <R extends SpecResource>(kind: SpecResourceKind<R>) => ({
  readAfterWrite: (): Check[] => [createdIsReadable(kind), updateKeepsUnsent(kind), deletedIsGone(kind)],
  lists: (): Check[] => [...kind.filters.map((filter) => listFilter(kind, filter)), newestFirst(kind), everyPage(kind)],
})

/** Whether an item carries every tag of a tags query. */
export function hasTags(item: SpecResource, query: Record<string, unknown>): boolean {
  const wanted = (query.tags ?? {}) as Record<string, string>
  return Object.entries(wanted).every(([key, value]) => item.tags[key] === value)
}
