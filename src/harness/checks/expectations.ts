// Assertions about answers. A failure says what the contract requires and what the target did,
// in a first line short enough for a report, with the details below it. Every assertion is
// counted where it is made, so a check that ran to its end without one fails as a harness defect
// instead of passing having observed nothing (assertionGuard).
import type { Reply } from '../client/runtimeClient.ts'
import type { ExpectedError } from '../../contract/documentedErrors.ts'
import { violationLine } from '../../contract/violations.ts'

export type { ExpectedError } from '../../contract/documentedErrors.ts'

export class ConformanceFailure extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ConformanceFailure'
  }
}

/** The harness, not the target, is wrong: a check that asserted nothing, a table that names nothing. */
export class HarnessDefect extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'HarnessDefect'
  }
}

/** Assertions made in this process: a Playwright worker runs one check at a time. */
let assertionsMade = 0

/**
 * Call before a check runs; call what it returns once the check ran to its end: it throws when
 * the check made no assertion. A check that can observe nothing on some targets must skip with
 * the reason instead of returning.
 */
export function assertionGuard(checkId: string): () => void {
  const before = assertionsMade
  return () => {
    if (assertionsMade === before)
      throw new HarnessDefect(
        `${checkId} made no assertion: it observed nothing, so it cannot pass (a harness defect: it must assert or skip with the reason)`,
      )
  }
}

function errorSummary(reply: Reply): string {
  const body = reply.json as { type?: unknown; message?: unknown } | undefined
  // Not JSON (an HTML error page, an empty or cut body): say what came instead.
  const notJson = body === undefined ? reply.violations.find((v) => v.path === '/') : undefined
  if (notJson) return `: ${notJson.problem}${notJson.value === undefined ? '' : `, starting ${notJson.value}`}`
  if (!body || typeof body !== 'object') return ''
  const type = typeof body.type === 'string' ? ` ${body.type}` : ''
  const message = typeof body.message === 'string' ? ` ${JSON.stringify(body.message.slice(0, 160))}` : ''
  return `${type}${message}`
}

function what(reply: Reply, context: string | undefined): string {
  return `${reply.operation.id}${context ? ` ${context}` : ''}`
}

function fail(reply: Reply, message: string): never {
  reply.blame()
  throw new ConformanceFailure(message)
}

function failOnViolations(reply: Reply, context: string | undefined): void {
  const [first, ...others] = reply.violations
  if (!first) return
  const more = others.length > 0 ? ` (and ${others.length} more)` : ''
  const details = others.map((v) => `\n  ${violationLine(v)}`).join('')
  fail(
    reply,
    `${what(reply, context)} answered ${reply.status} with a body that breaks the contract: ${violationLine(first)}${more}${details}`,
  )
}

/** The documented success status and a body that fits its schema; returns the body. */
export function expectSuccess<TBody>(reply: Reply<TBody>, context?: string): TBody {
  assertionsMade++
  if (reply.status !== reply.operation.status) {
    fail(
      reply,
      `${what(reply, context)} answered ${reply.status}${errorSummary(reply)} (expected ${reply.operation.status})`,
    )
  }
  failOnViolations(reply, context)
  return reply.body
}

function list<V>(value: V | readonly V[]): readonly V[] {
  return Array.isArray(value) ? (value as readonly V[]) : [value as V]
}

/** An error answer with an allowed status and type, whose body fits the error schema (S13). */
export function expectError(reply: Reply, expected: ExpectedError, context?: string): void {
  assertionsMade++
  const statuses = list(expected.status)
  const types = expected.type === undefined ? undefined : list(expected.type)
  const wanted = `${statuses.join(' or ')}${types ? ` ${types.join(' or ')}` : ''}`
  if (!statuses.includes(reply.status)) {
    fail(reply, `${what(reply, context)} answered ${reply.status}${errorSummary(reply)} (expected ${wanted})`)
  }
  failOnViolations(reply, context)
  const type = (reply.json as { type?: unknown }).type
  if (types && !types.includes(type as string)) {
    fail(
      reply,
      `${what(reply, context)} answered ${reply.status} with type ${JSON.stringify(type)} (expected ${wanted})`,
    )
  }
}

/** A fact about a successful answer; message says what the documents require. */
export function expectThat(condition: boolean, reply: Reply, message: string): asserts condition {
  assertionsMade++
  if (!condition) fail(reply, `${reply.operation.id}: ${message}`)
}
