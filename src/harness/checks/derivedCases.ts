// Running many derived cases in one check: every case is sent and judged, the failures are
// gathered, and the check fails once with all of them — the first one's exchange blamed, so the
// report's reproduction is the first failing case — and notes how many it ran of each kind.
import type { DerivedKind } from '../../../fixtures/derivedCases.ts'
import type { OperationId } from '../../contract/operations.ts'
import type { Exchange, ExchangeLog } from '../client/exchangeLog.ts'
import { noteDerivedCoverage } from './derivedCoverageNote.ts'
import { ConformanceFailure } from './expectations.ts'

interface CaseFailure {
  description: string
  message: string
  culprit: Exchange | undefined
}

const listedAtMost = 10

export class CaseRun {
  private readonly failures: CaseFailure[] = []
  private readonly runs = new Map<DerivedKind, number>()
  private readonly notRun = new Map<DerivedKind, string[]>()

  constructor(
    private readonly log: ExchangeLog,
    private readonly operation: OperationId,
    private readonly kinds: readonly DerivedKind[],
  ) {}

  /**
   * Runs one case (its requests and their judgement); a failed judgement is kept, anything else
   * stops the check. `run` may answer why the case could not be run after all.
   */
  async record(kind: DerivedKind, description: string, run: () => Promise<string | void>): Promise<void> {
    try {
      const notRun = await run()
      if (typeof notRun === 'string') return this.skip(kind, description, notRun)
      this.runs.set(kind, (this.runs.get(kind) ?? 0) + 1)
    } catch (error) {
      this.runs.set(kind, (this.runs.get(kind) ?? 0) + 1)
      if (!(error instanceof ConformanceFailure)) throw error
      this.failures.push({ description, message: error.message, culprit: this.log.blamed })
    }
  }

  /** A case this target cannot be given (a feature not configured, a value that cannot be made). */
  skip(kind: DerivedKind, description: string, why: string): void {
    this.notRun.set(kind, [...(this.notRun.get(kind) ?? []), `${description}: ${why}`])
  }

  /** Notes the coverage of every kind, then fails with every failed case, the first one blamed. */
  finish(): void {
    for (const kind of this.kinds) {
      const notRun = this.notRun.get(kind)
      noteDerivedCoverage({
        operation: this.operation,
        kind,
        run: this.runs.get(kind) ?? 0,
        ...(notRun ? { notRun } : {}),
      })
    }
    const [first] = this.failures
    if (!first) return
    if (first.culprit) this.log.blame(first.culprit)
    const total = [...this.runs.values()].reduce((sum, n) => sum + n, 0)
    const count = this.failures.length
    const listed = this.failures.slice(0, listedAtMost).map((f) => `\n- ${f.description}: ${f.message.split('\n')[0]}`)
    const more = count > listedAtMost ? `\n- … and ${count - listedAtMost} more` : ''
    throw new ConformanceFailure(
      `${first.message.split('\n')[0]}${count > 1 ? ` (${count} of ${total} derived cases failed)` : ''}\n${count} of ${total} derived cases failed:${listed.join('')}${more}`,
    )
  }
}
