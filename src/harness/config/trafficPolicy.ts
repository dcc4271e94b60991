// How the harness treats a shared target's capacity: a request rate it never exceeds, how
// often it retries a 429, and how many requests in a row may go unanswered before the run
// treats the target as stopped, and how many timeouts one operation may cost. Read from the environment like the rest of the configuration.
import { environment, parseInteger, type Env } from '../../environment/environmentValues.ts'

export interface TrafficPolicy {
  /** Requests per second, all workers together (CONFORMANCE_MAX_RPS); undefined: no cap. */
  maxRps: number | undefined
  /** How often one request is retried after a 429 before it counts as failed (CONFORMANCE_RATE_LIMIT_RETRIES). */
  rateLimitRetries: number
  /** Requests in a row without an answer after which the target counts as stopped (CONFORMANCE_UNANSWERED_LIMIT). */
  unansweredLimit: number
  /**
   * Timeouts of one operation after which its further requests fail at once, unsent
   * (CONFORMANCE_TIMEOUTS_PER_OPERATION): a target silent on one operation costs that many timeouts, not one per check.
   */
  timeoutsPerOperation: number
}

const trafficDefaults = { rateLimitRetries: 5, unansweredLimit: 3, timeoutsPerOperation: 2 } as const

export function readTrafficPolicy(env: Env = environment()): TrafficPolicy {
  return {
    maxRps: parseInteger(env, 'CONFORMANCE_MAX_RPS', { min: 1, max: 10_000 }),
    rateLimitRetries:
      parseInteger(env, 'CONFORMANCE_RATE_LIMIT_RETRIES', { min: 0, max: 20 }) ?? trafficDefaults.rateLimitRetries,
    unansweredLimit:
      parseInteger(env, 'CONFORMANCE_UNANSWERED_LIMIT', { min: 1, max: 1000 }) ?? trafficDefaults.unansweredLimit,
    timeoutsPerOperation:
      parseInteger(env, 'CONFORMANCE_TIMEOUTS_PER_OPERATION', { min: 1, max: 1000 }) ??
      trafficDefaults.timeoutsPerOperation,
  }
}
