// S11: getOrSetState returns the stored state if there is one [doc]; an expiry is 1 to
// 2,592,000,000 ms and a state whose expiry has passed is gone [doc]; patchState merges [usage];
// setState with payload null deletes [usage].
import { contractSchemas } from '../../contract/schemaRegistry.ts'
import type { Fault } from './fault.ts'
import { requestFault, withBody, withBodyField } from './operationFaults.ts'

/** An expiry brought within the documented range without a word. */
function clampedExpiry(expiry: unknown): unknown {
  if (typeof expiry !== 'number') return expiry
  const { minimum, maximum } = contractSchemas().schemaOf('requests/setStateExpiry.json', 'expiry') as {
    minimum: number
    maximum: number
  }
  return Math.min(maximum, Math.max(minimum, expiry))
}

export const stateFaults: Fault[] = [
  {
    name: 'get-or-set-overwrites',
    breaks: 'S11',
    side: 'behaviour',
    summary: 'getOrSetState always stores the payload sent, over a state already set',
    concerns: ['S11.state.get-or-set'],
    install({ wrap, correctCall }) {
      wrap('getOrSetState', async (request) => {
        const { state } = (await correctCall('setState')(request)) as { state: unknown }
        return { state, meta: { cached: false } }
      })
    },
  },
  {
    name: 'patch-replaces',
    breaks: 'S11',
    level: 'strict',
    side: 'behaviour',
    summary: 'patchState replaces the stored payload with the keys sent instead of merging them',
    concerns: ['S11.state.patch-merges'],
    install({ wrap, correctCall }) {
      wrap('patchState', async (request, next) => {
        await next(request)
        return correctCall('setState')(request)
      })
    },
  },
  requestFault({
    name: 'expiry-ignored',
    breaks: 'S11',
    side: 'behaviour',
    summary: 'setState ignores expiry: the state never expires',
    operation: 'setState',
    concerns: ['S11.state.expiry-passes'],
    rewrite: (request) => withBody(request, ({ expiry: _ignored, ...body }) => body),
  }),
  requestFault({
    name: 'accept-expiry-out-of-range',
    breaks: 'S11',
    side: 'request',
    summary:
      'setStateExpiry takes an expiry under 1 ms or over 30 days as the nearest allowed one instead of answering 400',
    operation: 'setStateExpiry',
    concerns: ['S11.setStateExpiry.expiry.'],
    rewrite: (request) => withBodyField(request, 'expiry', clampedExpiry),
  }),
  {
    name: 'null-payload-keeps-state',
    breaks: 'S11',
    level: 'strict',
    side: 'behaviour',
    summary: 'setState with payload null answers the state and keeps it',
    concerns: ['S11.state.null-payload-deletes'],
    install({ wrap, correctCall }) {
      wrap('setState', async (request, next) => {
        if ((request.body as { payload?: unknown } | undefined)?.payload !== null) return next(request)
        const { state } = (await correctCall('getState')(request)) as { state: unknown }
        return { state }
      })
    },
  },
]
