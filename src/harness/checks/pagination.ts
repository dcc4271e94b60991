// Walking a list to its end (S7), with a bound on the pages so a target whose nextToken never
// ends cannot hold the run.
import type { CallOptions, Reply, RuntimeClient } from '../client/runtimeClient.ts'
import type { OperationId } from '../../contract/operations.ts'
import { expectSuccess, expectThat } from './expectations.ts'

export const maxPages = 100

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
  op: OperationId,
  listKey: string,
  options: CallOptions,
  encode?: (query: Record<string, unknown>) => string,
): Promise<Walk<T>> {
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
    expectThat(pages < maxPages, reply, `still gave a nextToken after ${maxPages} pages`)
    tokens.add(nextToken)
  }
}

/**
 * What a filtered walk must show (S7): each wanted item exactly once, no unwanted one. Items
 * are named by `keyOf` (an id, a tag value); `filter` says what the list was narrowed to.
 */
export function expectListed<T>(
  walk: Walk<T>,
  keyOf: (item: T) => string,
  wanted: readonly string[],
  unwanted: readonly string[],
  filter: string,
): void {
  const keys = walk.items.map(keyOf)
  for (const key of wanted) {
    const times = keys.filter((k) => k === key).length
    expectThat(
      times === 1,
      walk.lastReply,
      `${key} must be listed once for ${filter}, was listed ${times} times over ${walk.pages} pages`,
    )
  }
  const intruder = unwanted.find((key) => keys.includes(key))
  expectThat(intruder === undefined, walk.lastReply, `listed ${intruder}, which does not match ${filter}`)
}

export const byId = (item: { id: string }): string => item.id
