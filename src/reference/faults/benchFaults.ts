// Faults for `npm run bench`, which measures what a failing target costs: one that breaks every
// answer (what a half-finished implementation looks like, failing nearly every check) and one
// operation answering later than the request timeout. The self-test does not run them (the first
// is no narrow breach of one rule, the second is slow-get-event again, slower); REFERENCE_FAULT
// accepts them.
import { setTimeout as sleep } from 'node:timers/promises'
import { operations } from '../../contract/operations.ts'
import { lengthLimits } from './contractFacts.ts'
import { isJsonObject, type Fault } from './fault.ts'
import { onOperationRoute } from './routeHooks.ts'

/** Twice the harness's default request timeout. */
const lateMs = 20_000

const isIdKey = (key: string) => key === 'id' || key.endsWith('Id')

/** Every id-like string in a JSON value (id, userId, conversationId …), one character under the minimum. */
function idsShortened(value: unknown, min: number): unknown {
  if (Array.isArray(value)) return value.map((item) => idsShortened(item, min))
  if (!isJsonObject(value)) return value
  return Object.fromEntries(
    Object.entries(value).map(([key, field]) => [
      key,
      isIdKey(key) && typeof field === 'string' && field.length >= min
        ? field.padEnd(min, '0').slice(0, min - 1)
        : idsShortened(field, min),
    ]),
  )
}

export const benchFaults: Fault[] = [
  {
    name: 'every-id-one-short',
    breaks: 'S1',
    side: 'answer',
    summary: 'every answer gives every id one character under the minimum',
    install({ wrap }) {
      const { min } = lengthLimits('resources/user.json', ['id'])
      for (const id of operations.keys()) wrap(id, async (request, next) => idsShortened(await next(request), min))
    },
  },
  {
    name: 'slow-get-user',
    breaks: 'SHAPE',
    side: 'transport',
    summary: `getUser answers after ${lateMs / 1000} s, past the harness's default request timeout`,
    install({ app }) {
      onOperationRoute(app, 'getUser', {
        onRequest: async (request) => {
          // Stops waiting when the caller gives up, so closing the server is not held up.
          const gaveUp = new AbortController()
          request.raw.socket.once('close', () => gaveUp.abort())
          await sleep(lateMs, undefined, { signal: gaveUp.signal, ref: false }).catch(() => undefined)
        },
      })
    },
  },
]
