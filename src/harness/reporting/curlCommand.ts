// A ready-to-paste curl command (bash, zsh, sh) that repeats a recorded request, after
// Schemathesis's reproductions. The token is never in it: the Authorization header reads
// $CONFORMANCE_TOKEN, so a person exports the token and pastes the command.
import type { Exchange } from '../client/exchangeLog.ts'
import { wrongToken } from '../client/runtimeClient.ts'

/** One shell word, whatever it holds: quotes, $, backticks, backslashes, newlines, unicode. */
export function shellQuote(text: string): string {
  if (/^[\w@%+=:,./-]+$/.test(text)) return text
  return `'${text.replace(/'/g, `'\\''`)}'`
}

export interface CurlCommand {
  command: string
  /** False when the recorded body was shortened: the command then sends only its start. */
  complete: boolean
}

/** fullBody: the request body in full when the exchange's record shortened it. */
export function curlCommand(exchange: Exchange, fullBody?: string): CurlCommand {
  const body = fullBody ?? exchange.requestBody
  // One option per line, joined by backslash-newline: still one command when pasted.
  const first: string[] = ['curl', '-sS', '-i']
  // curl infers GET without a body and POST with one; anything else is named.
  const inferred = body === undefined ? 'GET' : 'POST'
  if (exchange.method !== inferred) first.push('-X', exchange.method)
  first.push(shellQuote(exchange.url))
  const lines = [first.join(' ')]
  for (const [name, value] of Object.entries(exchange.requestHeaders)) {
    if (name.toLowerCase() === 'authorization') continue
    lines.push(`-H ${shellQuote(`${name}: ${value}`)}`)
  }
  const credential = exchange.credential ?? 'token'
  if (credential === 'token') lines.push('-H "Authorization: Bearer $CONFORMANCE_TOKEN"')
  // The wrong-token checks send a token the target cannot know; any such token repeats them.
  if (credential === 'other') lines.push(`-H ${shellQuote(`Authorization: Bearer ${wrongToken}`)}`)
  if (body !== undefined) {
    // curl would label a body form data; a request sent without a content type keeps none.
    const typed = Object.keys(exchange.requestHeaders).some((name) => name.toLowerCase() === 'content-type')
    if (!typed) lines.push("-H 'Content-Type:'")
    lines.push(`--data-raw ${shellQuote(body)}`)
  }
  return {
    command: lines.join(' \\\n  '),
    complete: fullBody !== undefined || exchange.requestBodyShortened !== true,
  }
}
