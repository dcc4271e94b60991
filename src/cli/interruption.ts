// SIGINT and SIGTERM during `npm run certify`. Playwright runs in its own process group, so a
// Ctrl+C in the terminal reaches certify (and npm) but not Playwright directly: certify
// forwards exactly one SIGINT, the only signal on which Playwright stops gracefully (it runs
// fixture teardown, so each test's cleanup, and the global teardown; on SIGTERM it just dies).
// The same interruption often arrives twice (from the terminal and from npm); a second one
// more than a second later means "stop now": Playwright is killed, and the cleanup after it
// still runs. A signal while certify cleans up after the run warns once, then exits.
import type { ChildProcess } from 'node:child_process'
import { constants } from 'node:os'

type Phase = 'before' | 'running' | 'cleaning'

const sameInterruptionMs = 1_000

export class Interruption {
  signal: NodeJS.Signals | undefined
  private phase: Phase = 'before'
  private child: ChildProcess | undefined
  /** Playwright's process group (its pid): its workers may outlive it for a moment. */
  private group: number | undefined
  private lastAt = 0
  private warnedWhileCleaning = false

  constructor() {
    process.on('SIGINT', this.onSignal)
    process.on('SIGTERM', this.onSignal)
    // Whatever ends certify, Playwright and its workers end with it.
    process.on('exit', () => this.killGroup())
  }

  /** The exit code of an interrupted run: 128 + the signal's number (130 for SIGINT, 143 for SIGTERM). */
  get exitCode(): number | undefined {
    return this.signal === undefined ? undefined : 128 + constants.signals[this.signal]
  }

  running(child: ChildProcess): void {
    this.phase = 'running'
    this.child = child
    this.group = child.pid
    child.on('exit', () => {
      this.child = undefined
      this.phase = 'cleaning'
    })
  }

  /** Stops Playwright at once, e.g. while it waits for a preflight that failed: it has run nothing. */
  stopPlaywright(): void {
    this.killGroup()
  }

  private killGroup(): void {
    if (this.group === undefined) return
    try {
      process.kill(-this.group, 'SIGKILL')
    } catch {
      // Already gone.
    }
  }

  private readonly onSignal = (signal: NodeJS.Signals): void => {
    const now = Date.now()
    const repeated = this.signal !== undefined
    if (repeated && now - this.lastAt < sameInterruptionMs) return
    this.lastAt = now
    this.signal ??= signal
    if (this.phase === 'before') process.exit(this.exitCode)
    if (this.phase === 'running') {
      if (!repeated) {
        console.error(
          `\ncertify: ${signal}: stopping the run, then deleting what it created (signal again to stop at once)`,
        )
        this.child?.kill('SIGINT')
      } else {
        console.error(`\ncertify: ${signal} again: stopping Playwright now; what the run created is still deleted`)
        this.killGroup()
      }
      return
    }
    if (this.warnedWhileCleaning) process.exit(this.exitCode)
    this.warnedWhileCleaning = true
    console.error(`\ncertify: ${signal}: still deleting what the run created (signal again to quit and leave it)`)
  }
}
