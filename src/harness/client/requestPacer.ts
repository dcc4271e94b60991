// CONFORMANCE_MAX_RPS across every worker without a coordinator: time is cut into slots of
// about 1/R second, counted from the epoch on the clock all processes of the machine share, and
// worker i of W sends only in the slots n with n mod W = i. No two requests of the run share
// a slot, so any one-second window holds at most R requests, however the workers are busy.
// R slots span a little more than a second (jitterAllowanceMs): a request that leaves a few
// milliseconds late (timers, a busy event loop, the network) cannot squeeze an extra request
// into the window the server sees. The price: a worker never borrows the slots of an idle one
// (each gets at most R/W), and the rate stays a few percent under R.

/** Lateness of one request that still cannot push R + 1 requests into a one-second window. */
export const jitterAllowanceMs = 50

export type Clock = () => number
export type Sleep = (ms: number) => Promise<void>

const wallClock: Clock = () => performance.timeOrigin + performance.now()
export const sleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

export interface Pacer {
  /** Resolves when the caller may send its next request. */
  turn(): Promise<void>
}

/** No cap: every request goes at once. */
export const unpaced: Pacer = { turn: () => Promise.resolve() }

export class RequestPacer implements Pacer {
  private readonly slotMs: number
  private lastSlot = Number.NEGATIVE_INFINITY

  constructor(
    perSecond: number,
    /** This process's lane: its Playwright parallelIndex, 0 for a lone process. */
    private readonly lane = 0,
    /** How many processes send at the same time: the run's workers. */
    private readonly lanes = 1,
    private readonly clock: Clock = wallClock,
    private readonly wait: Sleep = sleep,
  ) {
    if (!(perSecond > 0)) throw new RangeError('a request rate must be above 0')
    if (!Number.isInteger(lane) || lane < 0 || lane >= lanes)
      throw new RangeError(`lane ${lane} is not one of 0..${lanes - 1}`)
    this.slotMs = (1000 + jitterAllowanceMs) / perSecond
  }

  /** The slot the next request gets: the first free one of this lane that has not begun yet. */
  private nextSlot(now: number): number {
    const first = Math.max(Math.ceil(now / this.slotMs), this.lastSlot + 1)
    return first + ((((this.lane - first) % this.lanes) + this.lanes) % this.lanes)
  }

  turn(): Promise<void> {
    const now = this.clock()
    const slot = this.nextSlot(now)
    this.lastSlot = slot
    const delay = slot * this.slotMs - now
    return delay > 0 ? this.wait(delay) : Promise.resolve()
  }
}
