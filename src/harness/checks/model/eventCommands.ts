// Events in the model (S10): created linked to a conversation, user and message of the sequence
// (or some of them, or none), scheduled or not; read back; listed page by page by each filter,
// with and without a status. A status may change as the target processes an event (the documents
// say only which statuses there are), so the model does not hold an event to one.
import fc from 'fast-check'
import { payload } from '../../../../fixtures/modelValues.ts'
import { documentedValues } from '../../../../fixtures/contractFields.ts'
import type { Schedule } from '../../../contract/types.ts'
import { byId, expectListed, walkPages } from '../listWalk.ts'
import { agrees, sameJson, succeeded, under, type ChatModel, type Known, type ModelTarget } from './chatModel.ts'
import { ModelCommand, pick, shown } from './modelCommand.ts'

const links = ['conversation', 'user', 'message'] as const
type Link = (typeof links)[number]

/** A day ahead: a scheduled event stays scheduled while the sequence runs. */
const aDay = 86_400_000

interface CreateSpec {
  type: number
  payload: Record<string, unknown>
  link: Partial<Record<Link, number>>
  schedule: 'none' | 'delay' | 'dateTime'
}

class Create extends ModelCommand {
  protected readonly label: string
  constructor(private readonly spec: CreateSpec) {
    super()
    this.label = `createEvent(${shown(spec)})`
  }

  protected can(): boolean {
    return true
  }

  protected async act(m: ChatModel, t: ModelTarget, say: (call: string) => void): Promise<void> {
    const body: Record<string, unknown> = {
      type: pick(m.scope.eventTypes, this.spec.type),
      payload: this.spec.payload,
    }
    for (const link of links) {
      const index = this.spec.link[link]
      const target = index === undefined ? undefined : pick(m.live(link), index)
      if (target) body[`${link}Id`] = target.id
    }
    const schedule: Schedule | undefined =
      this.spec.schedule === 'delay'
        ? { delay: aDay }
        : this.spec.schedule === 'dateTime'
          ? { dateTime: new Date(Date.now() + aDay).toISOString() }
          : undefined
    if (schedule) body.schedule = schedule
    say(`createEvent ${shown(body)}`)
    const reply = await t.api.call<{ event: Record<string, unknown> }>('createEvent', { body })
    const { event } = succeeded('SHAPE', reply)
    for (const field of ['type', 'payload', 'conversationId', 'userId', 'messageId'])
      agrees(
        'S10',
        sameJson(event[field], body[field]),
        reply,
        `the new event has ${field} ${shown(event[field])}, not the ${shown(body[field])} it was created with`,
      )
    agrees(
      'S10',
      event.failureReason === null || event.status === 'failed',
      reply,
      `a new event that has not failed has failureReason ${shown(event.failureReason)} (null until it fails)`,
    )
    m.events.push({ id: String(event.id), resource: event })
  }
}

/** Fields an event keeps; its status and failure reason follow its processing. */
function sameEvent(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)])
  for (const moving of ['status', 'failureReason']) keys.delete(moving)
  return [...keys].every((key) => sameJson(a[key], b[key]))
}

class Get extends ModelCommand {
  protected readonly label: string
  constructor(private readonly which: number) {
    super()
    this.label = `getEvent(#${which})`
  }

  protected can(m: Readonly<ChatModel>): boolean {
    return m.events.length > 0
  }

  protected async act(m: ChatModel, t: ModelTarget, say: (call: string) => void): Promise<void> {
    const known = pick(m.events, this.which) as Known
    say(`getEvent ${known.id}`)
    const reply = await t.api.call<{ event: Record<string, unknown> }>('getEvent', { params: { id: known.id } })
    if (known.maybeGone && reply.status === 404) return
    const { event } = succeeded('S8', reply)
    agrees(
      'S8',
      sameEvent(event, known.resource),
      reply,
      `${known.id} reads back other than it was created: ${shown(event)}`,
    )
    known.resource = event
    delete known.maybeGone
  }
}

const filters = ['type', 'conversationId', 'userId', 'messageId'] as const

interface ListSpec {
  by: (typeof filters)[number]
  which: number
  /** Also narrowed to the status of one of the sequence's events. */
  status: number | null
}

class List extends ModelCommand {
  protected readonly label: string
  constructor(private readonly spec: ListSpec) {
    super()
    this.label = `listEvents(${shown(spec)})`
  }

  private value(m: Readonly<ChatModel>): string | undefined {
    const { by, which } = this.spec
    if (by === 'type') return pick(m.scope.eventTypes, which)
    return pick(m.live(by.replace(/Id$/, '') as Link), which)?.id
  }

  protected can(m: Readonly<ChatModel>): boolean {
    return this.value(m) !== undefined
  }

  protected async act(m: ChatModel, t: ModelTarget, say: (call: string) => void): Promise<void> {
    const { by } = this.spec
    const value = this.value(m) as string
    const statuses = documentedValues('queries/listEvents.json', 'status')
    const seen = m.events.map((e) => String(e.resource.status)).filter((s) => statuses.includes(s))
    const status = this.spec.status === null ? undefined : (pick(seen, this.spec.status) ?? statuses[0])
    const query = { [by]: value, ...(status ? { status } : {}) }
    say(`listEvents ${shown(query)} (every page)`)
    const walk = await under('S10', () =>
      walkPages<Record<string, unknown> & { id: string }>(t.api, 'listEvents', 'events', { query }),
    )
    const inside = (e: Known) => e.resource[by] === value
    const ours = new Set(m.events.map((e) => e.id))
    // With a status, which of the sequence's events have it now is the target's to say: only the items are judged.
    const wanted = status ? [] : m.events.filter((e) => inside(e) && !e.maybeGone).map((e) => e.id)
    under('S10', () =>
      expectListed(walk, {
        keyOf: byId,
        wanted,
        outside: (item) =>
          item[by] !== value ||
          (status !== undefined && item.status !== status) ||
          (ours.has(String(item.id)) && !m.events.some((e) => e.id === item.id && inside(e))),
        filter: shown(query),
        show: (item) =>
          `${String(item.id)} (${by} ${shown(item[by])}${status ? `, status ${shown(item.status)}` : ''})`,
      }),
    )
  }
}

const which = fc.nat({ max: 7 })

export const eventCommands = {
  create: fc
    .record({
      type: fc.nat({ max: 1 }),
      payload: payload(),
      link: fc.record({ conversation: which, user: which, message: which }, { requiredKeys: [] }),
      schedule: fc.constantFrom('none' as const, 'delay' as const, 'dateTime' as const),
    })
    .map((spec): ModelCommand => new Create(spec)),
  get: which.map((i): ModelCommand => new Get(i)),
  list: fc
    .record({ by: fc.constantFrom(...filters), which, status: fc.option(which, { nil: null }) })
    .map((spec): ModelCommand => new List(spec)),
}
