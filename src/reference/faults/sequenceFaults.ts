// Faults that break a documented rule only after some sequence of calls or in one state of a
// resource: a single call on a fresh resource answers correctly, so a check that makes, calls
// and looks once cannot see them. Written from the rules alone (S5-S11), before the model-based
// checks that must find them were written; each is the kind of bug a cache, a stale index or a
// copy taken at the wrong time makes.
import type { Conversation, Message, Tags, User } from '../../contract/types.ts'
import type { OperationRequest } from '../operationRoutes.ts'
import { hasTags, matchingTags } from '../store/tagMatching.ts'
import { isJsonObject, type Fault } from './fault.ts'

/** The tags a get-or-create body matches on, or undefined when the body is not one. */
function wantedTags(body: unknown): Tags | undefined {
  if (!isJsonObject(body) || !isJsonObject(body.tags)) return undefined
  const discriminator = Array.isArray(body.discriminateByTags) ? (body.discriminateByTags as string[]) : undefined
  const wanted = matchingTags(body.tags as Tags, discriminator)
  return Object.keys(wanted).length > 0 ? wanted : undefined
}

/** A list answer's items kept by `keep`; its page token is left as it was. */
function keptItems<T>(answer: unknown, key: string, keep: (item: T) => boolean): unknown {
  if (!isJsonObject(answer) || !Array.isArray(answer[key])) return answer
  return { ...answer, [key]: (answer[key] as T[]).filter(keep) }
}

function withoutQuery(request: OperationRequest, name: string): OperationRequest {
  const { [name]: _dropped, ...query } = request.query
  return { ...request, query }
}

const stateKey = (request: OperationRequest): string =>
  `${request.params.type}\u0000${request.params.id}\u0000${request.params.name}`

export const sequenceFaults: Fault[] = [
  // S8: an update is visible to the next get.
  {
    name: 'user-read-cache-stale',
    breaks: 'S8',
    side: 'behaviour',
    summary:
      'getUser answers from a cache filled by the first getUser of a user; updateUser does not refresh it, so a get, an update and a get show the user as before the update',
    concerns: ['S8.model.'],
    install({ wrap }) {
      const cache = new Map<string, unknown>()
      wrap('getUser', async (request, next) => {
        const id = String(request.params.id)
        if (cache.has(id)) return cache.get(id)
        const answer = await next(request)
        cache.set(id, answer)
        return answer
      })
      wrap('deleteUser', async (request, next) => {
        cache.delete(String(request.params.id))
        return next(request)
      })
    },
  },
  {
    name: 'conversation-later-updates-lost',
    breaks: 'S8',
    side: 'behaviour',
    summary:
      'updateConversation stores only the first update of a conversation: later ones answer the updated conversation but keep the stored one',
    concerns: ['S8.model.'],
    install({ wrap, store }) {
      const updated = new Set<string>()
      wrap('updateConversation', async (request, next) => {
        const id = String(request.params.id)
        const before = store.conversations.find(id)
        const answer = await next(request)
        if (before && updated.has(id)) store.conversations.put(before)
        updated.add(id)
        return answer
      })
    },
  },
  // S8: a created resource is returned by its get until it is deleted.
  {
    name: 'message-delete-takes-neighbour',
    breaks: 'S8',
    side: 'behaviour',
    summary:
      'deleteMessage also deletes the message created just before it in the same conversation: that one answers 404 though nobody deleted it',
    concerns: ['S8.model.'],
    install({ wrap, store, correctCall }) {
      wrap('deleteMessage', async (request, next) => {
        const message = store.messages.find(String(request.params.id))
        const answer = await next(request)
        if (!message) return answer
        const earlier = [...store.messages.values()]
          .filter((m: Message) => m.conversationId === message.conversationId && m.createdAt < message.createdAt)
          .sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))[0]
        if (earlier) await correctCall('deleteMessage')({ ...request, params: { id: earlier.id } })
        return answer
      })
    },
  },
  {
    name: 'participant-removal-deletes-user',
    breaks: 'S8',
    side: 'behaviour',
    summary: 'removeParticipant deletes the user too: a later getUser answers 404 though the user was never deleted',
    concerns: ['S8.model.'],
    install({ wrap, correctCall }) {
      wrap('removeParticipant', async (request, next) => {
        const answer = await next(request)
        await correctCall('deleteUser')({ ...request, params: { id: String(request.params.userId) } })
        return answer
      })
    },
  },
  {
    name: 'participant-add-reverts-conversation',
    breaks: 'S8',
    side: 'behaviour',
    summary:
      'addParticipant writes back the conversation as it was created, undoing the updates made to it since: a later getConversation shows the old tags',
    concerns: ['S8.model.'],
    install({ wrap, store }) {
      const asCreated = new Map<string, Conversation>()
      const remember = (answer: unknown) => {
        const conversation = isJsonObject(answer) ? (answer.conversation as Conversation | undefined) : undefined
        if (conversation && !asCreated.has(conversation.id)) asCreated.set(conversation.id, conversation)
      }
      for (const id of ['createConversation', 'getOrCreateConversation'] as const)
        wrap(id, async (request, next) => {
          const answer = await next(request)
          remember(answer)
          return answer
        })
      wrap('addParticipant', async (request, next) => {
        const answer = await next(request)
        const old = asCreated.get(String(request.params.id))
        if (old && store.conversations.has(old.id)) store.conversations.put(old)
        return answer
      })
    },
  },

  // S6: get-or-create returns an existing resource that matches, else creates one.
  {
    name: 'get-or-create-finds-deleted-user',
    breaks: 'S6',
    side: 'behaviour',
    summary:
      'getOrCreateUser still matches a user after deleteUser: it answers the deleted user instead of creating a new one',
    concerns: ['S6.model.'],
    install({ wrap, store }) {
      const deleted: User[] = []
      wrap('deleteUser', async (request, next) => {
        const user = store.users.find(String(request.params.id))
        const answer = await next(request)
        if (user) deleted.push(user)
        return answer
      })
      wrap('getOrCreateUser', async (request, next) => {
        const wanted = wantedTags(request.body)
        const ghost = wanted && !store.users.oldestMatch(wanted) && deleted.find((u) => hasTags(u.tags, wanted))
        return ghost ? { user: ghost } : next(request)
      })
    },
  },
  {
    name: 'get-or-create-matches-creation-tags',
    breaks: 'S6',
    side: 'behaviour',
    summary:
      'getOrCreateConversation matches the tags a conversation was created with, not its tags after an update: it creates a duplicate of an updated conversation and returns one whose tags no longer match',
    concerns: ['S6.model.'],
    install({ wrap, store, correctCall }) {
      const createdWith = new Map<string, Tags>()
      const remember = (answer: unknown) => {
        const conversation = isJsonObject(answer) ? (answer.conversation as Conversation | undefined) : undefined
        if (conversation && !createdWith.has(conversation.id)) createdWith.set(conversation.id, conversation.tags)
      }
      wrap('createConversation', async (request, next) => {
        const answer = await next(request)
        remember(answer)
        return answer
      })
      wrap('getOrCreateConversation', async (request, next) => {
        const wanted = wantedTags(request.body)
        if (!wanted) return next(request)
        const body = request.body as { channel?: unknown; discriminateByTags?: unknown }
        const match = [...store.conversations.values()]
          .filter((c) => c.channel === body.channel && hasTags(createdWith.get(c.id) ?? c.tags, wanted))
          .sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1))[0]
        if (match) return { conversation: match }
        const { discriminateByTags: _discriminator, ...create } = request.body as Record<string, unknown>
        const answer = await correctCall('createConversation')({ ...request, body: create })
        remember(answer)
        return answer
      })
    },
  },

  // S5: in an update, keys sent as "" are removed.
  {
    name: 'unset-tag-returns',
    breaks: 'S5',
    side: 'behaviour',
    summary:
      'updateMessage removes a tag sent as "", but the next update that does not send that key brings it back with its old value',
    concerns: ['S5.model.'],
    install({ wrap, store, correctCall }) {
      const removed = new Map<string, Tags>()
      wrap('updateMessage', async (request, next) => {
        const id = String(request.params.id)
        const before = store.messages.find(id)
        const answer = await next(request)
        const sent = isJsonObject(request.body) && isJsonObject(request.body.tags) ? (request.body.tags as Tags) : {}
        const earlier = removed.get(id) ?? {}
        const back = Object.fromEntries(Object.entries(earlier).filter(([key]) => !(key in sent)))
        const now: Tags = {}
        for (const [key, value] of Object.entries(sent))
          if (value === '' && before?.tags[key] !== undefined) now[key] = before.tags[key]
        removed.set(id, now)
        if (Object.keys(back).length === 0) return answer
        return correctCall('updateMessage')({ ...request, body: { tags: back } })
      })
    },
  },

  // S7: filters narrow the result to what matches now.
  {
    name: 'tag-filter-sees-creation-tags',
    breaks: 'S7',
    side: 'behaviour',
    summary:
      'listUsers filtered by tags matches the tags each user was created with: after an update it lists users that no longer carry the tags and misses those that now do',
    concerns: ['S7.model.'],
    install({ wrap }) {
      const createdWith = new Map<string, Tags>()
      for (const id of ['createUser', 'getOrCreateUser'] as const)
        wrap(id, async (request, next) => {
          const answer = await next(request)
          const user = isJsonObject(answer) ? (answer.user as User | undefined) : undefined
          if (user && !createdWith.has(user.id)) createdWith.set(user.id, user.tags)
          return answer
        })
      wrap('listUsers', async (request, next) => {
        const tags = request.query.tags
        if (!isJsonObject(tags)) return next(request)
        const answer = await next(withoutQuery(request, 'tags'))
        return keptItems<User>(answer, 'users', (user) => hasTags(createdWith.get(user.id) ?? user.tags, tags as Tags))
      })
    },
  },
  {
    name: 'participant-filter-keeps-removed',
    breaks: 'S7',
    side: 'behaviour',
    summary:
      'listConversations filtered by participantIds still lists a conversation after the user was removed from it',
    concerns: ['S7.model.'],
    install({ wrap, store }) {
      const ever = new Map<string, Set<string>>()
      wrap('addParticipant', async (request, next) => {
        const answer = await next(request)
        const userId = String((request.body as { userId?: unknown }).userId)
        ever.set(userId, new Set([...(ever.get(userId) ?? []), String(request.params.id)]))
        return answer
      })
      wrap('listConversations', async (request, next) => {
        const ids = request.query.participantIds
        if (ids === undefined) return next(request)
        const wanted = (Array.isArray(ids) ? ids : [ids]).map(String)
        const answer = await next(withoutQuery(request, 'participantIds'))
        return keptItems<Conversation>(answer, 'conversations', (c) =>
          wanted.every((userId) => ever.get(userId)?.has(c.id) || store.participantIdsOf(c.id).has(userId)),
        )
      })
    },
  },

  // S9: listParticipants lists the users added (and not removed since).
  {
    name: 'readded-participant-not-listed',
    breaks: 'S9',
    side: 'behaviour',
    summary:
      'listParticipants leaves out a user who was removed from the conversation and added again, though getParticipant finds it',
    concerns: ['S9.model.'],
    install({ wrap }) {
      const removed = new Set<string>()
      wrap('removeParticipant', async (request, next) => {
        const answer = await next(request)
        removed.add(`${request.params.id}\u0000${request.params.userId}`)
        return answer
      })
      wrap('listParticipants', async (request, next) =>
        keptItems<User>(await next(request), 'participants', (u) => !removed.has(`${request.params.id}\u0000${u.id}`)),
      )
    },
  },

  // S10: listEvents filters by conversationId.
  {
    name: 'events-by-conversation-first-only',
    breaks: 'S10',
    side: 'behaviour',
    summary:
      'listEvents filtered by conversationId lists only the first event of that conversation, however many there are',
    concerns: ['S10.model.'],
    install({ wrap }) {
      const first = new Map<string, string>()
      wrap('createEvent', async (request, next) => {
        const answer = await next(request)
        const event = isJsonObject(answer) ? (answer.event as { id: string; conversationId?: string }) : undefined
        if (event?.conversationId && !first.has(event.conversationId)) first.set(event.conversationId, event.id)
        return answer
      })
      wrap('listEvents', async (request, next) => {
        const conversationId = request.query.conversationId
        const answer = await next(request)
        if (typeof conversationId !== 'string') return answer
        return keptItems<{ id: string }>(answer, 'events', (e) => first.get(conversationId) === e.id)
      })
    },
  },

  // S11: getOrSetState returns the stored state if there is one; getState returns what is stored.
  {
    name: 'get-or-set-after-patch-overwrites',
    breaks: 'S11',
    side: 'behaviour',
    summary:
      'getOrSetState takes a state last written by patchState for absent: it stores the payload sent over the patched one',
    concerns: ['S11.model.'],
    install({ wrap, correctCall }) {
      const patched = new Set<string>()
      wrap('patchState', async (request, next) => {
        const answer = await next(request)
        patched.add(stateKey(request))
        return answer
      })
      wrap('setState', async (request, next) => {
        patched.delete(stateKey(request))
        return next(request)
      })
      wrap('getOrSetState', async (request, next) => {
        if (!patched.has(stateKey(request))) return next(request)
        patched.delete(stateKey(request))
        const { state } = (await correctCall('setState')(request)) as { state: unknown }
        return { state, meta: { cached: false } }
      })
    },
  },
  {
    name: 'expiry-change-empties-payload',
    breaks: 'S11',
    side: 'behaviour',
    summary: 'setStateExpiry stores the state with an empty payload: getState afterwards answers {} as its payload',
    concerns: ['S11.model.'],
    install({ wrap, correctCall }) {
      wrap('setStateExpiry', async (request, next) => {
        await next(request)
        const { expiry } = request.body as { expiry?: unknown }
        return correctCall('setState')({ ...request, body: { payload: {}, expiry } })
      })
    },
  },

  // [usage] S5: keys not sent in an update are kept; S11: patchState merges.
  {
    name: 'renamed-user-loses-unsent-tags',
    breaks: 'S5',
    level: 'strict',
    side: 'behaviour',
    summary:
      'once a user has been renamed, updateUser replaces its tags with those sent: the keys not sent are removed',
    concerns: ['S5.model.'],
    install({ wrap, store }) {
      const renamed = new Set<string>()
      wrap('updateUser', async (request, next) => {
        const id = String(request.params.id)
        const sent = isJsonObject(request.body) && isJsonObject(request.body.tags) ? (request.body.tags as Tags) : {}
        const answer = (await next(request)) as { user: User }
        const replaced = renamed.has(id) && store.users.has(id)
        if (isJsonObject(request.body) && typeof request.body.name === 'string') renamed.add(id)
        if (!replaced) return answer
        const tags = Object.fromEntries(Object.entries(sent).filter(([, value]) => value !== ''))
        return { user: store.users.put({ ...answer.user, tags }) }
      })
    },
  },
  {
    name: 'patch-after-expiry-change-replaces',
    breaks: 'S11',
    level: 'strict',
    side: 'behaviour',
    summary:
      'once setStateExpiry was called on a state, patchState replaces its payload with the keys sent instead of merging them',
    concerns: ['S11.model.'],
    install({ wrap, correctCall }) {
      const expiryChanged = new Set<string>()
      wrap('setStateExpiry', async (request, next) => {
        const answer = await next(request)
        expiryChanged.add(stateKey(request))
        return answer
      })
      wrap('patchState', async (request, next) => {
        const answer = await next(request)
        return expiryChanged.has(stateKey(request)) ? correctCall('setState')(request) : answer
      })
    },
  },
]
