// The bench's targets, as data: what is measured, the limit, and which side of it is good.
import type { BenchResults } from './benchResults.ts'
import type { TargetCase } from './certificationRuns.ts'

export type Verdict = 'met' | 'not met' | 'not measured'

export interface Target {
  id: string
  title: string
  comparison: 'at most' | 'at least'
  limit: number
  unit: string
  measure: (results: BenchResults) => number | undefined
}

/** The limit on a growth ratio: each request of the bench's section 4 is judged against it. */
export const growthLimit = 1.5

/** The worst ratio over the operation's requests (no filter, each filter, each sort, a later page). */
const growthTarget = (operation: string): Target => ({
  id: `growth.${operation}`,
  title: `${operation}: latency at 100,000 / at 1,000 stored, worst request`,
  comparison: 'at most',
  limit: growthLimit,
  unit: '×',
  measure: (r) => {
    const ratios = r.growth?.cases.filter((c) => c.operation === operation).map((c) => c.ratio) ?? []
    return ratios.length === 0 ? undefined : Math.max(...ratios)
  },
})

const referenceTarget = (operation: string): Target => ({
  id: `reference.${operation}`,
  title: `${operation} throughput: reference / bare node:http`,
  comparison: 'at least',
  limit: 0.5,
  unit: '×',
  measure: (r) => r.reference?.comparisons.find((c) => c.operation === operation)?.ratio,
})

/** The median wall time of a certification case, when all its runs counted. */
function wallOf(r: BenchResults, targetCase: TargetCase, workers: number): number | undefined {
  const summary = r.certification?.summaries.find((s) => s.workers === workers && s.case === targetCase)
  return summary && summary.runs > 0 && summary.problems.length === 0 ? summary.wallMs : undefined
}

function ratio(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined || b === undefined ? undefined : a / b
}

const floorTarget = (workers: number): Target => ({
  id: `certification.floor.${workers}`,
  title: `clean certification / floor (its requests replayed by a bare client, with the waits), ${workers} worker${workers === 1 ? '' : 's'}`,
  comparison: 'at most',
  limit: 2.5,
  unit: '×',
  measure: (r) =>
    ratio(wallOf(r, 'clean', workers), r.certification?.floorSummaries.find((f) => f.workers === workers)?.wallMs),
})

export const targets: Target[] = [
  {
    id: 'certification.wall',
    title: 'full certification at 2 workers, wall time including server start',
    comparison: 'at most',
    limit: 10,
    unit: 's',
    measure: (r) => ratio(wallOf(r, 'clean', 2), 1000),
  },
  {
    id: 'certification.failing',
    title: 'a reference failing nearly every check (every-id-one-short) / clean, 2 workers',
    comparison: 'at most',
    limit: 1.5,
    unit: '×',
    measure: (r) => ratio(wallOf(r, 'failing', 2), wallOf(r, 'clean', 2)),
  },
  floorTarget(1),
  floorTarget(2),
  {
    id: 'certification.slow',
    title: 'getUser answering 20 s late (slow-get-user): (run − one request timeout) / clean, 2 workers',
    comparison: 'at most',
    limit: 2,
    unit: '×',
    measure: (r) => {
      const slow = wallOf(r, 'slow', 2)
      const timeout = r.certification?.requestTimeoutMs
      return slow === undefined || timeout === undefined ? undefined : ratio(slow - timeout, wallOf(r, 'clean', 2))
    },
  },
  {
    id: 'overhead.ratio',
    title: 'harness / bare undici client, same requests',
    comparison: 'at most',
    limit: 1.5,
    unit: '×',
    measure: (r) => r.overhead?.ratio,
  },
  referenceTarget('getMessage'),
  referenceTarget('createMessage'),
  growthTarget('getOrCreateUser'),
  growthTarget('listUsers'),
  growthTarget('listConversations'),
  growthTarget('listMessages'),
  growthTarget('listEvents'),
  growthTarget('listParticipants'),
  growthTarget('listTagValues'),
]

export interface TargetResult {
  id: string
  title: string
  comparison: Target['comparison']
  limit: number
  unit: string
  measured: number | undefined
  verdict: Verdict
}

export function judge(target: Target, results: BenchResults): TargetResult {
  const value = target.measure(results)
  const measured = value === undefined || !Number.isFinite(value) ? undefined : value
  const met =
    measured !== undefined && (target.comparison === 'at most' ? measured <= target.limit : measured >= target.limit)
  const { id, title, comparison, limit, unit } = target
  return {
    id,
    title,
    comparison,
    limit,
    unit,
    measured,
    verdict: measured === undefined ? 'not measured' : met ? 'met' : 'not met',
  }
}

export function formatNumber(value: number | undefined, unit: string): string {
  if (value === undefined) return '—'
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2
  return `${value.toFixed(digits)}${unit === '×' || unit === '' ? unit : ` ${unit}`}`
}

export function limitText(result: Pick<TargetResult, 'comparison' | 'limit' | 'unit'>): string {
  return `${result.comparison === 'at most' ? '≤' : '≥'} ${formatNumber(result.limit, result.unit)}`
}
