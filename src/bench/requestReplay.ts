// The floor of a certification: the requests a run's checks made (CONFORMANCE_REQUEST_LOG),
// replayed by a bare undici client with kept connections against a fresh reference, check by
// check over as many lanes as the run had workers, each check's requests in their order (those
// that overlapped, together), with the waits the documents force (expiry) in line. Ids the
// reference hands out differ from the run's: each check maps the ids in the answers it got to
// those it gets now and sends those instead.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { Agent, request } from 'undici'
import type { CheckRequests, LoggedExchange } from '../harness/run/requestLog.ts'
import { reference } from './benchEnvironment.ts'
import { parsed } from '../harness/replay/replaySteps.ts'
import { now } from './samples.ts'

/** The checks of a request log, in the order they started. */
export function readRequestLog(dir: string): CheckRequests[] {
  const checks = readdirSync(dir)
    .filter((name) => name.endsWith('.jsonl'))
    .flatMap((name) =>
      readFileSync(join(dir, name), 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as CheckRequests),
    )
  return checks.sort((a, b) => a.startedAt - b.startedAt)
}

/** What a log says about where a run's time went. */
export interface LogTimes {
  checks: number
  requests: number
  /** Σ over checks of the time some request of it was under way (overlapping requests counted once). */
  requestMs: number
  /** Σ of the documented waits. */
  waitMs: number
  /** Σ over checks of their client's lifetime (from its creation to the end of its cleanup). */
  checkMs: number
  firstStart: number
  lastEnd: number
}

function busyMs(exchanges: readonly LoggedExchange[]): number {
  const spans = exchanges.map((e) => [e.startedAt, e.startedAt + e.durationMs] as const).sort((a, b) => a[0] - b[0])
  let total = 0
  let [from, to] = [Number.NaN, Number.NaN]
  for (const [start, end] of spans) {
    if (!(start <= to)) {
      if (to > from) total += to - from
      ;[from, to] = [start, end]
    } else to = Math.max(to, end)
  }
  return to > from ? total + to - from : total
}

export function logTimes(checks: readonly CheckRequests[]): LogTimes {
  return {
    checks: checks.length,
    requests: checks.reduce((n, c) => n + c.exchanges.length, 0),
    requestMs: checks.reduce((ms, c) => ms + busyMs(c.exchanges), 0),
    waitMs: checks.reduce((ms, c) => ms + c.waits.reduce((w, wait) => w + wait.ms, 0), 0),
    checkMs: checks.reduce((ms, c) => ms + (c.endedAt - c.startedAt), 0),
    firstStart: Math.min(...checks.map((c) => c.startedAt)),
    lastEnd: Math.max(...checks.map((c) => c.endedAt)),
  }
}

/** A check's exchanges as steps: requests that overlapped in the run go together; a wait comes after the exchange it follows. */
type Step = { requests: LoggedExchange[] } | { waitMs: number }

function steps(check: CheckRequests): Step[] {
  const out: Step[] = []
  let batch: LoggedExchange[] = []
  let batchEnd = Number.NEGATIVE_INFINITY
  const flush = () => {
    if (batch.length > 0) out.push({ requests: batch })
    batch = []
    batchEnd = Number.NEGATIVE_INFINITY
  }
  check.exchanges.forEach((exchange, index) => {
    if (exchange.startedAt >= batchEnd) flush()
    batch.push(exchange)
    batchEnd = Math.max(batchEnd, exchange.startedAt + exchange.durationMs)
    for (const wait of check.waits.filter((w) => w.afterSeq === index + 1)) {
      flush()
      out.push({ waitMs: wait.ms })
    }
  })
  flush()
  return out
}

const idLike = (key: string) => key === 'id' || key.endsWith('Id')

/** Learns the ids a check now gets in place of those it got in the run, from two answers of one request. */
function learnIds(logged: unknown, now: unknown, ids: Map<string, string>): void {
  if (Array.isArray(logged) && Array.isArray(now)) {
    logged.forEach((item, i) => learnIds(item, now[i], ids))
    return
  }
  if (typeof logged !== 'object' || logged === null || typeof now !== 'object' || now === null) return
  for (const [key, value] of Object.entries(logged)) {
    const current = (now as Record<string, unknown>)[key]
    if (idLike(key) && typeof value === 'string' && typeof current === 'string') {
      if (value !== current && !ids.has(value)) ids.set(value, current)
    } else learnIds(value, current, ids)
  }
}

function substituted(text: string, ids: ReadonlyMap<string, string>): string {
  let out = text
  for (const [from, to] of ids) if (out.includes(from)) out = out.split(from).join(to)
  return out
}

export interface ReplayResult {
  wallMs: number
  requests: number
  /** Answers whose status differs from the run's: a measure of how faithful the replay was. */
  statusMismatches: number
}

/** Replays a request log against baseUrl over `lanes` lanes; the wall time is the floor. */
export async function replayRequestLog(
  checks: readonly CheckRequests[],
  baseUrl: string,
  lanes: number,
): Promise<ReplayResult> {
  const agent = new Agent({ connections: lanes * 4 })
  const plans = checks.map((check) => steps(check))
  let next = 0
  let requests = 0
  let statusMismatches = 0
  const send = async (exchange: LoggedExchange, ids: Map<string, string>): Promise<void> => {
    const url = new URL(substituted(exchange.url, ids))
    const target = new URL(`${url.pathname.replace(/^\//, '')}${url.search}`, baseUrl)
    const headers = Object.fromEntries(
      Object.entries(exchange.requestHeaders).map(([name, value]) => [name, value.replace('***', reference.token)]),
    )
    const body = exchange.requestBody === undefined ? undefined : substituted(exchange.requestBody, ids)
    const method = exchange.method as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
    const response = await request(target, { method, headers, body, dispatcher: agent })
    const text = await response.body.text()
    requests++
    if (response.statusCode !== exchange.status) statusMismatches++
    learnIds(parsed(exchange.responseBody), parsed(text), ids)
  }
  const lane = async (): Promise<void> => {
    for (let at = next++; at < plans.length; at = next++) {
      const ids = new Map<string, string>()
      for (const step of plans[at] ?? []) {
        if ('waitMs' in step) await sleep(step.waitMs)
        else await Promise.all(step.requests.map((exchange) => send(exchange, ids)))
      }
    }
  }
  const started = now()
  try {
    await Promise.all(Array.from({ length: lanes }, () => lane()))
    return { wallMs: now() - started, requests, statusMismatches }
  } finally {
    await agent.close()
  }
}
