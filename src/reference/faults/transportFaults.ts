// How an answer travels: no answer in time, an HTML error page, a body cut short, a connection
// reset, JSON sent as another media type. Each must end in a failed check naming a rule, within
// a bounded time: never a hung or crashed run. No answer at all, or a success answer that is not
// JSON, breaks SHAPE (an operation answers its documented status with a JSON body); an error
// answer that is not JSON breaks S13 (every error answer has a JSON body) — as answerInspection.ts
// files them. listUsers is left alone: a preflight may call it before any check.
import { setTimeout as sleep } from 'node:timers/promises'
import type { Fault } from './fault.ts'
import { onOperationRoute } from './routeHooks.ts'

/** Far longer than the request timeout a mutation run gives the harness (harnessEnv). */
const slowMs = 30_000

export const transportFaults: Fault[] = [
  {
    name: 'slow-get-event',
    breaks: 'SHAPE',
    side: 'transport',
    summary: `getEvent answers after ${slowMs / 1000} s, past the harness's request timeout`,
    concerns: ['SHAPE.getEvent.valid-call', 'S8.event.create-then-get'],
    harnessEnv: { CONFORMANCE_TIMEOUT_MS: '1000' },
    install({ app }) {
      onOperationRoute(app, 'getEvent', {
        onRequest: async (request) => {
          // Stops waiting when the caller gives up, so closing the server is not held up.
          const gaveUp = new AbortController()
          request.raw.socket.once('close', () => gaveUp.abort())
          await sleep(slowMs, undefined, { signal: gaveUp.signal, ref: false }).catch(() => undefined)
        },
      })
    },
  },
  {
    name: 'html-error-page',
    breaks: 'S13',
    side: 'transport',
    summary: "getConversation's error answers are an HTML page (text/html), not the JSON error body",
    concerns: ['S13.getConversation.unknown-id-404'],
    install({ app }) {
      onOperationRoute(app, 'getConversation', {
        onSend: async (_request, reply, payload) => {
          if (reply.statusCode < 400) return payload
          reply.header('content-type', 'text/html; charset=utf-8')
          return `<!doctype html><html><head><title>${reply.statusCode}</title></head><body><h1>Error ${reply.statusCode}</h1><p>nginx</p></body></html>`
        },
      })
    },
  },
  {
    name: 'truncated-json',
    breaks: 'SHAPE',
    side: 'transport',
    summary: "getMessage's success answers stop halfway through their JSON",
    concerns: ['SHAPE.getMessage.valid-call'],
    install({ app }) {
      onOperationRoute(app, 'getMessage', {
        onSend: async (_request, reply, payload) =>
          reply.statusCode === 200 && typeof payload === 'string' ? payload.slice(0, payload.length >> 1) : payload,
      })
    },
  },
  {
    name: 'connection-reset',
    breaks: 'SHAPE',
    side: 'transport',
    summary: 'getParticipant resets the connection without answering',
    concerns: ['SHAPE.getParticipant.valid-call'],
    install({ app }) {
      onOperationRoute(app, 'getParticipant', {
        onRequest: async (request, reply) => {
          reply.hijack()
          request.raw.socket.resetAndDestroy()
        },
      })
    },
  },
  {
    name: 'json-as-text-plain',
    breaks: 'SHAPE',
    side: 'transport',
    summary: "listParticipants' JSON answers are sent as text/plain",
    concerns: ['SHAPE.listParticipants.valid-call'],
    install({ app }) {
      onOperationRoute(app, 'listParticipants', {
        onSend: async (_request, reply, payload) => {
          reply.header('content-type', 'text/plain; charset=utf-8')
          return payload
        },
      })
    },
  },
]
