// listTagValues: the distinct values of one tag key on users, conversations or messages (S4, S7).
import type { OperationRouter } from '../operationRoutes.ts'
import type { ChatStore } from '../store/chatStore.ts'
import { pageOfSorted } from '../store/paging.ts'
import { pageRequest } from './listQuery.ts'

export function registerTags(router: OperationRouter, store: ChatStore): void {
  const collections = { user: store.users, conversation: store.conversations, message: store.messages }

  router.register('listTagValues', ({ params, query }) => {
    const collection = collections[query.type as keyof typeof collections]
    const values = collection.tagIndex.valuesOf(params.key as string)
    const page = pageOfSorted(values, (key) => key.v, pageRequest(query, store.pageSize))
    return { tags: page.items.map((value) => ({ value })), meta: page.nextToken ? { nextToken: page.nextToken } : {} }
  })
}
