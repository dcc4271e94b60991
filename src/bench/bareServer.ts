// The ceiling for the reference's throughput: node:http answering one fixed JSON body (the
// reference's own answer, so both send the same bytes), after reading the request body.
import { createServer } from 'node:http'

const body = Buffer.from(process.env.BENCH_BARE_BODY ?? '{}')
const headers = { 'content-type': 'application/json; charset=utf-8', 'content-length': String(body.length) }

const server = createServer((request, response) => {
  request.resume()
  request.once('end', () => response.writeHead(200, headers).end(body))
})
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address()
  console.log(`bare server listening on http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`)
})
process.once('SIGTERM', () => {
  server.close(() => process.exit(0))
  server.closeAllConnections()
})
