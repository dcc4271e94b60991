// S7: a list narrowed to what a check created finds each of them exactly once, across pages,
// and nothing that does not match the filter: by tags (also in the bracket form tags[k]=v) and,
// for conversations, by participants.
import { encodeQueryWithBrackets } from '../client/queryString.ts'
import type * as T from '../../contract/types.ts'
import { defineCheck, type Check } from './check.ts'
import { expectSuccess, expectThat } from './expectations.ts'
import { byId, expectListed, walkPages } from './listWalk.ts'
import type { TaggedKind } from './resourceKinds.ts'
import { createResource, type TaggedResource } from './taggedResource.ts'

/** Whether a listed resource matches a list filter: tags by every given tag, other filters by equality. */
export function matchesFilter(filter: Record<string, unknown>, item: TaggedResource): boolean {
  return Object.entries(filter).every(([key, value]) =>
    key === 'tags'
      ? Object.entries(value as Record<string, string>).every(([k, v]) => item.tags[k] === v)
      : item[key] === value,
  )
}

export const listFindsCreated = (kind: TaggedKind): Check =>
  defineCheck(
    {
      id: `S7.${kind.name}.list-finds-created`,
      operation: kind.ops.list,
      summary: `${kind.ops.list} narrowed to the ${kind.plural} a check made lists each of them once and nothing else`,
    },
    async (f) => {
      const created: TaggedResource[] = []
      let scope: Record<string, unknown> = {}
      for (let i = 0; i < 3; i++) {
        const { body, resource } = await createResource(f, kind)
        created.push(resource)
        scope = kind.scopeOf(body, f)
      }
      const walk = await walkPages<TaggedResource>(f.api, kind.ops.list, kind.plural, { query: scope })
      expectListed(walk, { keyOf: byId, wanted: created.map(byId), outside: [], filter: JSON.stringify(scope) })
      const outsider = walk.items.find((item) => !matchesFilter(scope, item))
      expectThat(
        outsider === undefined,
        walk.lastReply,
        `listed ${outsider?.id}, which does not match ${JSON.stringify(scope)}`,
      )
    },
  )

export const tagFilterInBrackets = (kind: TaggedKind): Check =>
  defineCheck(
    {
      id: `S7.${kind.name}.tag-filter-brackets`,
      operation: kind.ops.list,
      summary: `${kind.ops.list} accepts a tag filter in the bracket form tags[key]=value and lists exactly the ${kind.plural} carrying the tag`,
      usage: true,
    },
    async (f) => {
      const key = f.values.tagKey()
      const value = f.values.unique('bracket')
      const tagged = [
        (await createResource(f, kind, { [key]: value })).resource,
        (await createResource(f, kind, { [key]: value })).resource,
      ]
      const other = (await createResource(f, kind, { [key]: f.values.unique('other') })).resource
      const filter = { tags: { [key]: value } }
      const walk = await walkPages<TaggedResource>(
        f.api,
        kind.ops.list,
        kind.plural,
        { query: filter },
        encodeQueryWithBrackets,
      )
      expectListed(walk, {
        keyOf: byId,
        wanted: tagged.map(byId),
        outside: [other.id],
        filter: decodeURIComponent(encodeQueryWithBrackets(filter)),
      })
      const outsider = walk.items.find((item) => !matchesFilter(filter, item))
      expectThat(outsider === undefined, walk.lastReply, `listed ${outsider?.id}, which does not carry ${key}=${value}`)
    },
  )

export const participantFilter = defineCheck(
  {
    id: 'S7.conversation.participant-filter',
    operation: 'listConversations',
    summary:
      'listConversations filtered by participantIds lists the conversations those users take part in and no other',
  },
  async ({ api, make }) => {
    const [a, b] = [await make.user(), await make.user()]
    const [both, onlyA, none] = [await make.conversation(), await make.conversation(), await make.conversation()]
    for (const [conversation, user] of [
      [both, a],
      [both, b],
      [onlyA, a],
    ] as const) {
      expectSuccess(await api.addParticipant(conversation.id, user.id), '(prerequisite)')
    }
    // Whether several ids mean "all of them" or "any of them" is not documented: both lists hold `both`.
    const cases: [T.User[], T.Conversation[], T.Conversation[]][] = [
      [[a], [both, onlyA], [none]],
      [[b], [both], [onlyA, none]],
      [[a, b], [both], [none]],
    ]
    for (const [users, wanted, unwanted] of cases) {
      const participantIds = users.map((u) => u.id)
      const walk = await walkPages<T.Conversation>(api, 'listConversations', 'conversations', {
        query: { participantIds },
      })
      expectListed(walk, {
        keyOf: byId,
        wanted: wanted.map(byId),
        outside: unwanted.map(byId),
        filter: `participantIds ${JSON.stringify(participantIds)}`,
      })
    }
  },
)
