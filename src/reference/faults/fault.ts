// A fault the reference can be started with (REFERENCE_FAULT, or the `faults` option), so a test
// can watch the harness catch a known breach without anyone editing the reference. Each fault
// breaks one documented rule, narrowly (one operation, one field), so a caught fault shows which
// check sees which rule; `npm run mutants` proves every one is caught (src/selfTest/).
import type { FastifyInstance } from 'fastify'
import type { Level } from '../../contract/levels.ts'
import type { ChatOperationId } from '../../contract/operations.ts'
import type { ChatRuleId, RuleId } from '../../contract/rules.ts'
import type { OperationCall, OperationWrapper } from '../operationRoutes.ts'
import type { ChatStore } from '../store/chatStore.ts'

/** What a fault may change: the server's hooks, the store, and the handler of any operation. */
export interface FaultContext {
  app: FastifyInstance
  store: ChatStore
  /** The bearer token the reference accepts. */
  token: string
  /** Wraps an operation: request in, the correct handler (`next`), answer out. */
  wrap: (id: ChatOperationId, wrapper: OperationWrapper) => void
  /** An operation as served without faults (validation included), to answer as another operation would. */
  correctCall: (id: ChatOperationId) => OperationCall
}

/**
 * Which side of the wire the fault is on: the answers it sends (answer), the requests it accepts
 * (request), what it does (behaviour), or how it answers at all (transport).
 */
export type FaultSide = 'answer' | 'request' | 'behaviour' | 'transport'

/** A fault; Rule is what it may break: S1-S13 and SHAPE, or (spec-scope faults) S14-S19. */
export interface Fault<Rule extends ChatRuleId = RuleId> {
  /** The name REFERENCE_FAULT uses. */
  name: string
  /** The rule a harness must report broken (the `rule` of a failed check). */
  breaks: Rule
  /** The level whose checks must catch it: core (default) for a [doc] rule, strict for a [usage] one. */
  level?: Level
  side: FaultSide
  summary: string
  /**
   * The checks that can see the fault, as check-id prefixes ("S8.user.", "SHAPE.getUser.valid-call"):
   * a mutation run certifies only those. Unset: every check.
   */
  concerns?: readonly string[]
  /** Harness settings the run needs to end in time (a slow endpoint: a short CONFORMANCE_TIMEOUT_MS). */
  harnessEnv?: Readonly<Record<string, string>>
  /** Installs the fault, before the routes are registered. */
  install: (context: FaultContext) => void
}

/** A JSON object (not null, not an array): what a fault may change in a body. */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
