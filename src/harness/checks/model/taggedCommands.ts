// Users, conversations and messages in the model: create, get (also of what was deleted),
// update some fields and tags, delete, and get-or-create with and without discriminateByTags.
// S5 (tags), S6 (get-or-create), S8 (read after write, delete), each expectation under its rule.
import fc from 'fast-check'
import { messageType, payload, pictureUrl, tagValue, userName } from '../../../../fixtures/modelValues.ts'
import { notFound } from '../../../contract/documentedErrors.ts'
import type { OperationId } from '../../../contract/operations.ts'
import type { Tags } from '../../../contract/types.ts'
import {
  agrees,
  failedWith,
  sameJson,
  scopeTag,
  succeeded,
  type ChatModel,
  type Known,
  type ModelTarget,
  type TaggedKindName,
} from './chatModel.ts'
import { ModelCommand, pick, shown } from './modelCommand.ts'

interface ModelKind {
  name: TaggedKindName
  create: OperationId
  get: OperationId
  update: OperationId
  delete: OperationId
  getOrCreate: OperationId
}

const modelKinds: Record<TaggedKindName, ModelKind> = {
  user: {
    name: 'user',
    create: 'createUser',
    get: 'getUser',
    update: 'updateUser',
    delete: 'deleteUser',
    getOrCreate: 'getOrCreateUser',
  },
  conversation: {
    name: 'conversation',
    create: 'createConversation',
    get: 'getConversation',
    update: 'updateConversation',
    delete: 'deleteConversation',
    getOrCreate: 'getOrCreateConversation',
  },
  message: {
    name: 'message',
    create: 'createMessage',
    get: 'getMessage',
    update: 'updateMessage',
    delete: 'deleteMessage',
    getOrCreate: 'getOrCreateMessage',
  },
}

/** Tag entries by the index of a key of the sequence's scope (the scope's own key is never touched). */
type TagEntries = [key: number, value: string][]

function tagsOf(m: ChatModel, entries: TagEntries): Tags {
  return Object.fromEntries(entries.map(([key, value]) => [m.scope.keys[key % m.scope.keys.length] as string, value]))
}

function resourceIn(kind: TaggedKindName, body: unknown): Record<string, unknown> {
  return (body as Record<string, Record<string, unknown>>)[kind] as Record<string, unknown>
}

/** Two answers show the same resource: every field but updatedAt, which any write may move. */
function sameResource(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)])
  keys.delete('updatedAt')
  return [...keys].every((key) => sameJson(a[key], b[key]))
}

/** The first field in which two answers differ, for a message. */
function difference(now: Record<string, unknown>, before: Record<string, unknown>): string {
  const keys = [...new Set([...Object.keys(now), ...Object.keys(before)])].filter((k) => k !== 'updatedAt')
  const key = keys.find((k) => !sameJson(now[k], before[k])) ?? '?'
  return `${key} is ${shown(now[key])} where the sequence left it ${shown(before[key])}`
}

/** The fields of a create body the resource shows as sent (S8). */
const echoed: Record<TaggedKindName, string[]> = {
  user: ['name', 'pictureUrl'],
  conversation: ['channel'],
  message: ['type', 'payload', 'userId', 'conversationId'],
}

interface CreateExtra {
  name?: string
  pictureUrl?: string
  type: string
  payload: Record<string, unknown>
}

/** The body of a create (or get-or-create) of a kind, with the sequence's scope tag among the tags. */
function createBody(
  m: ChatModel,
  kind: TaggedKindName,
  tags: Tags,
  extra: CreateExtra,
  at: number,
): Record<string, unknown> | undefined {
  const withScope = { ...tags, ...scopeTag(m.scope) }
  if (kind === 'user') {
    return {
      tags: withScope,
      ...(extra.name !== undefined ? { name: extra.name } : {}),
      ...(extra.pictureUrl !== undefined ? { pictureUrl: extra.pictureUrl } : {}),
    }
  }
  if (kind === 'conversation') return { channel: pick(m.scope.channels, at), tags: withScope }
  const chat = pick(m.chats(), at)
  if (!chat) return undefined
  return {
    type: extra.type,
    payload: extra.payload,
    userId: chat.user.id,
    conversationId: chat.conversation.id,
    tags: withScope,
  }
}

const createExtra = (): fc.Arbitrary<CreateExtra> =>
  fc.record(
    { name: userName(), pictureUrl: pictureUrl(), type: messageType(), payload: payload() },
    { requiredKeys: ['type', 'payload'] },
  )

const tagEntries = (most: number): fc.Arbitrary<TagEntries> =>
  fc.array(fc.tuple(fc.nat({ max: 3 }), tagValue()), { maxLength: most })

class Create extends ModelCommand {
  protected readonly label: string
  constructor(
    private readonly kind: TaggedKindName,
    private readonly tags: TagEntries,
    private readonly extra: CreateExtra,
    private readonly at: number,
  ) {
    super()
    this.label = `${modelKinds[kind].create}(tags ${shown(tags)})`
  }

  protected can(m: Readonly<ChatModel>): boolean {
    return this.kind !== 'message' || m.chats().length > 0
  }

  protected async act(m: ChatModel, t: ModelTarget, say: (call: string) => void): Promise<void> {
    const op = modelKinds[this.kind].create
    const body = createBody(m, this.kind, tagsOf(m, this.tags), this.extra, this.at) as Record<string, unknown>
    say(`${op} ${shown(body)}`)
    const reply = await t.api.call(op, { body })
    const resource = resourceIn(this.kind, succeeded('SHAPE', reply))
    agrees(
      'S5',
      sameJson(resource.tags, body.tags),
      reply,
      `the new ${this.kind} has the tags ${shown(resource.tags)}, not the ${shown(body.tags)} it was created with`,
    )
    for (const field of echoed[this.kind])
      agrees(
        'S8',
        sameJson(resource[field], body[field]),
        reply,
        `the new ${this.kind} has ${field} ${shown(resource[field])}, not the ${shown(body[field])} it was created with`,
      )
    m.collection(this.kind).push({ id: String(resource.id), resource })
  }
}

class Get extends ModelCommand {
  protected readonly label: string
  constructor(
    private readonly kind: TaggedKindName,
    private readonly which: number,
  ) {
    super()
    this.label = `${modelKinds[kind].get}(#${which})`
  }

  protected can(m: Readonly<ChatModel>): boolean {
    return m.collection(this.kind).length + m.deleted[this.kind].length > 0
  }

  protected async act(m: ChatModel, t: ModelTarget, say: (call: string) => void): Promise<void> {
    const ids = [...m.collection(this.kind).map((k) => k.id), ...m.deleted[this.kind]]
    const id = pick(ids, this.which) as string
    say(`${modelKinds[this.kind].get} ${id}`)
    await readBack(m, t, this.kind, id)
  }
}

/** Gets one resource and compares it with the model: the same fields (S8), or 404 once deleted (S8). */
async function readBack(m: ChatModel, t: ModelTarget, kind: TaggedKindName, id: string): Promise<void> {
  const reply = await t.api.call(modelKinds[kind].get, { params: { id } })
  const known = m.find(kind, id)
  if (!known) return failedWith('S8', reply, notFound, `of the ${kind} the sequence deleted`)
  if (known.maybeGone && reply.status === 404) {
    failedWith('S8', reply, notFound)
    m.forget(kind, id)
    m.deleted[kind].push(id)
    return
  }
  const resource = resourceIn(kind, succeeded('S8', reply))
  agrees(
    'S8',
    sameResource(resource, known.resource),
    reply,
    `${id} reads back changed: ${difference(resource, known.resource)}`,
  )
  known.resource = resource
  delete known.maybeGone
}

/** Reads back every user, conversation and message the sequence made or deleted: an invariant of the model. */
class Sweep extends ModelCommand {
  protected readonly label = 'read back everything'

  protected can(m: Readonly<ChatModel>): boolean {
    return (['user', 'conversation', 'message'] as const).some((kind) => m.collection(kind).length > 0)
  }

  protected async act(m: ChatModel, t: ModelTarget, say: (call: string) => void): Promise<void> {
    const kinds = ['user', 'conversation', 'message'] as const
    const ids = kinds.map((kind) => [kind, [...m.collection(kind).map((k) => k.id), ...m.deleted[kind]]] as const)
    say(`read back ${ids.map(([kind, list]) => `${list.length} ${kind}${list.length === 1 ? '' : 's'}`).join(', ')}`)
    for (const [kind, list] of ids) for (const id of list) await readBack(m, t, kind, id)
  }
}

/** Reads back everything the sequence made or deleted. */
export const sweep: fc.Arbitrary<ModelCommand> = fc.constant(null).map(() => new Sweep())

/** The same, as the last call of every sequence: what a write broke silently is seen at the latest there. */
export const finalSweep = (): ModelCommand => new Sweep()

interface UpdateExtra {
  name?: string | null
  pictureUrl?: string | null
  payload?: Record<string, unknown>
}

class Update extends ModelCommand {
  protected readonly label: string
  constructor(
    private readonly kind: TaggedKindName,
    private readonly which: number,
    private readonly tags: TagEntries,
    private readonly extra: UpdateExtra,
  ) {
    super()
    this.label = `${modelKinds[kind].update}(#${which}, tags ${shown(tags)})`
  }

  protected can(m: Readonly<ChatModel>): boolean {
    return m.live(this.kind).length > 0
  }

  private body(m: ChatModel): Record<string, unknown> {
    const extra =
      this.kind === 'user'
        ? { name: this.extra.name, pictureUrl: this.extra.pictureUrl }
        : this.kind === 'message'
          ? { payload: this.extra.payload }
          : {}
    const sent = Object.fromEntries(Object.entries(extra).filter(([, value]) => value !== undefined))
    return { tags: tagsOf(m, this.tags), ...sent }
  }

  protected async act(m: ChatModel, t: ModelTarget, say: (call: string) => void): Promise<void> {
    const op = modelKinds[this.kind].update
    const known = pick(m.live(this.kind), this.which) as Known
    const body = this.body(m)
    say(`${op} ${known.id} ${shown(body)}`)
    const reply = await t.api.call(op, { params: { id: known.id }, body })
    const resource = resourceIn(this.kind, succeeded('S8', reply))
    expectTagUpdate(m, reply, known.resource.tags as Tags, body.tags as Tags, resource.tags as Tags)
    for (const [field, before] of Object.entries(known.resource)) {
      if (field === 'tags' || field === 'updatedAt') continue
      const wanted = field in body ? (body[field] === null ? undefined : body[field]) : before
      agrees(
        'S8',
        sameJson(resource[field], wanted),
        reply,
        field in body
          ? `${field} is ${shown(resource[field])} after an update that sent ${shown(body[field])}`
          : `${field} is ${shown(resource[field])} after an update that did not send it (it was ${shown(before)})`,
      )
    }
    for (const [field, value] of Object.entries(body)) {
      if (field === 'tags' || field in known.resource) continue
      const wanted = value === null ? undefined : value
      agrees(
        'S8',
        sameJson(resource[field], wanted),
        reply,
        `${field} is ${shown(resource[field])} after an update that sent ${shown(value)}`,
      )
    }
    known.resource = resource
  }
}

/**
 * S5: the keys sent are set, a key sent as "" is removed [doc]; a key not sent is kept [usage]
 * (at the core level it may only be kept or removed); no other key appears.
 */
function expectTagUpdate(
  m: ChatModel,
  reply: Parameters<typeof agrees>[2],
  before: Tags,
  sent: Tags,
  after: Tags,
): void {
  for (const [key, value] of Object.entries(sent)) {
    if (value === '')
      agrees('S5', !(key in after), reply, `the tag ${key} sent as "" is still there (${shown(after[key])})`)
    else agrees('S5', after[key] === value, reply, `the tag ${key} sent as ${shown(value)} is ${shown(after[key])}`)
  }
  for (const [key, value] of Object.entries(before)) {
    if (key in sent) continue
    const kept = after[key] === value
    if (m.settings.strict)
      agrees(
        'S5',
        kept,
        reply,
        `the tag ${key}, not sent, is ${shown(after[key])}: it was ${shown(value)} and must be kept`,
      )
    else
      agrees(
        'S5',
        kept || !(key in after),
        reply,
        `the tag ${key}, not sent, changed from ${shown(value)} to ${shown(after[key])}`,
      )
  }
  for (const key of Object.keys(after))
    agrees(
      'S5',
      key in before || key in sent,
      reply,
      `the tag ${key} appeared though neither the resource nor the update had it`,
    )
}

class Delete extends ModelCommand {
  protected readonly label: string
  constructor(
    private readonly kind: TaggedKindName,
    private readonly which: number,
  ) {
    super()
    this.label = `${modelKinds[kind].delete}(#${which})`
  }

  protected can(m: Readonly<ChatModel>): boolean {
    return m.live(this.kind).length > 0
  }

  protected async act(m: ChatModel, t: ModelTarget, say: (call: string) => void): Promise<void> {
    const op = modelKinds[this.kind].delete
    const known = pick(m.live(this.kind), this.which) as Known
    say(`${op} ${known.id}`)
    succeeded('S8', await t.api.call(op, { params: { id: known.id } }))
    m.afterDelete(this.kind, known.id)
  }
}

/** A get-or-create request: tags taken from a resource the model has (so that it may match), or new ones. */
interface GetOrCreateSpec {
  from: number | null
  /** A key set to a value (a differing tag), or dropped. */
  change: [key: number, value: string | null] | null
  /** Key indexes of the request's tags to discriminate by (the scope key always among them); null: no discriminator. */
  discriminate: number[] | null
  at: number
  extra: CreateExtra
}

class GetOrCreate extends ModelCommand {
  protected readonly label: string
  constructor(
    private readonly kind: TaggedKindName,
    private readonly spec: GetOrCreateSpec,
  ) {
    super()
    this.label = `${modelKinds[kind].getOrCreate}(${shown(spec)})`
  }

  protected can(m: Readonly<ChatModel>): boolean {
    return this.kind !== 'message' || m.chats().length > 0
  }

  private request(m: ChatModel): { body: Record<string, unknown>; tags: Tags; keys: string[] | undefined } {
    const { from, change, discriminate, at, extra } = this.spec
    // Also the tags of a resource the sequence deleted: a get-or-create must not find it any more.
    const base = from === null ? undefined : pick([...m.collection(this.kind), ...m.graveyard[this.kind]], from)
    const tags: Tags = {}
    for (const key of m.scope.keys) {
      const value = (base?.resource.tags as Tags | undefined)?.[key]
      if (value !== undefined) tags[key] = value
    }
    if (change) {
      const key = m.scope.keys[change[0] % m.scope.keys.length] as string
      if (change[1] === null) delete tags[key]
      else tags[key] = change[1]
    }
    let body = createBody(m, this.kind, tags, extra, at) as Record<string, unknown>
    // Tags taken from a resource are asked for where it is: in its channel, in its conversation.
    if (base && this.kind === 'conversation') body = { ...body, channel: base.resource.channel }
    const chat = m.chats().find((c) => c.conversation.id === base?.resource.conversationId)
    if (base && this.kind === 'message' && chat)
      body = { ...body, conversationId: chat.conversation.id, userId: chat.user.id }
    const keys = discriminate
      ? [m.scope.tagKey, ...new Set(discriminate.map((i) => Object.keys(tags)[i]).filter((k) => k !== undefined))]
      : undefined
    return { body: keys ? { ...body, discriminateByTags: keys } : body, tags: body.tags as Tags, keys }
  }

  protected async act(m: ChatModel, t: ModelTarget, say: (call: string) => void): Promise<void> {
    const op = modelKinds[this.kind].getOrCreate
    const { body, tags, keys } = this.request(m)
    say(`${op} ${shown(body)}`)
    const reply = await t.api.call(op, { body })
    const resource = resourceIn(this.kind, succeeded('S6', reply))
    const { definite, possible } = matches(m, this.kind, body, tags, keys)
    const id = String(resource.id)
    agrees('S6', !m.deleted[this.kind].includes(id), reply, `returned ${id}, which the sequence deleted`)
    const known = m.find(this.kind, id)
    if (known) {
      agrees(
        'S6',
        definite.includes(known) || possible.includes(known),
        reply,
        `returned ${id}, whose tags ${shown(known.resource.tags)} do not match ${shown(tags)}${keys ? ` on ${shown(keys)}` : ''}`,
      )
      // Whether a match takes the request's other tags is open: either is fine, nothing else.
      const merged = { ...(known.resource.tags as Tags), ...tags }
      agrees(
        'S6',
        sameJson(resource.tags, known.resource.tags) || sameJson(resource.tags, merged),
        reply,
        `returned ${id} with the tags ${shown(resource.tags)}: neither its own ${shown(known.resource.tags)} nor those with the request's`,
      )
      known.resource = resource
      delete known.maybeGone
      return
    }
    agrees(
      'S6',
      definite.length === 0,
      reply,
      `created ${id} though ${definite[0]?.id} matches (its tags ${shown(definite[0]?.resource.tags)}, the request's ${shown(tags)}${keys ? ` on ${shown(keys)}` : ''})`,
    )
    agrees(
      'S6',
      sameJson(resource.tags, tags),
      reply,
      `created ${id} with the tags ${shown(resource.tags)}, not ${shown(tags)}`,
    )
    m.collection(this.kind).push({ id, resource })
  }
}

/**
 * The resources a get-or-create must (definite) or may (possible) return. Definite: every
 * discriminating key matches (with discriminateByTags), or the tags are the very tags asked for
 * (without), in the same channel or conversation, and surely still there. Possible: the
 * documents leave it open — the request's tags a strict subset of the resource's, another
 * channel or conversation, a resource that may have gone with what it belonged to.
 */
function matches(
  m: ChatModel,
  kind: TaggedKindName,
  body: Record<string, unknown>,
  tags: Tags,
  keys: string[] | undefined,
): { definite: Known[]; possible: Known[] } {
  const definite: Known[] = []
  const possible: Known[] = []
  for (const known of m.collection(kind)) {
    const own = known.resource.tags as Tags
    const on = keys ?? Object.keys(tags)
    if (!on.every((key) => own[key] === tags[key])) continue
    const exact = keys !== undefined || Object.keys(own).length === Object.keys(tags).length
    const sameScope =
      kind === 'conversation'
        ? known.resource.channel === body.channel
        : kind === 'message'
          ? known.resource.conversationId === body.conversationId
          : true
    if (exact && sameScope && !known.maybeGone) definite.push(known)
    else possible.push(known)
  }
  return { definite, possible }
}

const which = fc.nat({ max: 7 })

/** The arbitraries of one kind's commands. */
export function taggedCommands(kind: TaggedKindName): {
  create: fc.Arbitrary<ModelCommand>
  get: fc.Arbitrary<ModelCommand>
  update: fc.Arbitrary<ModelCommand>
  delete: fc.Arbitrary<ModelCommand>
  getOrCreate: fc.Arbitrary<ModelCommand>
} {
  const updateExtra: fc.Arbitrary<UpdateExtra> = fc.record(
    {
      name: fc.option(userName(), { nil: null }),
      pictureUrl: fc.option(pictureUrl(), { nil: null }),
      payload: payload(),
    },
    { requiredKeys: [] },
  )
  const updateTags: fc.Arbitrary<TagEntries> = fc.array(
    fc.tuple(fc.nat({ max: 3 }), fc.oneof(tagValue(), fc.constant(''))),
    // Every update sets or unsets a key: what a later call must see changed.
    { minLength: 1, maxLength: 3 },
  )
  return {
    create: fc.tuple(tagEntries(3), createExtra(), which).map(([tags, extra, at]) => new Create(kind, tags, extra, at)),
    get: which.map((i) => new Get(kind, i)),
    update: fc.tuple(which, updateTags, updateExtra).map(([i, tags, extra]) => new Update(kind, i, tags, extra)),
    delete: which.map((i) => new Delete(kind, i)),
    getOrCreate: fc
      .record({
        from: fc.option(which, { nil: null }),
        // Half the time the very tags of a resource, half with and half without discriminateByTags.
        change: fc.option(fc.tuple(fc.nat({ max: 3 }), fc.option(tagValue(), { nil: null })), { nil: null, freq: 2 }),
        discriminate: fc.option(fc.array(fc.nat({ max: 3 }), { maxLength: 2 }), { nil: null, freq: 2 }),
        at: which,
        extra: createExtra(),
      })
      .map((spec) => new GetOrCreate(kind, spec)),
  }
}

/** A user and a conversation with no tags but the scope's: where a sequence that needs a chat starts. */
export function startingResources(): ModelCommand[] {
  const extra: CreateExtra = { type: 'text', payload: {} }
  return [new Create('user', [], extra, 0), new Create('conversation', [], extra, 0)]
}
