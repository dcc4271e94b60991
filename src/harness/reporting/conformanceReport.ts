// The certification report: one entry per check with its rule and operation, and the verdict.
// An operation's status is the worst of its checks, a verdict the worst of all
// (failed > skipped > passed), so report, badge and exit code are one computation.
import type { OperationId } from '../contract/operations.ts'
import type { RuleId } from '../contract/rules.ts'
import type { Level } from '../checks/check.ts'
import type { RunFacts } from './runFacts.ts'

export type CheckStatus = 'passed' | 'failed' | 'skipped'

export interface CheckEntry {
  id: string
  operation: OperationId
  rule: RuleId
  level: Level
  status: CheckStatus
  /** One line: why it failed or was skipped. */
  reason?: string
  /** Which test produced it; derived entries name the answers they summarise. */
  title: string
}

export interface ConformanceReport extends Partial<RunFacts> {
  baseUrl: string
  embedded: boolean
  startedAt: string
  finishedAt: string
  seed: number | undefined
  runId: string | undefined
  harnessVersion: string | undefined
  summary: Record<CheckStatus, number> & { verdict: 'conforms' | 'does not conform' }
  checks: CheckEntry[]
}

const severity: Record<CheckStatus, number> = { passed: 0, skipped: 1, failed: 2 }

export function worst(statuses: Iterable<CheckStatus>): CheckStatus {
  let result: CheckStatus = 'passed'
  for (const status of statuses) if (severity[status] > severity[result]) result = status
  return result
}

export function summarise(checks: readonly CheckEntry[]): ConformanceReport['summary'] {
  const counts: Record<CheckStatus, number> = { passed: 0, failed: 0, skipped: 0 }
  for (const check of checks) counts[check.status]++
  const verdict = checks.length > 0 && worst(checks.map((c) => c.status)) === 'passed' ? 'conforms' : 'does not conform'
  return { ...counts, verdict }
}

/** Checks in a stable order, so two runs (or shards merged) compare line by line. */
export function sortChecks(checks: CheckEntry[]): CheckEntry[] {
  return checks.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}
