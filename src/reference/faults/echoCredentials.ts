// Fault: a careless server that hands the caller's credentials back: in a response header, in
// every error message, and in an undocumented field of every resource it returns (breaks SHAPE).
// The harness must still never write the token anywhere: the secret-scan test runs with it.
import { isJsonObject, type Fault } from './fault.ts'

function withCredentials(payload: unknown, authorization: string): unknown {
  if (!isJsonObject(payload)) return payload
  const body = payload
  if (typeof body.message === 'string' && typeof body.type === 'string')
    return { ...body, message: `you sent Authorization: ${authorization}; ${body.message}` }
  for (const value of Object.values(body)) {
    if (isJsonObject(value) && 'id' in value) value.sentAuthorization = authorization
  }
  return body
}

export const echoCredentials: Fault = {
  name: 'echo-credentials',
  breaks: 'SHAPE',
  side: 'answer',
  summary:
    'answers repeat the Authorization header: in a header, in error messages and in an undocumented resource field',
  concerns: ['SHAPE.getUser.valid-call'],
  install({ app }) {
    app.addHook('onSend', async (request, reply, payload) => {
      const authorization = request.headers.authorization
      if (!authorization) return payload
      reply.header('x-echo-authorization', authorization)
      if (typeof payload !== 'string' || !String(reply.getHeader('content-type') ?? '').includes('json')) return payload
      try {
        return JSON.stringify(withCredentials(JSON.parse(payload), authorization))
      } catch {
        return payload
      }
    })
  },
}
