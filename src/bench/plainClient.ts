// The bare client: the same URL, headers and body the harness would send for an operation, sent
// by undici with nothing around it (no inspection, no recording). The bench's yardstick.
import { request, type Dispatcher } from 'undici'
import { fillPath, operation, type HttpMethod, type OperationId } from '../contract/operations.ts'
import { encodeQuery } from '../harness/client/queryString.ts'
import { reference } from './benchEnvironment.ts'
import type { ScenarioRequest, Send } from './requestScenario.ts'

export interface PlainRequest {
  method: HttpMethod
  url: string
  headers: Record<string, string>
  body: string | undefined
}

export function plainRequest(baseUrl: string, id: OperationId, options: ScenarioRequest = {}): PlainRequest {
  const op = operation(id)
  const query = encodeQuery(options.query)
  const url =
    new URL(fillPath(op.path, options.params ?? {}).replace(/^\//, ''), baseUrl).toString() + (query ? `?${query}` : '')
  const body = options.body === undefined ? undefined : JSON.stringify(options.body)
  const headers: Record<string, string> = {
    authorization: `Bearer ${reference.token}`,
    'x-bot-id': reference.botId,
    accept: 'application/json',
  }
  if (body !== undefined) headers['content-type'] = 'application/json'
  return { method: op.method, url, headers, body }
}

/** Sends operations to baseUrl over `dispatcher`; answers the parsed body, and throws on a server error. */
export function plainSender(baseUrl: string, dispatcher: Dispatcher): Send {
  return async (id, options) => {
    const { method, url, headers, body } = plainRequest(baseUrl, id, options)
    const response = await request(url, { method, headers, body, dispatcher })
    const text = await response.body.text()
    if (response.statusCode >= 500) throw new Error(`${id} answered ${response.statusCode}: ${text.slice(0, 200)}`)
    return JSON.parse(text) as unknown
  }
}
