// A fault the reference can be started with (REFERENCE_FAULT), so a test can watch the harness
// catch a known breach without anyone editing the reference. One module per fault.
import type { FastifyInstance } from 'fastify'
import type { RuleId } from '../../harness/contract/rules.ts'

export interface Fault {
  /** The name REFERENCE_FAULT uses. */
  name: string
  /** The rule a harness must report broken. */
  breaks: RuleId
  summary: string
  /** Adds the fault's hooks to the server, before its routes. */
  install(app: FastifyInstance): void
}

/** A JSON object (not null, not an array): what a fault may change in a body. */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
