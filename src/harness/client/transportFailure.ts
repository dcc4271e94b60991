// No answer at all: refused, reset, timed out, TLS. Playwright's own error text carries a call
// log with the request headers (the token among them), so only its first line is kept.
export class TransportFailure extends Error {
  constructor(
    readonly operationId: string,
    override readonly cause: string,
    /** No answer within the request timeout (rather than refused, reset …). */
    readonly timedOut = false,
  ) {
    super(`${operationId}: no answer from the target: ${cause}`)
    this.name = 'TransportFailure'
  }

  static from(error: unknown, operationId: string, timeoutMs: number): TransportFailure {
    const raw = error instanceof Error ? error.message : String(error)
    const firstLine = (raw.split('\n')[0] ?? raw).replace(/^[\w.]+: /, '').trim()
    const timedOut = /timeout/i.test(firstLine)
    const cause = timedOut ? `timed out after ${timeoutMs} ms (CONFORMANCE_TIMEOUT_MS)` : firstLine
    return new TransportFailure(operationId, cause, timedOut)
  }

  /** The same failure with every secret masked out of its text. */
  withMask(mask: (text: string) => string): TransportFailure {
    return new TransportFailure(this.operationId, mask(this.cause), this.timedOut)
  }
}

/**
 * The harness closed its own client (the run is being stopped, e.g. by Ctrl+C): no request left,
 * and nothing about the target, which must not count as a target that stopped answering.
 */
export class TransportClosed extends Error {
  constructor() {
    super('not sent: the run is stopping and its HTTP client is closed')
    this.name = 'TransportClosed'
  }
}
