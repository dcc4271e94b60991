// The model-based checks, one per rule family so that a failure names the rule it breaks: each
// draws random sequences from the calls that bear on its rule (and those that set the scene),
// compares every answer with the model, and fails only on a disagreement under its own rule. The
// core checks hold the target to [doc] rules and accept either answer where the documents leave
// one open; the strict ones add the [usage] rules of their family.
import type fc from 'fast-check'
import type { OperationId } from '../../../contract/operations.ts'
import type { RuleId } from '../../../contract/rules.ts'
import { defineCheck, type Check } from '../check.ts'
import { eventCommands } from './eventCommands.ts'
import { listCommands, tagValueCommand } from './listCommands.ts'
import type { ModelCommand } from './modelCommand.ts'
import { runModel, type ModelDefinition } from './modelRun.ts'
import { participantCommands, startingParticipant } from './participantCommands.ts'
import { stateCommands } from './stateCommands.ts'
import { finalSweep, startingResources, sweep, taggedCommands } from './taggedCommands.ts'

type Commands = fc.Arbitrary<ModelCommand>[]

interface Family {
  rule: RuleId
  operation: OperationId
  subject: string
  /**
   * The mixes of calls a sequence is drawn from, one per sequence: a mix that dwells on one kind
   * of resource makes the few calls a fault needs (a get, an update, a get of the same user)
   * likely within a short sequence; `all` mixes everything.
   */
  focuses: () => Record<string, Commands>
  states?: true
  /** Every sequence starts with a user taking part in a conversation. */
  chat?: true
  /** Every sequence ends by reading back everything it made or deleted. */
  readBackAtEnd?: true
}

const users = taggedCommands('user')
const conversations = taggedCommands('conversation')
const messages = taggedCommands('message')
const p = participantCommands
const kinds = { users, conversations, messages }

const times = <T>(n: number, item: T): T[] => Array.from({ length: n }, () => item)

/** One mix per kind of resource, and one of all of them. */
function perKind(
  mix: (kind: ReturnType<typeof taggedCommands>, name: keyof typeof kinds) => Commands,
): Record<string, Commands> {
  const mixes = Object.fromEntries(
    Object.entries(kinds).map(([name, kind]) => [name, mix(kind, name as keyof typeof kinds)]),
  )
  return { ...mixes, all: Object.values(mixes).flat() }
}

const families: Family[] = [
  {
    rule: 'S5',
    operation: 'updateUser',
    subject: 'tags after creates and updates that set and unset keys',
    chat: true,
    focuses: () => perKind((k) => [k.create, ...times(3, k.update), k.get]),
  },
  {
    rule: 'S6',
    operation: 'getOrCreateConversation',
    subject: 'what get-or-create returns, with and without discriminateByTags, after creates, tag updates and deletes',
    chat: true,
    focuses: () => perKind((k) => [k.create, ...times(3, k.getOrCreate), k.update, k.delete]),
  },
  {
    rule: 'S7',
    operation: 'listConversations',
    subject: 'lists walked page by page under every filter and sort, after creates, updates, deletes and participants',
    chat: true,
    focuses: () => ({
      ...perKind((k, name) => [
        k.create,
        k.update,
        k.delete,
        ...times(3, listCommands(name === 'users' ? 'user' : name === 'conversations' ? 'conversation' : 'message')),
        ...(name === 'messages' ? [] : [p.add, p.remove]),
      ]),
      tagValues: [
        users.create,
        users.update,
        conversations.create,
        conversations.update,
        messages.create,
        messages.update,
        tagValueCommand,
        tagValueCommand,
      ],
    }),
  },
  {
    rule: 'S8',
    operation: 'getUser',
    subject: 'reads after creates, updates of some fields, deletes and the calls around them',
    chat: true,
    readBackAtEnd: true,
    focuses: () => ({
      ...perKind((k, name) => [
        ...times(name === 'messages' ? 2 : 1, k.create),
        ...times(2, k.get),
        ...times(2, k.update),
        k.delete,
        sweep,
        ...(name === 'messages' ? [] : [users.create, p.add, p.remove]),
      ]),
      events: [messages.create, eventCommands.create, eventCommands.get, sweep],
      // Writes to a chat's user and conversation between participant changes.
      chat: [users.create, users.update, conversations.update, p.add, p.remove, users.get, conversations.get],
    }),
  },
  {
    rule: 'S9',
    operation: 'listParticipants',
    subject: 'participants added, read, listed and removed, with users and conversations made and deleted',
    chat: true,
    focuses: () => ({
      // The first user and conversation alone: adds, removes and lists of one pair, again and again.
      pair: [p.add, p.remove, p.get, p.list],
      all: [
        users.create,
        users.delete,
        conversations.create,
        conversations.delete,
        ...times(2, p.add),
        ...times(2, p.get),
        ...times(2, p.remove),
        ...times(2, p.list),
      ],
    }),
  },
  {
    rule: 'S10',
    operation: 'listEvents',
    subject: 'events created, read and listed by each filter, linked to what the sequence made',
    chat: true,
    focuses: () => ({
      all: [
        users.create,
        conversations.create,
        messages.create,
        p.add,
        ...times(3, eventCommands.create),
        eventCommands.get,
        ...times(2, eventCommands.list),
      ],
    }),
  },
  {
    rule: 'S11',
    operation: 'getState',
    subject: 'states set, read, got-or-set, patched and given new expiries',
    focuses: () => ({ all: stateCommands(false) }),
    states: true,
  },
]

/** The [usage] rules a family's strict check adds. */
const strictFamilies: Family[] = [
  {
    rule: 'S5',
    operation: 'updateUser',
    subject: 'tags after updates, keys not sent kept',
    chat: true,
    focuses: () => perKind((k) => [k.create, ...times(3, k.update), k.get]),
  },
  {
    rule: 'S11',
    operation: 'patchState',
    subject: 'states after patches (a shallow merge) and deletes (payload null)',
    focuses: () => ({ all: stateCommands(true) }),
    states: true,
  },
]

function modelCheck(family: Family, strict: boolean): Check {
  const id = `${family.rule}.model.${strict ? 'usage-sequences' : 'sequences'}`
  const definition: ModelDefinition = {
    rule: family.rule,
    strict,
    focuses: family.focuses,
    ...(family.states ? { states: true } : {}),
    ...(family.chat ? { start: () => [...startingResources(), startingParticipant()] } : {}),
    ...(family.readBackAtEnd ? { end: finalSweep } : {}),
  }
  return defineCheck(
    {
      id,
      operation: family.operation,
      summary: `random sequences of calls agree with a model of the documented behaviour (${family.rule}${strict ? ', [usage] included' : ''}): ${family.subject}; a failure is shrunk to the shortest sequence`,
      ...(strict ? { usage: true } : {}),
    },
    (f) => runModel(f, definition, id),
  )
}

export const modelChecks = (): Check[] => [
  ...families.map((family) => modelCheck(family, false)),
  ...strictFamilies.map((family) => modelCheck(family, true)),
]
