// A server that answers every request with one of the hostile answers (fixtures/hostileAnswers.ts):
// the one named in the request's x-hostile header, else the next in turn. GET /v1/chat/users
// answers properly once, so the preflight lets a run start.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { hostileAnswers, type HostileAnswer } from '../../../fixtures/hostileAnswers.ts'
import { serve, type Running } from './servers.ts'

function tokenOf(request: IncomingMessage): string {
  return (request.headers.authorization ?? '').replace(/^Bearer\s+/i, '')
}

function answerWith(row: HostileAnswer, request: IncomingMessage, response: ServerResponse): void {
  const { answer } = row
  if ('reset' in answer) {
    if (answer.reset === 'before-headers') {
      request.socket.destroy()
      return
    }
    response.writeHead(201, { 'content-type': 'application/json', 'content-length': '1000' })
    response.write('{"user":{"id":"user_01J8Z3Q4N5M6K7')
    setTimeout(() => request.socket.destroy(), 20)
    return
  }
  response.writeHead(answer.status, answer.contentType ? { 'content-type': answer.contentType } : {})
  response.end(answer.body(tokenOf(request)))
}

export async function hostileServer(): Promise<Running & { served: Map<string, number> }> {
  let turn = 0
  let preflightAnswered = false
  const served = new Map<string, number>()
  const running = await serve((request, response) => {
    request.resume()
    if (!preflightAnswered && request.method === 'GET' && request.url?.startsWith('/v1/chat/users')) {
      preflightAnswered = true
      response.writeHead(200, { 'content-type': 'application/json' })
      response.end('{"users":[],"meta":{}}')
      return
    }
    const named = hostileAnswers.find((row) => row.name === request.headers['x-hostile'])
    const row = named ?? hostileAnswers[turn++ % hostileAnswers.length]!
    served.set(row.name, (served.get(row.name) ?? 0) + 1)
    answerWith(row, request, response)
  })
  return { ...running, served }
}
