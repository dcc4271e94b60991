// How a request reaches the target and its answer comes back, behind one small interface: the
// client above it inspects, records, masks and paces the same whatever carries the bytes.
// Playwright's APIRequestContext, or undici with kept connections (about half the per-request
// cost, npm run bench section 2). Neither follows redirects; both give up after timeoutMs.
import type { APIRequestContext } from '@playwright/test'
import { Agent, request } from 'undici'
import type { RawAnswer } from './targetGuard.ts'
import { TransportClosed } from './transportFailure.ts'

interface OutgoingRequest {
  method: string
  url: string
  headers: Record<string, string>
  body: string | undefined
  timeoutMs: number
}

export interface Transport {
  send(outgoing: OutgoingRequest): Promise<RawAnswer>
  dispose(): Promise<void>
}

export function playwrightTransport(http: APIRequestContext): Transport {
  return {
    async send({ method, url, headers, body, timeoutMs }) {
      const response = await http.fetch(url, {
        method,
        headers,
        // Playwright encodes a string that is not JSON as a JSON string: the body goes as bytes.
        data: body === undefined ? undefined : Buffer.from(body),
        timeout: timeoutMs,
        failOnStatusCode: false,
        maxRedirects: 0,
      })
      return { status: response.status(), headers: response.headers(), body: await response.body() }
    },
    dispose: () => http.dispose(),
  }
}

/** Header values as one string each, names in lower case, as Playwright gives them. */
function flatHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const flat: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value
  }
  return flat
}

/** undici's error as one sentence a person reads in a failed check ("other side closed" says little). */
function transportProblem(error: unknown, timeoutMs: number): Error {
  const { name, code, message } = error as { name?: string; code?: string; message?: string }
  if (code === 'UND_ERR_CLOSED' || code === 'UND_ERR_DESTROYED') return new TransportClosed()
  if (name === 'TimeoutError') return new Error(`timeout of ${timeoutMs} ms exceeded`)
  if (code === 'UND_ERR_SOCKET')
    return new Error(`the target closed the connection before a whole answer came (${message ?? code})`)
  return error instanceof Error ? error : new Error(String(error))
}

/** No cap on connections: a race check's 20 simultaneous calls must leave at once, not queue. */
export function undiciTransport(agent: Agent = new Agent()): Transport {
  return {
    async send({ method, url, headers, body, timeoutMs }) {
      // One limit for the whole exchange, headers and body, as Playwright's timeout is.
      const signal = AbortSignal.timeout(timeoutMs)
      try {
        const response = await request(url, { method: method as 'GET', headers, body, signal, dispatcher: agent })
        const bytes = Buffer.from(await response.body.arrayBuffer())
        return { status: response.statusCode, headers: flatHeaders(response.headers), body: bytes }
      } catch (error) {
        throw transportProblem(error, timeoutMs)
      }
    },
    dispose: () => agent.close(),
  }
}
