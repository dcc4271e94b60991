// S11: a state is a payload at /states/{type}/{id}/{name}: set, read, got-or-set, patched, given
// an expiry after which it is gone; S4: every documented state type is accepted in the path.
// Every state a check sets is removed when it ends (the ledger sets its payload to null).
import { setTimeout as sleep } from 'node:timers/promises'
import { notFound } from '../../contract/documentedErrors.ts'
import type { RuntimeClient } from '../client/runtimeClient.ts'
import { documentedValues } from '../../../fixtures/contractFields.ts'
import type * as T from '../../contract/types.ts'
import type { CheckContext } from './checkContext.ts'
import { defineCheck, type Check } from './check.ts'
import { expectError, expectSuccess, expectThat } from './expectations.ts'
import { fieldDiff } from './fieldDiff.ts'
import { observe } from './observations.ts'
import { neverExistingId } from '../../../fixtures/identifiers.ts'

/** Short, so the run stays short; long enough that the state is still there when read at once. */
const shortExpiryMs = 1_000
/** How long after its expiry a state may still be seen, for a target whose clock or sweep lags. */
const expiryGraceMs = 2_000
const pollMs = 250

function payloadDiff(expected: T.Payload, state: T.State): string | undefined {
  return fieldDiff(expected, state.payload)
}

/** Reads a state and expects it to hold `payload`. */
async function expectPayload(
  api: RuntimeClient,
  at: T.StateAddress,
  payload: T.Payload,
  context: string,
): Promise<void> {
  const reply = await api.getState(at)
  const diff = payloadDiff(payload, expectSuccess(reply, context).state)
  expectThat(diff === undefined, reply, `the payload ${context} must be the one stored: ${diff}`)
}

/** Waits out an expiry, then reads the state until it is gone or the grace period ends. */
async function expectExpired(api: RuntimeClient, at: T.StateAddress, expiryMs: number): Promise<void> {
  await api.wait(expiryMs, 'the expiry must pass before the state may be gone')
  const deadline = Date.now() + expiryGraceMs
  for (;;) {
    const reply = await api.getState(at)
    if (reply.status !== reply.operation.status || Date.now() >= deadline) {
      return expectError(reply, notFound, `${expiryGraceMs} ms after an expiry of ${expiryMs} ms had passed`)
    }
    await sleep(pollMs)
  }
}

const setThenGet = defineCheck(
  {
    id: 'S11.state.set-then-get',
    operation: 'getState',
    summary: 'getState returns the payload the last setState stored, at the type and name of its path',
  },
  async ({ api, make, values }) => {
    const at = await make.stateAddress()
    for (const payload of [{ step: values.faker.word.verb(), count: 1 }, { other: values.faker.word.noun() }]) {
      expectSuccess(await api.setState(at, { payload }))
      const reply = await api.getState(at)
      const { state } = expectSuccess(reply)
      const diff = payloadDiff(payload, state)
      expectThat(diff === undefined, reply, `must return the payload setState stored last: ${diff}`)
      expectThat(
        state.type === at.type && state.name === at.name,
        reply,
        `must be the ${at.type} state ${at.name}, was the ${state.type} state ${state.name}`,
      )
    }
  },
)

const neverSetIsNotFound = defineCheck(
  {
    id: 'S11.state.never-set-404',
    operation: 'getState',
    summary: 'getState of a state never set answers 404 ResourceNotFound',
    failurePath: true,
  },
  async ({ api, make }) => {
    expectError(await api.getState(await make.stateAddress()), notFound, 'of a state never set')
  },
)

const getOrSetStores = defineCheck(
  {
    id: 'S11.state.get-or-set',
    operation: 'getOrSetState',
    summary: 'getOrSetState stores its payload when no state is set, and returns the stored state when one is',
  },
  async ({ api, make }) => {
    const at = await make.stateAddress()
    const first = { step: 'first' }
    const stored = await api.getOrSetState(at, { payload: first })
    const storedDiff = payloadDiff(first, expectSuccess(stored).state)
    expectThat(
      storedDiff === undefined,
      stored,
      `with no state set, must store and return the payload sent: ${storedDiff}`,
    )
    await expectPayload(api, at, first, 'after getOrSetState')
    const again = await api.getOrSetState(at, { payload: { step: 'second' } })
    const againDiff = payloadDiff(first, expectSuccess(again).state)
    expectThat(
      againDiff === undefined,
      again,
      `with a state set, must return the stored payload, not the one sent: ${againDiff}`,
    )
  },
)

const patchMerges = defineCheck(
  {
    id: 'S11.state.patch-merges',
    operation: 'patchState',
    summary: 'patchState merges the keys sent into the stored payload and keeps the others',
    usage: true,
  },
  async ({ api, make }) => {
    const { at } = await make.state({ kept: 'a', changed: 'b' })
    const merged = { kept: 'a', changed: 'c', added: 'd' }
    const reply = await api.patchState(at, { payload: { changed: 'c', added: 'd' } })
    const diff = payloadDiff(merged, expectSuccess(reply).state)
    expectThat(diff === undefined, reply, `must answer the merged payload: ${diff}`)
    await expectPayload(api, at, merged, 'after patchState')
  },
)

const expiryPasses = defineCheck(
  {
    id: 'S11.state.expiry-passes',
    operation: 'setState',
    summary: `a state set with an expiry of ${shortExpiryMs} ms is there at once and gone (getState 404) once it has passed`,
  },
  async ({ api, make }) => {
    const at = await make.stateAddress()
    const payload = { short: 'lived' }
    expectSuccess(await api.setState(at, { payload, expiry: shortExpiryMs }))
    await expectPayload(api, at, payload, 'right after setState with an expiry')
    await expectExpired(api, at, shortExpiryMs)
  },
)

const setExpiryPasses = defineCheck(
  {
    id: 'S11.state.set-expiry-passes',
    operation: 'setStateExpiry',
    summary: `after setStateExpiry of ${shortExpiryMs} ms, a state set without expiry is gone (getState 404) once it has passed`,
  },
  async ({ api, make }) => {
    const { at, state } = await make.state()
    expectSuccess(await api.setStateExpiry(at, shortExpiryMs))
    await expectPayload(api, at, state.payload, 'right after setStateExpiry')
    await expectExpired(api, at, shortExpiryMs)
  },
)

const nullPayloadDeletes = defineCheck(
  {
    id: 'S11.state.null-payload-deletes',
    operation: 'setState',
    summary: 'setState with payload null deletes the state (getState 404)',
    usage: true,
  },
  async ({ api, make }) => {
    const { at } = await make.state()
    expectSuccess(await api.setState(at, { payload: null }))
    expectError(await api.getState(at), notFound, 'after setState with payload null')
  },
)

/**
 * Whose id a state of each type is addressed by. A type without an owner here gets a well-formed
 * id of nothing: the target may answer 404 for it (it knows no such owner), never 400.
 */
const owners: Partial<Record<string, (f: CheckContext) => string | Promise<string>>> = {
  conversation: async ({ make }) => (await make.conversation()).id,
  user: async ({ make }) => (await make.user()).id,
  bot: ({ harness }) => harness.botId,
}

const typeAccepted = (type: string): Check =>
  defineCheck(
    {
      id: `S4.state.type-${type}-accepted`,
      operation: 'setState',
      summary: `setState accepts the state type ${type} in the path (not 400) and returns a state of that type`,
    },
    async (f) => {
      const owner = owners[type]
      const id = owner ? await owner(f) : neverExistingId((await f.make.user()).id)
      const reply = await f.api.setState({ type, id, name: f.values.unique('state') }, { payload: { type } })
      if (!owner && reply.status !== reply.operation.status) {
        // Not rejected as invalid: a target that knows no such owner may say so with 404.
        expectError(
          reply,
          notFound,
          `for a ${type} that does not exist (the type is valid: 200, or 404 for an unknown ${type})`,
        )
        return observe(`setState for a ${type} that does not exist answered 404`)
      }
      const { state } = expectSuccess(reply, `of type ${type}`)
      expectThat(
        state.type === type,
        reply,
        `must return a state of type ${type}, returned type ${JSON.stringify(state.type)}`,
      )
    },
  )

const stateTypes = (): string[] => documentedValues('params/state.json', 'type')

export const stateChecks = (): Check[] => [
  setThenGet,
  neverSetIsNotFound,
  getOrSetStores,
  patchMerges,
  expiryPasses,
  setExpiryPasses,
  nullPayloadDeletes,
  ...stateTypes().map(typeAccepted),
]
