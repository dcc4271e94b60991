// Users: create, get, list, update, delete, get-or-create (S5, S6, S8).
import type { CreateUserBody, GetOrCreateUserBody, UpdateUserBody, User } from '../../contract/types.ts'
import { timestamp, newId } from '../clock.ts'
import type { OperationRouter } from '../operationRoutes.ts'
import { participantIn, type ChatStore } from '../store/chatStore.ts'
import { tagFacets } from '../store/taggedCollection.ts'
import { applyTagUpdate, initialTags, matchingTags } from '../store/tagMatching.ts'
import { dateRange, listMeta, pageRequest, sortField, tagsFilter } from './listQuery.ts'

export function newUser(body: CreateUserBody): User {
  const now = timestamp()
  const user: User = { id: newId('user'), createdAt: now, updatedAt: now, tags: initialTags(body.tags) }
  if (body.name !== undefined) user.name = body.name
  if (body.pictureUrl !== undefined) user.pictureUrl = body.pictureUrl
  return user
}

export function registerUsers(router: OperationRouter, store: ChatStore): void {
  router.register<CreateUserBody>('createUser', ({ body }) => ({ user: store.users.put(newUser(body)) }))

  router.register('getUser', ({ params }) => ({ user: store.users.get(params.id as string) }))

  router.register('listUsers', ({ query }) => {
    const range = dateRange(query, (query.rangeField as 'createdAt' | 'updatedAt' | undefined) ?? 'createdAt')
    const facets = tagFacets(tagsFilter(query))
    if (typeof query.conversationId === 'string') facets.push(participantIn(query.conversationId))
    const page = store.users.list({ facets, range, sortField: sortField(query) }, pageRequest(query, store.pageSize))
    return { users: page.items, meta: listMeta(page) }
  })

  router.register<UpdateUserBody>('updateUser', ({ params, body }) => {
    const user = { ...store.users.get(params.id as string) }
    user.tags = applyTagUpdate(user.tags, body.tags)
    if (body.name === null) delete user.name
    else if (body.name !== undefined) user.name = body.name
    if (body.pictureUrl === null) delete user.pictureUrl
    else if (body.pictureUrl !== undefined) user.pictureUrl = body.pictureUrl
    user.updatedAt = timestamp()
    return { user: store.users.put(user) }
  })

  router.register('deleteUser', ({ params }) => {
    store.removeUser(params.id as string)
    return {}
  })

  router.register<GetOrCreateUserBody>('getOrCreateUser', ({ body }) => {
    const existing = store.users.oldestMatch(matchingTags(body.tags, body.discriminateByTags))
    return { user: existing ?? store.users.put(newUser(body)) }
  })
}
