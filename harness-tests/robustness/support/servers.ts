// Small HTTP servers on 127.0.0.1 for the robustness tests: a server with a handler of the
// test's own, and a proxy in front of the reference whose every request the test may inspect,
// delay, answer itself or leave unanswered.
import { once } from 'node:events'
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { referenceDefaults } from '../../../src/reference/defaults.ts'
import { startReferenceServer, type ReferenceOptions } from '../../../src/reference/server.ts'

export interface Running {
  url: string
  close: () => Promise<void>
}

export type Handler = (request: IncomingMessage, response: ServerResponse) => void

export async function serve(handler: Handler): Promise<Running & { server: Server }> {
  const server = createServer(handler)
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as AddressInfo
  return {
    server,
    url: `http://127.0.0.1:${port}/`,
    close: async () => {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    },
  }
}

/** A port nothing listens on: bound, then released. */
export async function unusedPort(): Promise<number> {
  const { server, close } = await serve(() => undefined)
  const { port } = server.address() as AddressInfo
  await close()
  return port
}

/**
 * What a proxy hook decides for one request: pass it on (its answer held back answerAfterMs, as
 * a slow target answers after it did the work), answer it here, or never answer.
 */
type Verdict = 'pass' | { answerAfterMs: number } | 'hang' | ((response: ServerResponse) => void)

export interface ProxyHook {
  (request: IncomingMessage, seq: number): Verdict | Promise<Verdict>
}

/** A proxy in front of a target (the reference); hook sees each request first. */
export async function proxy(targetUrl: string, hook: ProxyHook): Promise<Running> {
  const target = new URL(targetUrl)
  let seq = 0
  return serve((request, response) => {
    const mine = ++seq
    void Promise.resolve(hook(request, mine)).then((verdict) => {
      if (verdict === 'hang') return
      if (typeof verdict === 'function') {
        request.resume()
        return verdict(response)
      }
      const holdMs = verdict === 'pass' ? 0 : verdict.answerAfterMs
      const forwarded = httpRequest(
        {
          host: target.hostname,
          port: target.port,
          path: request.url,
          method: request.method,
          headers: request.headers,
        },
        (answer) => {
          setTimeout(() => {
            response.writeHead(answer.statusCode ?? 502, answer.headers)
            answer.pipe(response)
          }, holdMs)
        },
      )
      forwarded.on('error', () => response.destroy())
      request.pipe(forwarded)
    })
  })
}

export const referenceCredentials = { token: referenceDefaults.token, botId: referenceDefaults.botId }

export async function reference(options: Partial<ReferenceOptions> = {}): Promise<Running> {
  return startReferenceServer({ ...referenceCredentials, ...options })
}

/** The environment of a run against a reference the test started: every optional feature configured. */
export function targetEnv(url: string): Record<string, string> {
  return {
    CONFORMANCE_BASE_URL: url,
    CONFORMANCE_TOKEN: referenceCredentials.token,
    CONFORMANCE_BOT_ID: referenceCredentials.botId,
    CONFORMANCE_INTEGRATION_ID: referenceDefaults.integrationId,
    CONFORMANCE_ACTION: referenceDefaults.action,
    CONFORMANCE_ACTION_INPUT: JSON.stringify(referenceDefaults.actionInput),
  }
}
