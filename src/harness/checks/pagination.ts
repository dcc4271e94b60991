// Walking a list to its end (S7), with a bound on the pages so a target whose nextToken never
// ends cannot hold the run.
import type { CallOptions, Reply, RuntimeClient } from '../client/runtimeClient.ts'
import type { OperationId } from '../contract/operations.ts'
import { expectSuccess, expectThat } from './expectations.ts'

export const maxPages = 100

export interface Walk<T> {
  items: T[]
  /** Each page's items and answer, for checks that hold on every page. */
  byPage: { items: T[]; reply: Reply }[]
  pages: number
  lastReply: Reply
}

export async function walkPages<T>(
  api: RuntimeClient,
  op: OperationId,
  listKey: string,
  options: CallOptions,
): Promise<Walk<T>> {
  const byPage: Walk<T>['byPage'] = []
  const tokens = new Set<string>()
  let nextToken: string | undefined
  for (let pages = 1; ; pages++) {
    const query = { ...options.query, ...(nextToken ? { nextToken } : {}) }
    const reply = await api.call(op, { ...options, query })
    const body = expectSuccess(reply, pages > 1 ? `(page ${pages})` : undefined) as Record<string, unknown>
    byPage.push({ items: (body[listKey] as T[] | undefined) ?? [], reply })
    nextToken = (body.meta as { nextToken?: string } | undefined)?.nextToken
    if (!nextToken) return { items: byPage.flatMap((page) => page.items), byPage, pages, lastReply: reply }
    expectThat(!tokens.has(nextToken), reply, `page ${pages} gave a nextToken it had given before: the pages loop`)
    expectThat(pages < maxPages, reply, `still gave a nextToken after ${maxPages} pages`)
    tokens.add(nextToken)
  }
}
