// The certification report: one entry per check of the catalogue with its rule, operation and
// level, and the verdict of each level. An operation's status is the worst of its checks, a
// level's verdict the worst of its operations (failed > not run > skipped > passed), so report,
// badge and exit code are one computation (levelResult below). A check the run did not run (a
// filtered run: --grep, a file, a shard, --max-failures …) is "not run", and a level with one is
// "partial": only a run of every check of a level can say it conforms.
import type { Exchange } from '../client/exchangeLog.ts'
import type { Replay } from '../replay/replaySteps.ts'
import {
  isSpecOperationId,
  operations,
  specOperations,
  type ChatOperation,
  type ChatOperationId,
} from '../../contract/operations.ts'
import type { RuleId } from '../../contract/rules.ts'
import {
  countsAt,
  featureLevel,
  features as allFeatures,
  levels,
  type Feature,
  type Level,
} from '../../contract/levels.ts'
import type { DerivedCoverage } from './derivedCoverage.ts'
import type { RunFacts } from './runFacts.ts'

/** not run: the run did not run it (it was filtered out, or the run ended before it). */
export type CheckStatus = 'passed' | 'failed' | 'skipped' | 'not run'

/** What a person needs to see a failure again: the traffic and a command that repeats the request. */
export interface FailureDetails {
  /** The whole failure message (masked); its first line is the check's reason. */
  message: string
  /** The exchange the failing assertion was about (masked, bodies shortened). */
  culprit?: Exchange
  /** Every exchange of the check, in order (masked, bodies shortened). */
  exchanges: Exchange[]
  /** Repeats the culprit's request with the token written as $CONFORMANCE_TOKEN. */
  curl?: string
  /** The curl command cannot repeat the request exactly: the report kept only the start of its body. */
  curlIncomplete?: true
  /** The whole sequence that led to the failing answer, for `npm run replay -- <check id>`. */
  replay?: Replay
  /** The same sequence as a bash script: curl, the token from $CONFORMANCE_TOKEN, ids from the answers. */
  replayScript?: string
}

export interface CheckEntry {
  id: string
  operation: ChatOperationId
  rule: RuleId
  level: Level
  /** The optional feature a full-level check needs (its level counts it only when configured). */
  needs?: Feature
  status: CheckStatus
  /** One line: why it failed or was skipped. */
  reason?: string
  /** Which test produced it; derived entries name the answers they summarise. */
  title: string
  /** For a failure: request, response and a curl command. */
  failure?: FailureDetails
  /** What the target did where the documents allow several answers ([open]): facts, never a verdict. */
  observations?: string[]
}

/**
 * conforms: every check of the level ran and passed; partial: none failed, but not every check of
 * the level ran; incomplete: every check ran, none failed, some were skipped.
 */
export type Verdict = 'conforms' | 'does not conform' | 'partial' | 'incomplete'

/** An operation no check of a level exercised is "unchecked": it is shown, and it decides nothing. */
export type OperationStatus = CheckStatus | 'unchecked'

export interface LevelResult {
  verdict: Verdict
  /** The worst status of the level's operations. */
  status: CheckStatus
  operations: Record<OperationStatus, number> & { total: number }
  checks: Record<CheckStatus, number>
  /** Every check of the level ran (none is "not run"). */
  complete: boolean
}

export interface OperationEntry {
  id: ChatOperationId
  area: string
  method: string
  path: string
  /** Per level: the worst status of the operation's checks at that level. */
  status: Record<Level, OperationStatus>
}

export interface ConformanceReport extends Partial<RunFacts> {
  baseUrl: string
  embedded: boolean
  /** CONFORMANCE_TARGET_NAME / CONFORMANCE_TARGET_VERSION, when given. */
  target: { name?: string; version?: string }
  startedAt: string
  finishedAt: string
  seed: number | undefined
  runId: string | undefined
  harnessVersion: string | undefined
  /** The level this run certifies (CONFORMANCE_LEVEL): summary.verdict and the exit code are its. */
  level: Level
  /** Every check of the certified level ran: false for a filtered run, which cannot certify. */
  complete: boolean
  /** The optional features the target was configured for; the full level covers these. */
  features: { configured: Feature[]; notConfigured: Feature[] }
  /** Counts over every check; verdict: the certified level's. */
  summary: Record<CheckStatus, number> & { level: Level; verdict: Verdict }
  levels: Record<Level, LevelResult>
  operations: OperationEntry[]
  /** Answered requests the checks made (the bench's request count). */
  requests: number
  checks: CheckEntry[]
  /** Per operation, the cases derived from the contract that the run sent (run / derivable). */
  derivedCoverage?: DerivedCoverage
}

const severity: Record<CheckStatus, number> = { passed: 0, skipped: 1, 'not run': 2, failed: 3 }

export function worst(statuses: Iterable<CheckStatus>): CheckStatus {
  let result: CheckStatus = 'passed'
  for (const status of statuses) if (severity[status] > severity[result]) result = status
  return result
}

function operationStatus(checks: readonly CheckEntry[]): OperationStatus {
  return checks.length === 0 ? 'unchecked' : worst(checks.map((c) => c.status))
}

const verdictOf: Record<CheckStatus, Verdict> = {
  passed: 'conforms',
  skipped: 'incomplete',
  'not run': 'partial',
  failed: 'does not conform',
}

function emptyCounts(): Record<CheckStatus, number> {
  return { passed: 0, failed: 0, skipped: 0, 'not run': 0 }
}

function levelResult(statuses: readonly OperationStatus[], checks: readonly CheckEntry[]): LevelResult {
  const opCounts = { ...emptyCounts(), unchecked: 0, total: statuses.length }
  for (const status of statuses) opCounts[status]++
  const checkCounts = emptyCounts()
  for (const check of checks) checkCounts[check.status]++
  const status = worst(statuses.filter((s): s is CheckStatus => s !== 'unchecked'))
  // A level nothing was checked at cannot conform.
  const verdict = checks.length === 0 ? 'incomplete' : verdictOf[status]
  return {
    verdict,
    status: checks.length === 0 ? 'skipped' : status,
    operations: opCounts,
    checks: checkCounts,
    complete: checkCounts['not run'] === 0,
  }
}

export interface Judgement {
  operations: OperationEntry[]
  levels: Record<Level, LevelResult>
}

/** The operations a report lists: the documented 33, and the 15 of the spec scope when it is configured. */
function certifiedOperations(configured: readonly Feature[]): ChatOperation[] {
  return [...operations.values(), ...(configured.includes('specScope') ? specOperations.values() : [])]
}

/** Operation statuses and level verdicts from the checks: the one computation behind report, badge and exit code. */
export function judge(checks: readonly CheckEntry[], configured: readonly Feature[]): Judgement {
  const features = new Set(configured)
  const entries: OperationEntry[] = certifiedOperations(configured).map((op) => ({
    id: op.id,
    area: op.area,
    method: op.method,
    path: op.path,
    status: { core: 'unchecked', strict: 'unchecked', full: 'unchecked' },
  }))
  const results = {} as Record<Level, LevelResult>
  for (const level of levels) {
    const atLevel = checks.filter((check) => countsAt(check, level, features))
    for (const entry of entries)
      entry.status[level] = operationStatus(atLevel.filter((check) => check.operation === entry.id))
    // The spec scope's operations are certified by the level of features alone: at another
    // level they are shown (no check there) but not counted, so core stays "33 of 33".
    const counted = entries.filter((entry) => level === featureLevel || !isSpecOperationId(entry.id))
    results[level] = levelResult(
      counted.map((entry) => entry.status[level]),
      atLevel,
    )
  }
  return { operations: entries, levels: results }
}

export function featureSplit(configured: readonly Feature[]): ConformanceReport['features'] {
  return {
    configured: allFeatures.filter((f) => configured.includes(f)),
    notConfigured: allFeatures.filter((f) => !configured.includes(f)),
  }
}

export function summarise(checks: readonly CheckEntry[], level: Level, verdict: Verdict): ConformanceReport['summary'] {
  const counts = emptyCounts()
  for (const check of checks) counts[check.status]++
  return { ...counts, level, verdict }
}

/** Checks in a stable order, so two runs (or shards merged) compare line by line. */
export function sortChecks(checks: CheckEntry[]): CheckEntry[] {
  return checks.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}
