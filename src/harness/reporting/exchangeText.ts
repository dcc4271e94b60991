// A recorded exchange as a person reads it: the request and the response in HTTP's own layout.
// The records are masked and their bodies shortened already (exchangeLog.ts).
import type { Exchange } from '../client/exchangeLog.ts'

function prettyBody(body: string | undefined): string {
  if (body === undefined || body === '') return ''
  try {
    return JSON.stringify(JSON.parse(body), null, 2)
  } catch {
    return body
  }
}

function headerLines(headers: Record<string, string> | undefined): string[] {
  return Object.entries(headers ?? {}).map(([name, value]) => `${name}: ${value}`)
}

export function requestText(exchange: Exchange): string {
  const lines = [`${exchange.method} ${exchange.url}`, ...headerLines(exchange.requestHeaders)]
  const body = prettyBody(exchange.requestBody)
  return body ? `${lines.join('\n')}\n\n${body}` : lines.join('\n')
}

export function responseText(exchange: Exchange): string {
  if (exchange.status === undefined) return `no answer: ${exchange.transportError ?? 'unknown transport error'}`
  const lines = [`HTTP ${exchange.status}`, ...headerLines(exchange.responseHeaders)]
  const body = prettyBody(exchange.responseBody)
  return body ? `${lines.join('\n')}\n\n${body}` : lines.join('\n')
}

/** "#2 createUser POST → 201" */
export function exchangeTitle(exchange: Exchange): string {
  return `#${exchange.seq} ${exchange.operation} ${exchange.method} → ${exchange.status ?? 'no answer'}`
}
