// Whether a certification caught a fault: at least one failed check whose rule is the rule the
// fault breaks, at the level that rule belongs to ([doc]: core; [usage]: strict; a feature: full).
// Failures under other rules alone do not count: the table must say which rule a target broke.
import { countsAt, features } from '../contract/levels.ts'
import type { CheckEntry, ConformanceReport } from '../harness/reporting/conformanceReport.ts'
import type { Fault } from '../reference/faults/fault.ts'
import type { CertificationProcessResult } from '../runs/certificationProcess.ts'

/** What a verdict reads of a run: its checks and level verdicts, or that it wrote no report. */
export interface JudgedRun extends Pick<CertificationProcessResult, 'exitCode' | 'signal' | 'timedOut'> {
  report: Pick<ConformanceReport, 'checks' | 'levels'> | undefined
}

type FaultStatus = 'caught' | 'caught elsewhere' | 'survived' | 'no report'

export interface FaultVerdict {
  status: FaultStatus
  /** Failed checks of the fault's rule, at its level. */
  caughtBy: string[]
  /** Failed checks of other rules (or of the rule at another level): what else the fault broke. */
  alsoFailed: string[]
  /** One line on why, when it was not caught. */
  problem?: string
}

const allFeatures = new Set(features)

function failed(report: Pick<ConformanceReport, 'checks'>): CheckEntry[] {
  return report.checks.filter((check) => check.status === 'failed')
}

function endOf(outcome: JudgedRun): string {
  return outcome.exitCode === null ? `ended on ${outcome.signal ?? 'a signal'}` : `exited ${outcome.exitCode}`
}

export function judgeFault(fault: Pick<Fault, 'breaks' | 'level'>, outcome: JudgedRun): FaultVerdict {
  if (!outcome.report) {
    const why = outcome.timedOut ? 'the run was stopped at its time limit' : `Playwright ${endOf(outcome)}`
    return { status: 'no report', caughtBy: [], alsoFailed: [], problem: `the run wrote no report (${why})` }
  }
  const level = fault.level ?? 'core'
  const failures = failed(outcome.report)
  const catching = (check: CheckEntry) => check.rule === fault.breaks && countsAt(check, level, allFeatures)
  const caughtBy = failures.filter(catching).map((check) => check.id)
  const alsoFailed = failures.filter((check) => !catching(check)).map((check) => check.id)
  if (caughtBy.length > 0) return { status: 'caught', caughtBy, alsoFailed }
  if (alsoFailed.length > 0) {
    return {
      status: 'caught elsewhere',
      caughtBy,
      alsoFailed,
      problem: `no ${level}-level check of ${fault.breaks} failed, only ${alsoFailed.join(', ')}`,
    }
  }
  const checks = outcome.report.checks.filter((check) => check.status !== 'not run').length
  return {
    status: 'survived',
    caughtBy,
    alsoFailed,
    problem: `all ${checks} checks the run ran passed or were skipped`,
  }
}

/** The clean reference passes: every check of every level passed, none failed or skipped. */
export function judgeClean(outcome: JudgedRun): string | undefined {
  const report = outcome.report
  if (!report)
    return `the run wrote no report (${outcome.timedOut ? 'stopped at its time limit' : `Playwright ${endOf(outcome)}`})`
  const bad = report.checks.filter((check) => check.status !== 'passed')
  if (bad.length > 0)
    return `${bad.length} checks did not pass: ${bad
      .slice(0, 5)
      .map((c) => `${c.id} (${c.status}: ${c.reason ?? ''})`)
      .join('; ')}`
  const notConforming = Object.entries(report.levels).filter(([, result]) => result.verdict !== 'conforms')
  if (notConforming.length > 0)
    return `levels that do not conform: ${notConforming.map(([level, r]) => `${level} ${r.verdict}`).join(', ')}`
  return undefined
}
