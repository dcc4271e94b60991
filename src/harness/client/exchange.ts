// One request and the answer it got, as the exchange log records it; apart from the log so that
// what reads exchanges (the replay) does not depend on the log that builds them.
import type { ChatOperationId } from '../../contract/operations.ts'
import type { Violation } from '../../contract/violations.ts'

/** token: the configured token; other: a credential that is not it (the wrong-token checks); none: no header. */
type Credential = 'token' | 'other' | 'none'

export interface Exchange {
  seq: number
  operation: ChatOperationId
  method: string
  url: string
  requestHeaders: Record<string, string>
  requestBody?: string
  /** Undefined when no answer came (see transportError). */
  status?: number
  responseHeaders?: Record<string, string>
  responseBody?: string
  transportError?: string
  /** How often the request was sent again after a 429 before this answer. */
  retries?: number
  violations: Violation[]
  startedAt: string
  durationMs: number
  /** Set in the masked record: which credential the Authorization header carried, for a curl command. */
  credential?: Credential
  /** Set in the masked record when the request body was shortened there. */
  requestBodyShortened?: true
}

/** A wait a check made because the documents require time to pass (an expiry, a later timestamp). */
export interface DocumentedWait {
  /** The number of exchanges before it. */
  afterSeq: number
  ms: number
  why: string
}
