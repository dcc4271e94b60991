// CONFORMANCE_REQUEST_LOG: a directory where every check appends what it sent and got, with its
// start and end, as one JSON line (requests-<pid>.jsonl, one file per worker). `npm run bench`
// replays these requests with a bare client to know the floor of a certification; a person can
// read them to see every exchange of a run. The token is masked; bodies are kept whole.
import { appendFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { environment, textValue, type Env } from '../../environment/environmentValues.ts'
import type { DocumentedWait, Exchange, ExchangeLog } from '../client/exchangeLog.ts'
import type { SecretMask } from '../client/secretMask.ts'

export interface LoggedExchange {
  method: string
  url: string
  requestHeaders: Record<string, string>
  requestBody?: string
  status?: number
  responseBody?: string
  /** Epoch milliseconds. */
  startedAt: number
  durationMs: number
}

/** One line of the log: one check. */
export interface CheckRequests {
  check: string
  /** Epoch milliseconds: when the check's client was made, and when it was done with (cleanup included). */
  startedAt: number
  endedAt: number
  exchanges: LoggedExchange[]
  waits: DocumentedWait[]
}

export function requestLogDir(env: Env = environment()): string | undefined {
  return textValue(env, 'CONFORMANCE_REQUEST_LOG')
}

function logged(exchange: Exchange, secret: SecretMask): LoggedExchange {
  const entry: LoggedExchange = {
    method: exchange.method,
    url: secret.mask(exchange.url),
    // The token, wherever it is, becomes ***; a wrong token sent on purpose stays as sent.
    requestHeaders: Object.fromEntries(
      Object.entries(exchange.requestHeaders).map(([name, value]) => [name, secret.mask(value)]),
    ),
    startedAt: Date.parse(exchange.startedAt),
    durationMs: exchange.durationMs,
  }
  if (exchange.requestBody !== undefined) entry.requestBody = secret.mask(exchange.requestBody)
  if (exchange.status !== undefined) entry.status = exchange.status
  // A target may echo the token back in an answer: masked there too.
  if (exchange.responseBody !== undefined) entry.responseBody = secret.mask(exchange.responseBody)
  return entry
}

export function appendCheckRequests(
  dir: string,
  check: string,
  span: { startedAt: number; endedAt: number },
  log: ExchangeLog,
  secret: SecretMask,
): void {
  mkdirSync(dir, { recursive: true })
  const line: CheckRequests = {
    check,
    ...span,
    exchanges: log.all.map((exchange) => logged(exchange, secret)),
    waits: [...log.waits],
  }
  appendFileSync(join(dir, `requests-${process.pid}.jsonl`), `${JSON.stringify(line)}\n`)
}
