// A failure's replay, built from its check's exchange log: the requests in order, each written
// as pieces so that a value an earlier answer gave (an id, a page token, a date) is taken from
// the answer the replay gets, not the recorded one, and the run's own id is a fresh one. The log
// of any check gives a replay without extra work; a check that runs a case again to show it (a
// property's smallest failing case, a model's shrunk command sequence) marks where its replay
// starts (ExchangeLog.markReplayStart): earlier requests are left out, except those whose answers
// a later request needs (what a step refers to is always made first).
import type { ChatOperationId } from '../../contract/operations.ts'
import type { DocumentedWait, Exchange } from '../client/exchange.ts'
import { creators, removalOperation } from '../client/resourceLedger.ts'
import type { SecretMask } from '../client/secretMask.ts'
import { comparableAnswer, EarlierAnswers, type ComparableAnswer } from './comparableAnswer.ts'

/** A value an earlier answer gave: the step whose answer holds it, where, and how it is written here. */
interface AnswerValue {
  from: number
  path: (string | number)[]
  /** uri: percent-encoded (in a URL); json: escaped inside a JSON string (in a body). */
  encode?: 'uri' | 'json'
}

/** A setting of the target the replay runs against, or the replay's own run id. */
interface Setting {
  setting: 'botId' | 'integrationId' | 'runId'
}

/** Text as recorded, an earlier answer's value, or a setting: the parts a request is written in. */
export type Piece = string | AnswerValue | Setting

export interface ReplayStep {
  operation: ChatOperationId
  method: string
  /** The URL after the base URL: path and query. */
  path: Piece[]
  /** Every header but Authorization. */
  headers: { name: string; value: Piece[] }[]
  /** The token ($CONFORMANCE_TOKEN), a token the target cannot know (the wrong-token checks), or none. */
  credential: 'token' | 'other' | 'none'
  body?: Piece[]
  /** Time the check let pass before this request because the documents require it (an expiry, a later timestamp). */
  waitMs?: number
  /** Sent while the step before was still waiting for its answer (a race): replayed alongside it. */
  concurrent?: true
  /** What the recorded request got: its status; undefined when no answer came. */
  recordedStatus?: number
}

/** What the target was when the sequence was recorded. */
export interface RecordedTarget {
  baseUrl: string
  botId: string
  integrationId?: string | undefined
  runId: string
}

/** A check's log as replay steps: every exchange a replay may need, the answers a replay may end with. */
export interface ReplayLog {
  target: Omit<RecordedTarget, 'runId'> & { runIdLength: number }
  /** The exchange a replay starts with (seq); earlier ones only when a later step needs their answers. */
  start: number
  /** Exchanges by seq, as steps; an AnswerValue's `from` is a seq here. */
  steps: (ReplayStep & { seq: number })[]
  /** The answers a replay may end with (the culprit, answers that broke the contract), comparable, by seq. */
  endings: Record<number, ComparableAnswer>
}

/** One failure's replay: its steps in order (the last is the failing request), `from` counting steps from 1. */
export interface Replay {
  target: ReplayLog['target']
  steps: ReplayStep[]
  /** The failing request's answer as recorded: what a replay must get again to reproduce it. */
  answer: ComparableAnswer
  /** Requests that delete what the steps created, newest first; their answers are not judged. */
  cleanup: ReplayStep[]
}

/** Values an answer gave that no request had sent before: only those are taken from answers. */
interface Capture {
  value: string
  from: number
  path: (string | number)[]
}

const shortest = 8

function leaves(json: unknown, path: (string | number)[] = []): { value: string; path: (string | number)[] }[] {
  if (Array.isArray(json)) return json.flatMap((item, i) => leaves(item, [...path, i]))
  if (json && typeof json === 'object')
    return Object.entries(json).flatMap(([key, value]) => leaves(value, [...path, key]))
  return typeof json === 'string' ? [{ value: json, path }] : []
}

/** A JSON text's value; undefined when there is none or it is not JSON. */
export function parsed(text: string | undefined): unknown {
  if (text === undefined) return undefined
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

/**
 * Writes a text as pieces: each captured value (in the forms it takes here) and the run id
 * become references; the rest stays as recorded. Longer values win where two overlap.
 */
function piecesOf(
  text: string,
  captures: readonly Capture[],
  runId: string,
  encodings: readonly (AnswerValue['encode'] | undefined)[],
): Piece[] {
  const found: { at: number; length: number; piece: Exclude<Piece, string> }[] = []
  const forms = (value: string) =>
    encodings.map((encode) => ({
      encode,
      form:
        encode === 'uri' ? encodeURIComponent(value) : encode === 'json' ? JSON.stringify(value).slice(1, -1) : value,
    }))
  for (const capture of captures)
    for (const { encode, form } of capture.value.length > text.length ? [] : forms(capture.value)) {
      for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1))
        found.push({
          at,
          length: form.length,
          piece: { from: capture.from, path: capture.path, ...(encode ? { encode } : {}) },
        })
    }
  if (runId)
    for (let at = text.indexOf(runId); at >= 0; at = text.indexOf(runId, at + 1))
      found.push({ at, length: runId.length, piece: { setting: 'runId' } })
  found.sort((a, b) => a.at - b.at || b.length - a.length)
  const pieces: Piece[] = []
  let done = 0
  for (const { at, length, piece } of found) {
    if (at < done) continue
    if (at > done) pieces.push(text.slice(done, at))
    pieces.push(piece)
    done = at + length
  }
  if (done < text.length) pieces.push(text.slice(done))
  return pieces
}

/** The values a request carries: its path segments and query values (decoded), its body's strings. */
function sentValues(url: string, body: string | undefined): string[] {
  const [path = '', query = ''] = url.split('?')
  const decode = (text: string) => {
    try {
      return decodeURIComponent(text)
    } catch {
      return text
    }
  }
  return [
    ...path.split('/').map(decode),
    ...[...new URLSearchParams(query).values()],
    ...leaves(parsed(body)).map((leaf) => leaf.value),
  ]
}

function credentialOf(exchange: Exchange, mask: SecretMask): ReplayStep['credential'] {
  const authorization = Object.entries(exchange.requestHeaders).find(([name]) => name.toLowerCase() === 'authorization')
  if (!authorization) return 'none'
  return mask.mask(authorization[1]) === authorization[1] ? 'other' : 'token'
}

/**
 * The replay steps of a check's exchanges (unmasked, as the client recorded them), masked.
 * endings: the seqs a replay may end with.
 */
export function replayLog(
  exchanges: readonly Exchange[],
  endings: readonly number[],
  start: number,
  target: RecordedTarget,
  mask: SecretMask,
  waits: readonly DocumentedWait[] = [],
): ReplayLog | undefined {
  const last = Math.max(...endings)
  if (!Number.isFinite(last)) return undefined
  const recorded = exchanges.filter((e) => e.seq <= last)
  const captures: Capture[] = []
  const sent = new Set<string>()
  const steps: ReplayLog['steps'] = []
  let previousEnd = 0
  for (const exchange of recorded) {
    const url = exchange.url.startsWith(target.baseUrl) ? exchange.url.slice(target.baseUrl.length) : exchange.url
    const body = exchange.requestBody === undefined ? undefined : mask.mask(exchange.requestBody)
    for (const value of sentValues(url, body)) sent.add(value)
    const usable = captures.filter((c) => !c.value.includes(target.runId))
    const step: ReplayLog['steps'][number] = {
      seq: exchange.seq,
      operation: exchange.operation,
      method: exchange.method,
      path: piecesOf(mask.mask(url), usable, target.runId, ['uri', undefined]),
      headers: Object.entries(exchange.requestHeaders)
        .filter(([name]) => name.toLowerCase() !== 'authorization')
        .map(([name, value]) => ({
          name,
          value:
            name.toLowerCase() === 'x-bot-id' && value === target.botId
              ? [{ setting: 'botId' }]
              : name.toLowerCase() === 'x-integration-id' && value === target.integrationId
                ? [{ setting: 'integrationId' }]
                : [mask.mask(value)],
        })),
      credential: credentialOf(exchange, mask),
      ...(body === undefined ? {} : { body: piecesOf(body, usable, target.runId, ['json']) }),
      ...(exchange.status === undefined ? {} : { recordedStatus: exchange.status }),
    }
    const waitMs = waits.filter((w) => w.afterSeq === exchange.seq - 1).reduce((ms, w) => ms + w.ms, 0)
    if (waitMs > 0) step.waitMs = waitMs
    const startedAt = Date.parse(exchange.startedAt)
    if (steps.length > 0 && startedAt < previousEnd) step.concurrent = true
    previousEnd = Math.max(previousEnd, startedAt + exchange.durationMs)
    steps.push(step)
    // What this answer gave that no request had sent: a later request naming it refers to this answer.
    const known = new Set(captures.map((c) => c.value))
    for (const leaf of leaves(parsed(exchange.responseBody)))
      if (leaf.value.length >= shortest && !known.has(leaf.value) && !sent.has(leaf.value)) {
        known.add(leaf.value)
        captures.push({ value: leaf.value, from: exchange.seq, path: leaf.path })
      }
  }
  const log: ReplayLog = {
    target: {
      baseUrl: target.baseUrl,
      botId: target.botId,
      ...(target.integrationId ? { integrationId: target.integrationId } : {}),
      runIdLength: target.runId.length,
    },
    start,
    steps,
    endings: {},
  }
  for (const end of endings) {
    const selected = selection(log, end)
    const earlier = new EarlierAnswers()
    selected.slice(0, -1).forEach((seq, i) => {
      earlier.add(i + 1, parsed(recorded.find((e) => e.seq === seq)?.responseBody))
    })
    const ending = recorded.find((e) => e.seq === end)
    if (!ending) continue
    log.endings[end] = comparableAnswer(
      { status: ending.status, json: parsed(ending.responseBody), violations: ending.violations },
      earlier,
      target.runId,
    )
  }
  return log
}

function references(step: ReplayStep): number[] {
  const pieces = [...step.path, ...step.headers.flatMap((h) => h.value), ...(step.body ?? [])]
  return pieces.flatMap((piece) => (typeof piece === 'object' && 'from' in piece ? [piece.from] : []))
}

/** The seqs of a replay ending at `end`: from the start mark on, and what they need from before it. */
function selection(log: Pick<ReplayLog, 'start' | 'steps'>, end: number): number[] {
  const bySeq = new Map(log.steps.map((step) => [step.seq, step]))
  const start = end >= log.start ? log.start : 0
  const chosen = new Set(log.steps.filter((s) => s.seq >= start && s.seq <= end).map((s) => s.seq))
  const pending = [...chosen]
  while (pending.length > 0) {
    const step = bySeq.get(pending.pop() as number)
    for (const from of step ? references(step) : [])
      if (!chosen.has(from)) {
        chosen.add(from)
        pending.push(from)
      }
  }
  return [...chosen].sort((a, b) => a - b)
}

/** Pieces with their answer references counted in steps of the replay. */
function renumbered(pieces: readonly Piece[], stepOf: ReadonlyMap<number, number>): Piece[] {
  return pieces.map((piece) =>
    typeof piece === 'object' && 'from' in piece ? { ...piece, from: stepOf.get(piece.from) ?? piece.from } : piece,
  )
}

const stateWriters = new Set<ChatOperationId>(['setState', 'getOrSetState', 'patchState', 'setStateExpiry'])

/** Deletes what the steps created, newest first: resources by the ids their answers gave, states by their address. */
function cleanupOf(steps: readonly ReplayStep[]): ReplayStep[] {
  const removals = new Map<string, ReplayStep>()
  steps.forEach((step, i) => {
    const headers = step.headers.filter((h) => ['x-bot-id', 'accept'].includes(h.name.toLowerCase()))
    const kind = creators[step.operation]
    if (kind) {
      const [prefix] = removalOperation(kind).path.split('{id}')
      const path: Piece[] = [(prefix ?? '').replace(/^\//, ''), { from: i + 1, path: [kind, 'id'], encode: 'uri' }]
      removals.set(JSON.stringify(path), {
        operation: removalOperation(kind).id,
        method: 'DELETE',
        path,
        headers,
        credential: 'token',
      })
    }
    if (stateWriters.has(step.operation)) {
      const path = [...step.path]
      const tail = path.at(-1)
      if (typeof tail === 'string') path[path.length - 1] = tail.replace(/\/(get-or-set|expiry)$/, '')
      const body: Piece[] = ['{"payload":null}']
      removals.set(JSON.stringify(path), {
        operation: 'setState',
        method: 'POST',
        path,
        headers: [...headers, { name: 'content-type', value: ['application/json'] }],
        credential: 'token',
        body,
      })
    }
  })
  return [...removals.values()].reverse()
}

/** The replay of a failure whose failing request is exchange `end` of the log. */
export function replayEndingAt(log: ReplayLog, end: number): Replay | undefined {
  const answer = log.endings[end]
  if (!answer) return undefined
  const seqs = selection(log, end)
  const stepOf = new Map(seqs.map((seq, i) => [seq, i + 1]))
  const steps = seqs.flatMap((seq, i): ReplayStep[] => {
    const found = log.steps.find((s) => s.seq === seq)
    if (!found) return []
    const { seq: _seq, concurrent, ...step } = found
    const replayed: ReplayStep = {
      ...step,
      path: renumbered(step.path, stepOf),
      headers: step.headers.map((h) => ({ name: h.name, value: renumbered(h.value, stepOf) })),
      ...(step.body ? { body: renumbered(step.body, stepOf) } : {}),
    }
    // Alongside the step before only when that one is the exchange before it in the log too.
    if (concurrent && i > 0 && seqs[i - 1] === seq - 1) replayed.concurrent = true
    return [replayed]
  })
  return { target: log.target, steps, answer, cleanup: cleanupOf(steps) }
}
