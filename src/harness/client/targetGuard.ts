// Everything between a check's request and the wire that keeps the harness a good citizen of a
// shared target: the rate cap (pacer), the retries of a 429 (never a failed check unless they
// run out), and the run-wide verdict that the target stopped answering (health).
import type { TrafficPolicy } from '../config/trafficPolicy.ts'
import type { ChatOperationId } from '../../contract/operations.ts'
import { rateLimitWaitMs, longestWaitMs } from './rateLimitRetry.ts'
import { RequestPacer, sleep, unpaced, type Pacer, type Sleep } from './requestPacer.ts'
import { TargetHealth, type HealthFiles } from './targetHealth.ts'
import { TransportClosed, TransportFailure } from './transportFailure.ts'

/** An answer as it came off the wire. */
export interface RawAnswer {
  status: number
  headers: Record<string, string>
  body: Buffer
}

export interface GuardedAnswer extends RawAnswer {
  /** How often the request was sent again after a 429. */
  retries: number
}

/** The target still answered 429 after every retry the policy allows (or asked for too long a wait). */
export class RateLimitExhausted extends Error {
  constructor(
    readonly operationId: string,
    /** The last 429 answer, for the exchange log. */
    readonly answer: GuardedAnswer,
    why: string,
  ) {
    const { retries } = answer
    super(
      `${operationId}: still rate limited (429) after ${retries} ${retries === 1 ? 'retry' : 'retries'}: ${why}. ` +
        'Lower CONFORMANCE_MAX_RPS or raise CONFORMANCE_RATE_LIMIT_RETRIES.',
    )
    this.name = 'RateLimitExhausted'
  }
}

export interface GuardPolicy {
  rateLimitRetries: number
}

export class TargetGuard {
  constructor(
    private readonly pacer: Pacer,
    private readonly policy: GuardPolicy,
    private readonly health: TargetHealth,
    private readonly wait: Sleep = sleep,
    private readonly random: () => number = Math.random,
  ) {}

  /** No cap, no retries, no shared verdict: for tools and tests that talk to one server briefly. */
  static direct(): TargetGuard {
    return new TargetGuard(unpaced, { rateLimitRetries: 0 }, new TargetHealth(undefined, Number.POSITIVE_INFINITY))
  }

  /** Why the run found the target stopped answering; undefined while it answers. */
  stoppedBecause(): string | undefined {
    return this.health.stoppedBecause()
  }

  /**
   * Sends (attempt) when the pacer allows, again after each 429 while retries are left. Throws
   * TargetStopped without sending when the run found the target stopped, TransportFailure when
   * no answer came (or, without sending, when the operation's earlier requests timed out too
   * often), RateLimitExhausted with the last 429 answer attached when retries ran out.
   */
  async send(
    operationId: ChatOperationId,
    timeoutMs: number,
    attempt: () => Promise<RawAnswer>,
  ): Promise<GuardedAnswer> {
    for (let retries = 0; ; retries++) {
      this.health.assertAnswering(operationId)
      this.health.assertOperationAnswers(operationId, timeoutMs)
      await this.pacer.turn()
      let answer: RawAnswer
      try {
        answer = await attempt()
      } catch (error) {
        if (error instanceof TransportClosed) throw error
        const failure = TransportFailure.from(error, operationId, timeoutMs)
        this.health.unanswered(failure.cause)
        if (failure.timedOut) this.health.timedOut(operationId)
        throw failure
      }
      this.health.answered()
      if (answer.status !== 429) return { ...answer, retries }
      const waitMs = rateLimitWaitMs(answer.headers['retry-after'], retries, this.random)
      if (retries >= this.policy.rateLimitRetries || waitMs > longestWaitMs) {
        const why =
          waitMs > longestWaitMs
            ? `it asked to wait ${Math.round(waitMs / 1000)} s, longer than the ${longestWaitMs / 1000} s the harness waits`
            : `CONFORMANCE_RATE_LIMIT_RETRIES is ${this.policy.rateLimitRetries}`
        throw new RateLimitExhausted(operationId, { ...answer, retries }, why)
      }
      await this.wait(waitMs)
    }
  }
}

export interface GuardPlacement {
  /** The run's shared count of unanswered requests and stop marker (runFiles.ts). */
  files: HealthFiles | undefined
  /** This process's share of the rate: its Playwright parallelIndex of the run's workers. */
  lane?: number
  lanes?: number
}

/** The guard of one process of a run, from the traffic policy (CONFORMANCE_MAX_RPS …). */
export function targetGuard(policy: TrafficPolicy, placement: GuardPlacement): TargetGuard {
  const pacer =
    policy.maxRps === undefined ? unpaced : new RequestPacer(policy.maxRps, placement.lane ?? 0, placement.lanes ?? 1)
  return new TargetGuard(
    pacer,
    policy,
    new TargetHealth(placement.files, policy.unansweredLimit, policy.timeoutsPerOperation),
  )
}
