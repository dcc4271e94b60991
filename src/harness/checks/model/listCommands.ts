// Lists in the model (S7), walked page by page under the filters and sorts each list documents,
// always narrowed to the sequence's scope tag so that only what the sequence made can be listed:
// each resource the model says matches is listed exactly once, none it says does not, in the
// documented order when a sortField and sortDirection are given. What the documents leave open
// (a resource that may have gone with what it belonged to) may be listed or not.
import fc from 'fast-check'
import { documentedValue, documentedValues } from '../../../../fixtures/contractFields.ts'
import type { OperationId } from '../../../contract/operations.ts'
import type { Tags } from '../../../contract/types.ts'
import { byId, expectListed, walkPages, type Walk } from '../listWalk.ts'
import {
  agrees,
  scopeTag,
  under,
  type ChatModel,
  type Known,
  type ModelTarget,
  type TaggedKindName,
} from './chatModel.ts'
import { ModelCommand, pick, shown } from './modelCommand.ts'

type Membership = 'in' | 'out' | 'open'
type Listed = Record<string, unknown> & { id: string }

const lists: Record<TaggedKindName, { op: OperationId; key: string }> = {
  user: { op: 'listUsers', key: 'users' },
  conversation: { op: 'listConversations', key: 'conversations' },
  message: { op: 'listMessages', key: 'messages' },
}

interface ListSpec {
  /** A tag filter on a key of the scope, its value taken from a resource of the model. */
  tag: [key: number, from: number] | null
  /** users: conversationId; conversations: a participant or a channel; messages: conversationId. */
  by: number | null
  byChannel: boolean
  /** users: afterDate or beforeDate at a user's createdAt (rangeField createdAt). */
  date: [bound: 'afterDate' | 'beforeDate', from: number] | null
  sort: [field: number, direction: number] | null
}

interface Filter {
  query: Record<string, unknown>
  /** Whether the model says a resource matches. */
  membership: (known: Known) => Membership
}

function combine(parts: Membership[]): Membership {
  return parts.includes('out') ? 'out' : parts.includes('open') ? 'open' : 'in'
}

class ListTagged extends ModelCommand {
  protected readonly label: string
  constructor(
    private readonly kind: TaggedKindName,
    private readonly spec: ListSpec,
  ) {
    super()
    this.label = `${lists[kind].op}(${shown(spec)})`
  }

  protected can(m: Readonly<ChatModel>): boolean {
    return this.kind !== 'message' || m.conversations.length > 0 || m.messages.length > 0
  }

  private filter(m: ChatModel): Filter {
    const { kind, spec } = this
    const tags: Tags = { ...scopeTag(m.scope) }
    const parts: ((k: Known) => Membership)[] = []
    const tagsOf = (k: Known) => k.resource.tags as Tags
    if (spec.tag) {
      const key = m.scope.keys[spec.tag[0] % m.scope.keys.length] as string
      // A value some resource of the sequence carries (if any does), so that the filter can match.
      const carriers = m.collection(kind).filter((k) => tagsOf(k)[key] !== undefined)
      const source = pick(carriers.length > 0 ? carriers : m.collection(kind), spec.tag[1])
      tags[key] = (source && tagsOf(source)[key]) ?? m.scope.tagValue
    }
    parts.push((k) => (Object.entries(tags).every(([key, value]) => tagsOf(k)[key] === value) ? 'in' : 'out'))
    const query: Record<string, unknown> = { tags }
    if (spec.by !== null) {
      if (kind === 'user') {
        const conversation = pick(m.live('conversation'), spec.by)
        if (conversation) {
          query.conversationId = conversation.id
          parts.push((k) =>
            m.participantsOf(conversation.id).has(k.id)
              ? 'in'
              : m.maybeParticipantsOf(conversation.id).has(k.id)
                ? 'open'
                : 'out',
          )
        }
      } else if (kind === 'conversation' && spec.byChannel) {
        const channel = pick(m.scope.channels, spec.by) as string
        query.channel = channel
        parts.push((k) => (k.resource.channel === channel ? 'in' : 'out'))
      } else if (kind === 'conversation') {
        const user = pick(m.live('user'), spec.by)
        if (user) {
          query.participantIds = [user.id]
          parts.push((k) =>
            m.participantsOf(k.id).has(user.id) ? 'in' : m.maybeParticipantsOf(k.id).has(user.id) ? 'open' : 'out',
          )
        }
      } else {
        const conversation = pick([...m.conversations, ...m.deleted.conversation.map((id) => ({ id }))], spec.by)
        if (conversation) {
          query.conversationId = conversation.id
          parts.push((k) => (k.resource.conversationId === conversation.id ? 'in' : 'out'))
        }
      }
    }
    if (kind === 'user' && spec.date) {
      const edge = pick(m.users, spec.date[1])
      if (edge) {
        const [bound] = spec.date
        const at = Date.parse(String(edge.resource.createdAt))
        query[bound] = edge.resource.createdAt
        query.rangeField = documentedValue('queries/listUsers.json', ['rangeField'], 'createdAt')
        parts.push((k) => {
          const time = Date.parse(String(k.resource.createdAt))
          return (bound === 'afterDate' ? time >= at : time <= at) ? 'in' : 'out'
        })
      }
    }
    if (kind !== 'message' && spec.sort) {
      const file = `queries/${lists[kind].op}.json`
      query.sortField = pick(documentedValues(file, 'sortField'), spec.sort[0])
      query.sortDirection = pick(documentedValues(file, 'sortDirection'), spec.sort[1])
    }
    parts.push((k) => (k.maybeGone ? 'open' : 'in'))
    return { query, membership: (k) => combine(parts.map((part) => part(k))) }
  }

  protected async act(m: ChatModel, t: ModelTarget, say: (call: string) => void): Promise<void> {
    const { op, key } = lists[this.kind]
    const { query, membership } = this.filter(m)
    say(`${op} ${shown(query)} (every page)`)
    const walk = await under('S7', () => walkPages<Listed>(t.api, op, key, { query }))
    const known = new Map(m.collection(this.kind).map((k) => [k.id, k]))
    under('S7', () =>
      expectListed(walk, {
        keyOf: byId,
        wanted: [...known.values()].filter((k) => membership(k) === 'in').map((k) => k.id),
        outside: (item) => {
          const k = known.get(item.id)
          return k === undefined || membership(k) === 'out'
        },
        filter: shown(query),
        show: (item) => `${item.id} (tags ${shown(item.tags)})`,
        perPage: true,
      }),
    )
    if (typeof query.sortField === 'string') expectOrder(walk, query.sortField, String(query.sortDirection), op)
  }
}

/** The documented order (S7): the listed items' own sortField values, never decreasing (asc) or increasing (desc). */
function expectOrder(walk: Walk<Listed>, field: string, direction: string, op: OperationId): void {
  const ascending = documentedValue(`queries/${op}.json`, ['sortDirection'], 'asc')
  const sign = direction === ascending ? 1 : -1
  const at = (item: Listed | undefined) => Date.parse(String(item?.[field]))
  const index = walk.items.findIndex((item, i) => i > 0 && sign * (at(item) - at(walk.items[i - 1])) < 0)
  const [before, after] = [walk.items[index - 1], walk.items[index]]
  agrees(
    'S7',
    index < 0,
    walk.lastReply,
    `sortField ${field} ${direction}: ${after?.id} (${String(after?.[field])}) is listed after ${before?.id} (${String(before?.[field])})`,
  )
}

class ListTagValues extends ModelCommand {
  protected readonly label: string
  constructor(
    private readonly key: number,
    private readonly type: number,
  ) {
    super()
    this.label = `listTagValues(${key}, ${type})`
  }

  protected can(): boolean {
    return true
  }

  protected async act(m: ChatModel, t: ModelTarget, say: (call: string) => void): Promise<void> {
    const key = pick(m.scope.keys, this.key) as string
    const type = pick(documentedValues('queries/listTagValues.json', 'type'), this.type) as TaggedKindName
    say(`listTagValues ${key} ${shown({ type })} (every page)`)
    const walk = await under('S7', () =>
      walkPages<{ value: string }>(t.api, 'listTagValues', 'tags', { params: { key }, query: { type } }),
    )
    const listed = new Set(walk.items.map((item) => item.value))
    const missing = m
      .live(type)
      .map((k) => (k.resource.tags as Tags)[key])
      .find((value) => value !== undefined && !listed.has(value))
    agrees(
      'S7',
      missing === undefined,
      walk.lastReply,
      `the ${type}s of the sequence carry ${key}=${shown(missing)}, which the ${walk.pages} pages do not list`,
    )
  }
}

const which = fc.nat({ max: 7 })

/**
 * The filters but the tag one are each left out a third of the time (fast-check's default, one in
 * six, would combine them nearly always): a filter alone, and with some others, are both common.
 */
function listSpec(): fc.Arbitrary<ListSpec> {
  return fc.record({
    tag: fc.option(fc.tuple(fc.nat({ max: 3 }), which), { nil: null }),
    by: fc.option(which, { nil: null, freq: 3 }),
    byChannel: fc.boolean(),
    date: fc.option(fc.tuple(fc.constantFrom('afterDate' as const, 'beforeDate' as const), which), {
      nil: null,
      freq: 3,
    }),
    sort: fc.option(fc.tuple(fc.nat({ max: 1 }), fc.nat({ max: 1 })), { nil: null, freq: 2 }),
  })
}

export function listCommands(kind: TaggedKindName): fc.Arbitrary<ModelCommand> {
  return listSpec().map((spec) => new ListTagged(kind, spec))
}

export const tagValueCommand: fc.Arbitrary<ModelCommand> = fc
  .tuple(fc.nat({ max: 3 }), fc.nat({ max: 2 }))
  .map(([key, type]) => new ListTagValues(key, type))
