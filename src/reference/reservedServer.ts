// A server listening on a free loopback port before the reference behind it is loaded: certify
// knows the embedded reference's address at once, starts Playwright with it, and loads and starts
// the reference meanwhile (startReferenceServer({ server })).
import { createServer, type Server } from 'node:http'

export function reserveLoopbackServer(): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen({ host: '127.0.0.1', port: 0 }, () => resolve(server))
  })
}

/** The base URL of a reserved server. */
export function reservedUrl(server: Server): string {
  const address = server.address()
  if (!address || typeof address !== 'object') throw new Error('the reserved server is not listening')
  return `http://127.0.0.1:${address.port}/`
}
