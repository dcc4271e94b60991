// States in the model (S11), at a few names of one conversation the sequence made first: set,
// get (also of a name never set: 404), get-or-set, patch, change the expiry. [usage] rules —
// patchState merges, setState with payload null deletes — are held at the strict level only;
// at the core level the model takes what the target answers after them.
import fc from 'fast-check'
import { longExpiry, payload } from '../../../../fixtures/modelValues.ts'
import { documentedValue } from '../../../../fixtures/contractFields.ts'
import { notFound } from '../../../contract/documentedErrors.ts'
import type { Payload, StateAddress } from '../../../contract/types.ts'
import {
  agrees,
  failedWith,
  sameJson,
  succeeded,
  type ChatModel,
  type ModelTarget,
  type StateEntry,
} from './chatModel.ts'
import { ModelCommand, pick, shown } from './modelCommand.ts'

const conversationState = documentedValue('params/state.json', ['type'], 'conversation')

function address(m: Readonly<ChatModel>, entry: StateEntry): StateAddress {
  return { type: conversationState, id: m.scope.stateOwner as string, name: entry.name }
}

type StateReply = { state: { payload: Payload; name: string; type: string } }

/** The state answered: its payload, after the name and type the address gave it (S11). */
function stateOf(m: ChatModel, entry: StateEntry, reply: Parameters<typeof succeeded>[1]): Payload {
  const { state } = succeeded('S11', reply) as StateReply
  agrees(
    'S11',
    state.name === entry.name && state.type === conversationState,
    reply,
    `answered the state ${shown(state.type)}/${shown(state.name)} for ${conversationState}/${shown(entry.name)}`,
  )
  return state.payload
}

abstract class StateCommand extends ModelCommand {
  constructor(protected readonly which: number) {
    super()
  }

  protected entry(m: Readonly<ChatModel>): StateEntry {
    return pick(m.states, this.which) as StateEntry
  }

  protected can(m: Readonly<ChatModel>): boolean {
    return m.scope.stateOwner !== undefined
  }
}

/** A command on a state the model knows to be stored (patch, expiry: on nothing, the documents say nothing). */
abstract class StoredStateCommand extends StateCommand {
  protected override can(m: Readonly<ChatModel>): boolean {
    return super.can(m) && m.states.some((s) => typeof s.payload === 'object')
  }

  protected override entry(m: Readonly<ChatModel>): StateEntry {
    return pick(
      m.states.filter((s) => typeof s.payload === 'object'),
      this.which,
    ) as StateEntry
  }
}

class SetState extends StateCommand {
  protected readonly label: string
  constructor(
    which: number,
    private readonly payload: Payload,
    private readonly expiry: number | undefined,
  ) {
    super(which)
    this.label = `setState(#${which}, ${shown(payload)})`
  }

  protected async act(m: ChatModel, t: ModelTarget, say: (call: string) => void): Promise<void> {
    const entry = this.entry(m)
    const body = { payload: this.payload, ...(this.expiry === undefined ? {} : { expiry: this.expiry }) }
    say(`setState ${entry.name} ${shown(body)}`)
    const reply = await t.api.call('setState', { params: { ...address(m, entry) }, body })
    const stored = stateOf(m, entry, reply)
    agrees(
      'S11',
      sameJson(stored, this.payload),
      reply,
      `stored the payload ${shown(stored)}, not the ${shown(this.payload)} sent`,
    )
    entry.payload = this.payload
  }
}

/** [usage] setState with payload null deletes the state (strict level only). */
class Delete extends StateCommand {
  protected readonly label: string
  constructor(which: number) {
    super(which)
    this.label = `setState(#${which}, null)`
  }

  protected async act(m: ChatModel, t: ModelTarget, say: (call: string) => void): Promise<void> {
    const entry = this.entry(m)
    say(`setState ${entry.name} {"payload":null}`)
    const reply = await t.api.call('setState', { params: { ...address(m, entry) }, body: { payload: null } })
    succeeded('S11', reply)
    entry.payload = m.settings.strict ? undefined : 'open'
  }
}

class Get extends StateCommand {
  protected readonly label: string
  constructor(which: number) {
    super(which)
    this.label = `getState(#${which})`
  }

  protected async act(m: ChatModel, t: ModelTarget, say: (call: string) => void): Promise<void> {
    const entry = this.entry(m)
    say(`getState ${entry.name}`)
    const reply = await t.api.call('getState', { params: { ...address(m, entry) } })
    if (entry.payload === undefined) return failedWith('S11', reply, notFound, 'of a state never set (or deleted)')
    if (entry.payload === 'open' && reply.status === 404) {
      failedWith('S11', reply, notFound)
      entry.payload = undefined
      return
    }
    const stored = stateOf(m, entry, reply)
    if (entry.payload !== 'open')
      agrees(
        'S11',
        sameJson(stored, entry.payload),
        reply,
        `answered the payload ${shown(stored)}, where ${shown(entry.payload)} is stored`,
      )
    entry.payload = stored
  }
}

class GetOrSet extends StateCommand {
  protected readonly label: string
  constructor(
    which: number,
    private readonly payload: Payload,
  ) {
    super(which)
    this.label = `getOrSetState(#${which}, ${shown(payload)})`
  }

  protected async act(m: ChatModel, t: ModelTarget, say: (call: string) => void): Promise<void> {
    const entry = this.entry(m)
    say(`getOrSetState ${entry.name} ${shown({ payload: this.payload })}`)
    const reply = await t.api.call('getOrSetState', {
      params: { ...address(m, entry) },
      body: { payload: this.payload },
    })
    const answered = stateOf(m, entry, reply)
    if (entry.payload === undefined)
      agrees(
        'S11',
        sameJson(answered, this.payload),
        reply,
        `no state was set, yet it answered ${shown(answered)}, not the ${shown(this.payload)} sent`,
      )
    else if (entry.payload !== 'open')
      agrees(
        'S11',
        sameJson(answered, entry.payload),
        reply,
        `a state is stored (${shown(entry.payload)}), yet it answered ${shown(answered)}`,
      )
    entry.payload = answered
  }
}

class Patch extends StoredStateCommand {
  protected readonly label: string
  constructor(
    which: number,
    private readonly payload: Payload,
  ) {
    super(which)
    this.label = `patchState(#${which}, ${shown(payload)})`
  }

  protected async act(m: ChatModel, t: ModelTarget, say: (call: string) => void): Promise<void> {
    const entry = this.entry(m)
    say(`patchState ${entry.name} ${shown({ payload: this.payload })}`)
    const reply = await t.api.call('patchState', { params: { ...address(m, entry) }, body: { payload: this.payload } })
    const patched = stateOf(m, entry, reply)
    if (m.settings.strict) {
      const merged = { ...(entry.payload as Payload), ...this.payload }
      agrees(
        'S11',
        sameJson(patched, merged),
        reply,
        `patched ${shown(entry.payload)} with ${shown(this.payload)} into ${shown(patched)}, not the shallow merge ${shown(merged)}`,
      )
    }
    entry.payload = patched
  }
}

class Expiry extends StoredStateCommand {
  protected readonly label: string
  constructor(
    which: number,
    private readonly expiry: number,
  ) {
    super(which)
    this.label = `setStateExpiry(#${which}, ${expiry})`
  }

  protected async act(m: ChatModel, t: ModelTarget, say: (call: string) => void): Promise<void> {
    const entry = this.entry(m)
    say(`setStateExpiry ${entry.name} ${shown({ expiry: this.expiry })}`)
    const reply = await t.api.call('setStateExpiry', {
      params: { ...address(m, entry) },
      body: { expiry: this.expiry },
    })
    const stored = stateOf(m, entry, reply)
    agrees(
      'S11',
      sameJson(stored, entry.payload),
      reply,
      `changing the expiry answered the payload ${shown(stored)}, where ${shown(entry.payload)} is stored`,
    )
  }
}

const which = fc.nat({ max: 5 })

export function stateCommands(strict: boolean): fc.Arbitrary<ModelCommand>[] {
  return [
    fc.tuple(which, payload(), fc.option(longExpiry(), { nil: undefined })).map(([i, p, e]) => new SetState(i, p, e)),
    which.map((i) => new Get(i)),
    which.map((i) => new Get(i)),
    fc.tuple(which, payload()).map(([i, p]) => new GetOrSet(i, p)),
    fc.tuple(which, payload()).map(([i, p]) => new Patch(i, p)),
    fc.tuple(which, longExpiry()).map(([i, e]) => new Expiry(i, e)),
    // Deleting with payload null is [usage]: only the strict model sends it.
    ...(strict ? [which.map((i): ModelCommand => new Delete(i))] : []),
  ]
}
