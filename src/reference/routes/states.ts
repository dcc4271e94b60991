// States: a payload addressed by /states/{type}/{id}/{name}, with an optional expiry (S11).
import type { GetOrSetStateBody, Payload, SetStateBody, State } from '../../contract/types.ts'
import { ApiError } from '../apiError.ts'
import { newId, timestamp } from '../clock.ts'
import type { OperationRequest, OperationRouter } from '../operationRoutes.ts'
import type { ChatStore, StoredState } from '../store/chatStore.ts'

/** A state's path, validated against its schema before a handler runs, so its type is a documented one. */
interface Address {
  type: State['type']
  id: string
  name: string
}

function addressOf(request: OperationRequest<unknown>): Address {
  const { type, id, name } = request.params as unknown as Address
  return { type, id, name }
}

export function registerStates(router: OperationRouter, store: ChatStore): void {
  const keyOf = (at: Address) => `${at.type}\u0000${at.id}\u0000${at.name}`

  /** The live state at an address; an expired one is gone (S11). */
  const find = (at: Address): StoredState | undefined => {
    const key = keyOf(at)
    const stored = store.states.get(key)
    if (stored?.expiresAt !== undefined && stored.expiresAt <= Date.now()) {
      store.states.delete(key)
      return undefined
    }
    return stored
  }

  const get = (at: Address): StoredState => {
    const stored = find(at)
    if (!stored)
      throw new ApiError(
        'ResourceNotFound',
        `no ${at.type} state ${JSON.stringify(at.name)} for ${JSON.stringify(at.id)}`,
      )
    return stored
  }

  // A conversation's or a user's state belongs to a resource that must exist; its id is that resource's.
  const owner = (at: Address): Pick<State, 'conversationId' | 'userId'> => {
    if (at.type === 'conversation') return { conversationId: store.conversations.get(at.id).id }
    if (at.type === 'user') return { userId: store.users.get(at.id).id }
    return {}
  }

  const expiresAt = (expiry: number | null | undefined, previous: number | undefined) =>
    expiry === undefined ? previous : expiry === null ? undefined : Date.now() + expiry

  const put = (at: Address, payload: Payload, expiry: number | null | undefined): StoredState => {
    const previous = find(at)
    const now = timestamp()
    const state: State = {
      id: previous?.state.id ?? newId('state'),
      createdAt: previous?.state.createdAt ?? now,
      updatedAt: now,
      botId: store.botId,
      ...owner(at),
      name: at.name,
      type: at.type,
      payload,
    }
    const stored = { state, expiresAt: expiresAt(expiry, previous?.expiresAt) }
    store.states.set(keyOf(at), stored)
    return stored
  }

  router.register<SetStateBody>('setState', (request) => {
    const at = addressOf(request)
    const { payload, expiry } = request.body
    if (payload === null) {
      // The vendor's client deletes a state by setting its payload to null (S11, usage).
      const previous = find(at)
      store.states.delete(keyOf(at))
      const now = timestamp()
      return {
        state: previous?.state ?? {
          id: newId('state'),
          createdAt: now,
          updatedAt: now,
          botId: store.botId,
          ...owner(at),
          name: at.name,
          type: at.type,
          payload: {},
        },
      }
    }
    return { state: put(at, payload, expiry).state }
  })

  router.register('getState', (request) => ({ state: get(addressOf(request)).state, meta: { cached: false } }))

  router.register<GetOrSetStateBody>('getOrSetState', (request) => {
    const at = addressOf(request)
    const existing = find(at)
    const stored = existing ?? put(at, request.body.payload, request.body.expiry)
    return { state: stored.state, meta: { cached: false } }
  })

  router.register<{ payload: Payload }>('patchState', (request) => {
    const at = addressOf(request)
    const current = get(at)
    return { state: put(at, { ...current.state.payload, ...request.body.payload }, undefined).state }
  })

  router.register<{ expiry: number | null }>('setStateExpiry', (request) => {
    const at = addressOf(request)
    const current = get(at)
    current.expiresAt = expiresAt(request.body.expiry, undefined)
    current.state = { ...current.state, updatedAt: timestamp() }
    return { state: current.state }
  })
}
