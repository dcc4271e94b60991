// A target that stops answering must end the run quickly, not hold every remaining request for
// its full timeout. Requests without an answer are counted run-wide, in a file, since Playwright
// replaces a worker after each failed test (a count in memory would start over every time): one
// byte appended per unanswered request, the file emptied by any answer. At unansweredLimit the
// first process to get there writes the stop marker; every process (and the cleanup after the
// run) checks it before each request and fails at once with the reason instead of sending.
// A target that stops answering one operation only (the others answer, so the run goes on) must
// not cost a timeout per check that touches it: timeouts are also counted per operation, run-wide,
// and from timeoutsPerOperation on, that operation's requests fail at once without being sent.
// A process looks at the other processes' counts at most every lookEveryMs (each look is a system
// call, and a run sends thousands of requests); its own events count at once.
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs'
import { dirname, join } from 'node:path'
import { TransportFailure } from './transportFailure.ts'

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
  /** A directory with one file per operation, one byte per request of it that timed out. */
  timeouts?: string
}

/** How often a process looks at the shared files, and its clock (tests give their own). */
export interface HealthLooks {
  lookEveryMs: number
  now: () => number
}

const defaultLooks: HealthLooks = { lookEveryMs: 100, now: () => performance.now() }

/** A thing to look at in a shared file, looked at no more often than lookEveryMs. */
class Throttle {
  private last = Number.NEGATIVE_INFINITY

  constructor(private readonly looks: HealthLooks) {}

  /** Whether it is time to look again (and, if so, that it was looked at now). */
  due(): boolean {
    const now = this.looks.now()
    if (now - this.last < this.looks.lookEveryMs) return false
    this.last = now
    return true
  }
}

export class TargetHealth {
  private unansweredHere = 0
  /** This process added to the unanswered file since it last emptied it. */
  private appendedHere = false
  private stopped: string | undefined
  /** Timeouts per operation, in this process (the files count them run-wide). */
  private readonly timeoutsHere = new Map<string, number>()
  private readonly stopLook: Throttle
  private readonly unansweredLook: Throttle
  private readonly timeoutsLook: Throttle

  constructor(
    private readonly files: HealthFiles | undefined,
    private readonly unansweredLimit: number,
    private readonly timeoutsPerOperation = Number.POSITIVE_INFINITY,
    private readonly looks: HealthLooks = defaultLooks,
  ) {
    if (files) mkdirSync(dirname(files.unanswered), { recursive: true })
    this.stopLook = new Throttle(looks)
    this.unansweredLook = new Throttle(looks)
    this.timeoutsLook = new Throttle(looks)
  }

  /** Takes in the timeouts the other processes counted: one file per operation that had any. */
  private lookAtTimeouts(): void {
    const dir = this.files?.timeouts
    if (dir === undefined || !this.timeoutsLook.due() || !existsSync(dir)) return
    for (const operationId of readdirSync(dir)) {
      try {
        const count = statSync(join(dir, operationId)).size
        if (count > (this.timeoutsHere.get(operationId) ?? 0)) this.timeoutsHere.set(operationId, count)
      } catch {
        // Removed meanwhile: the run is ending.
      }
    }
  }

  private timeoutFile(operationId: string): string | undefined {
    return this.files?.timeouts === undefined ? undefined : join(this.files.timeouts, operationId)
  }

  /** How many requests of an operation timed out in this run so far. */
  private timeoutsOf(operationId: string): number {
    this.lookAtTimeouts()
    return this.timeoutsHere.get(operationId) ?? 0
  }

  /**
   * Throws a TransportFailure without sending when the operation's earlier requests timed out
   * timeoutsPerOperation times in this run: the rest of its checks fail at once, named.
   */
  assertOperationAnswers(operationId: string, timeoutMs: number): void {
    const earlier = this.timeoutsOf(operationId)
    if (earlier < this.timeoutsPerOperation) return
    this.timeoutsHere.set(operationId, earlier)
    throw new TransportFailure(
      operationId,
      `did not answer within ${timeoutMs} ms (${earlier} earlier timeouts); not sent again in this run`,
      true,
    )
  }

  /** A request of the operation got no answer within the request timeout. */
  timedOut(operationId: string): void {
    this.timeoutsHere.set(operationId, (this.timeoutsHere.get(operationId) ?? 0) + 1)
    const file = this.timeoutFile(operationId)
    if (file === undefined) return
    // Made on the first timeout only: a run without one leaves no empty folder.
    mkdirSync(dirname(file), { recursive: true })
    appendFileSync(file, '.')
  }

  /** Why the run found the target stopped answering; undefined while it answers. */
  stoppedBecause(): string | undefined {
    if (this.stopped === undefined && this.files !== undefined && this.stopLook.due())
      this.stopped = stoppedReason(this.files.stopped)
    return this.stopped
  }

  /** Throws TargetStopped when this run already found the target stopped answering. */
  assertAnswering(operationId: string): void {
    const stopped = this.stoppedBecause()
    if (stopped !== undefined) throw new TargetStopped(operationId, stopped)
  }

  answered(): void {
    this.unansweredHere = 0
    // Its own count is emptied at once; the others' now and then (an answer ends every row).
    if (!this.files || !(this.appendedHere || this.unansweredLook.due())) return
    this.appendedHere = false
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
      this.appendedHere = true
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
