// A target that stops answering must end the run quickly, not hold every remaining request for
// its full timeout. Requests without an answer are counted run-wide, in a file, since Playwright
// replaces a worker after each failed test (a count in memory would start over every time): one
// byte appended per unanswered request, the file emptied by any answer. At unansweredLimit the
// first process to get there writes the stop marker; every process (and the cleanup after the
// run) checks it before each request and fails at once with the reason instead of sending.
import { appendFileSync, existsSync, mkdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'

export class TargetStopped extends Error {
  constructor(
    readonly operationId: string,
    readonly reason: string,
  ) {
    super(`${operationId}: not sent: the target stopped answering earlier in this run (${reason})`)
    this.name = 'TargetStopped'
  }
}

interface StoppedRecord {
  at: string
  reason: string
}

/** Why the run found the target stopped, from the marker file; undefined if it did not. */
export function stoppedReason(markerPath: string): string | undefined {
  if (!existsSync(markerPath)) return undefined
  try {
    return (JSON.parse(readFileSync(markerPath, 'utf8')) as StoppedRecord).reason
  } catch {
    return 'the stop marker is unreadable'
  }
}

/** The run's shared files; without them the count and the verdict stay in this process. */
export interface HealthFiles {
  /** Present once the target counts as stopped. */
  stopped: string
  /** One byte per request without an answer since the last answer. */
  unanswered: string
}

export class TargetHealth {
  private unansweredHere = 0
  private stopped: string | undefined

  constructor(
    private readonly files: HealthFiles | undefined,
    private readonly unansweredLimit: number,
  ) {
    if (files) mkdirSync(dirname(files.unanswered), { recursive: true })
  }

  /** Why the run found the target stopped answering; undefined while it answers. */
  stoppedBecause(): string | undefined {
    this.stopped ??= this.files === undefined ? undefined : stoppedReason(this.files.stopped)
    return this.stopped
  }

  /** Throws TargetStopped when this run already found the target stopped answering. */
  assertAnswering(operationId: string): void {
    const stopped = this.stoppedBecause()
    if (stopped !== undefined) throw new TargetStopped(operationId, stopped)
  }

  answered(): void {
    this.unansweredHere = 0
    if (!this.files) return
    try {
      if (statSync(this.files.unanswered).size > 0) truncateSync(this.files.unanswered)
    } catch {
      // No file: nothing went unanswered yet.
    }
  }

  /** A request got no answer at all (timeout, refused, reset): cause says which. */
  unanswered(cause: string): void {
    let inARow = ++this.unansweredHere
    if (this.files) {
      appendFileSync(this.files.unanswered, '.')
      inARow = Math.max(inARow, statSync(this.files.unanswered).size)
    }
    if (inARow < this.unansweredLimit || this.stopped !== undefined) return
    this.stopped = `${inARow} requests in a row got no answer, the last: ${cause}`
    if (!this.files) return
    const record: StoppedRecord = { at: new Date().toISOString(), reason: this.stopped }
    try {
      // The first process to get here writes the reason; the others keep it.
      writeFileSync(this.files.stopped, JSON.stringify(record), { flag: 'wx' })
    } catch {
      this.stopped = stoppedReason(this.files.stopped) ?? this.stopped
    }
  }
}
