// A loopback pass-through in front of Prism's proxy that keeps, for every exchange, what Prism
// found wrong with it (its sl-violations answer header) beside the status the reference gave.
// Only the method, the path, the status and Prism's findings are kept: never headers or bodies.
import {
  Agent,
  createServer,
  request,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http'
import type { AddressInfo } from 'node:net'

export interface PrismViolation {
  /** Where: ["request", "body"], ["response", "body", "user", "id"], ["request"] (security). */
  location: string[]
  severity: string
  code?: string | number
  message: string
}

export interface ProxyExchange {
  method: string
  /** The path and query, shortened. */
  target: string
  status: number
  contentType: string
  violations: PrismViolation[]
  /** The sl-violations header when it could not be read as JSON (Prism cuts long ones). */
  unreadableViolations?: string
  /** Why Prism gave no answer at all. */
  transportError?: string
  /** Why the request went straight to the target instead of through Prism. */
  bypassed?: string
}

export interface ViolationRecorder {
  url: string
  exchanges: readonly ProxyExchange[]
  close(): Promise<void>
}

export interface RecorderUpstreams {
  /** Prism's proxy. */
  prism: string
  /** The target behind Prism, for the requests Prism cannot forward. */
  target: string
}

const hopByHop = ['host', 'connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection']

function violationsOf(headers: IncomingHttpHeaders): Pick<ProxyExchange, 'violations' | 'unreadableViolations'> {
  const header = headers['sl-violations']
  if (typeof header !== 'string' || header === '') return { violations: [] }
  try {
    return { violations: JSON.parse(header) as PrismViolation[] }
  } catch {
    return { violations: [], unreadableViolations: header.slice(0, 300) }
  }
}

/**
 * Prism parses a JSON body before it validates or forwards anything, and answers a body it cannot
 * parse itself (400 {"error":{"code":"invalid_json"}}). Such a request, sent on purpose to see the
 * target refuse it, goes straight to the target; nothing else does.
 */
function whyPrismCannotForward(headers: IncomingHttpHeaders, body: Buffer): string | undefined {
  if (body.length === 0 || !/[/+]json\b/.test(headers['content-type'] ?? '')) return undefined
  try {
    JSON.parse(body.toString('utf8'))
    return undefined
  } catch {
    return 'its JSON body does not parse, and Prism answers such a request itself'
  }
}

function readBody(incoming: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk))
    incoming.on('end', () => resolve(Buffer.concat(chunks)))
    incoming.on('error', reject)
  })
}

export function startViolationRecorder(upstreams: RecorderUpstreams): Promise<ViolationRecorder> {
  const exchanges: ProxyExchange[] = []
  const agent = new Agent({ keepAlive: true })

  const forward = async (incoming: IncomingMessage, outgoing: ServerResponse) => {
    const body = await readBody(incoming)
    const target = incoming.url ?? '/'
    const method = incoming.method ?? 'GET'
    const shortTarget = target.length > 200 ? `${target.slice(0, 200)}…` : target
    const bypassed = whyPrismCannotForward(incoming.headers, body)
    const headers = Object.fromEntries(Object.entries(incoming.headers).filter(([name]) => !hopByHop.includes(name)))
    const forwarded = request(
      new URL(target, bypassed ? upstreams.target : upstreams.prism),
      { method, headers, agent },
      (answer) => {
        const status = answer.statusCode ?? 0
        exchanges.push({
          method,
          target: shortTarget,
          status,
          contentType: answer.headers['content-type'] ?? '',
          ...violationsOf(answer.headers),
          ...(bypassed ? { bypassed } : {}),
        })
        outgoing.writeHead(status, answer.headers)
        answer.pipe(outgoing)
      },
    )
    forwarded.on('error', (error) => {
      exchanges.push({
        method,
        target: shortTarget,
        status: 0,
        contentType: '',
        violations: [],
        transportError: error.message,
      })
      if (outgoing.headersSent) return outgoing.destroy(error)
      outgoing.writeHead(502, { 'content-type': 'text/plain' }).end(`violation recorder: no answer (${error.message})`)
    })
    forwarded.end(body)
  }

  const server = createServer((incoming, outgoing) => {
    forward(incoming, outgoing).catch((error: unknown) => outgoing.destroy(error as Error))
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo
      resolve({
        url: `http://127.0.0.1:${port}/`,
        exchanges,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections()
            agent.destroy()
            server.close(() => done())
          }),
      })
    })
  })
}
