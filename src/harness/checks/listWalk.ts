// Walking a list to its end (S7), with a bound on the pages so a target whose nextToken never
// ends cannot hold the run.
import type { CallOptions, Reply, RuntimeClient } from '../client/runtimeClient.ts'
import type { ChatOperationId } from '../../contract/operations.ts'
import { expectSuccess, expectThat } from './expectations.ts'

const maxPages = 100

export interface Walk<T> {
  items: T[]
  /** Each page's items and answer, for checks that hold on every page. */
  byPage: { items: T[]; reply: Reply }[]
  pages: number
  lastReply: Reply
}

/**
 * Walks a list to its last page. `encode` writes each page's query string itself (e.g. in the
 * bracket form); by default the client encodes it as the vendor's client does.
 */
export async function walkPages<T>(
  api: RuntimeClient,
  op: ChatOperationId,
  listKey: string,
  options: CallOptions,
  encode?: (query: Record<string, unknown>) => string,
): Promise<Walk<T>> {
  return (await walk<T>(api, op, listKey, options, encode, maxPages, true)) as Walk<T>
}

/**
 * Walks a list to its last page, or gives up (undefined) after `pages` pages: for a list that
 * may hold all of a shared target's resources (a date filter alone), which a check cannot wait for.
 */
export function walkAtMost<T>(
  api: RuntimeClient,
  op: ChatOperationId,
  listKey: string,
  options: CallOptions,
  pages: number,
): Promise<Walk<T> | undefined> {
  return walk<T>(api, op, listKey, options, undefined, pages, false)
}

async function walk<T>(
  api: RuntimeClient,
  op: ChatOperationId,
  listKey: string,
  options: CallOptions,
  encode: ((query: Record<string, unknown>) => string) | undefined,
  limit: number,
  failAtLimit: boolean,
): Promise<Walk<T> | undefined> {
  const byPage: Walk<T>['byPage'] = []
  const tokens = new Set<string>()
  let nextToken: string | undefined
  for (let pages = 1; ; pages++) {
    const query = { ...options.query, ...(nextToken ? { nextToken } : {}) }
    const reply = await api.call(op, { ...options, ...(encode ? { rawQuery: encode(query) } : { query }) })
    const body = expectSuccess(reply, pages > 1 ? `(page ${pages})` : undefined) as Record<string, unknown>
    byPage.push({ items: (body[listKey] as T[] | undefined) ?? [], reply })
    nextToken = (body.meta as { nextToken?: string } | undefined)?.nextToken
    if (!nextToken) return { items: byPage.flatMap((page) => page.items), byPage, pages, lastReply: reply }
    expectThat(!tokens.has(nextToken), reply, `page ${pages} gave a nextToken it had given before: the pages loop`)
    if (!failAtLimit && pages >= limit) return undefined
    expectThat(pages < limit, reply, `still gave a nextToken after ${limit} pages`)
    tokens.add(nextToken)
  }
}

export interface ListExpectation<T> {
  /** Names an item: its id, a tag value. */
  keyOf: (item: T) => string
  /** Keys that must each be listed exactly once. */
  wanted: readonly string[]
  /** What must not be listed: these keys, or every item this test says is outside the filter. */
  outside: readonly string[] | ((item: T) => boolean)
  /** What the list was narrowed to, for the message. */
  filter: string
  /** How an item that must not be listed is shown; its key by default. */
  show?: (item: T) => string
  /** Hold the filter on every page, naming the page, rather than only over the whole walk. */
  perPage?: boolean
}

const shownAtMost = 5

function someOf(keys: readonly string[]): string {
  return `${keys.slice(0, shownAtMost).join(', ')}${keys.length > shownAtMost ? ', …' : ''}`
}

/**
 * What a filtered walk must show (S7): each wanted item exactly once over all pages, and nothing
 * outside the filter, on any page.
 */
export function expectListed<T>(walk: Walk<T>, expected: ListExpectation<T>): void {
  const { keyOf, wanted, outside, filter } = expected
  const times = new Map<string, number>()
  for (const item of walk.items) times.set(keyOf(item), (times.get(keyOf(item)) ?? 0) + 1)
  const missing = wanted.filter((key) => !times.has(key))
  const repeated = wanted.filter((key) => (times.get(key) ?? 0) > 1).map((key) => `${key} (${times.get(key)} times)`)
  const problems = [
    ...(missing.length ? [`${missing.length} never listed: ${someOf(missing)}`] : []),
    ...(repeated.length ? [`${repeated.length} listed more than once: ${someOf(repeated)}`] : []),
  ]
  expectThat(
    problems.length === 0,
    walk.lastReply,
    `walking ${walk.pages} ${walk.pages === 1 ? 'page' : 'pages'} for ${filter} must list each of the ${wanted.length} matching items exactly once: ${problems.join('; ')}`,
  )
  const isOutside = typeof outside === 'function' ? outside : (item: T) => outside.includes(keyOf(item))
  const show = expected.show ?? keyOf
  const pages = expected.perPage ? walk.byPage : [{ items: walk.items, reply: walk.lastReply }]
  pages.forEach((page, index) => {
    const intruder = page.items.find(isOutside)
    const where = expected.perPage ? `page ${index + 1} lists` : 'listed'
    expectThat(
      intruder === undefined,
      page.reply,
      `${where} ${intruder === undefined ? '' : show(intruder)}, which does not match ${filter}`,
    )
  })
}

export const byId = (item: { id: string }): string => item.id
