// Judges the catalogue's derived checks from every answer the run's tests attached: a check of
// an operation's success answers under one rule fails when any success answer broke that rule; a
// check of its error answers (S13) fails when any error answer broke the error contract. A check
// that saw no answer of its kind asserted nothing: it is skipped, with the reason (not run, in a
// run that did not run every check: the checks that would have called the operation did not).
import { features, notConfigured, type Feature } from '../../contract/levels.ts'
import type { ChatOperationId } from '../../contract/operations.ts'
import type { RuleId } from '../../contract/rules.ts'
import { violationLine } from '../../contract/violations.ts'
import type { Exchange, ExchangeAttachment } from '../client/exchangeLog.ts'
import type { ReplayLog } from '../replay/replaySteps.ts'
import { answerCheckId } from '../catalogue/answerEntries.ts'
import type { DerivedEntry } from '../catalogue/catalogueEntry.ts'
import type { CheckEntry } from './conformanceReport.ts'
import { answerFailureDetails } from './failureDetails.ts'

interface Broken {
  reason: string
  /** The answers that broke the rule, a few at most, the first one reproduced. */
  exchanges: Exchange[]
  /** The replay steps of the check whose log holds the first of them. */
  replay: ReplayLog | undefined
}

const culpritsKept = 3

/** Answers seen and contract broken, per derived check id. */
interface Tally {
  seen: Map<string, number>
  broken: Map<string, Broken>
}

const kindOf = (status: number): DerivedEntry['answers'] => (status >= 400 ? 'error' : 'success')

/** The derived check an answer's violation of `rule` belongs to: its rule's, else the operation's SHAPE (or S13). */
function checkIdOf(operation: ChatOperationId, status: number, rule: RuleId, known: ReadonlySet<string>): string {
  const kind = kindOf(status)
  const own = answerCheckId(kind === 'error' ? 'S13' : rule, operation, kind)
  return known.has(own) ? own : answerCheckId(kind === 'error' ? 'S13' : 'SHAPE', operation, kind)
}

function tally(entries: readonly DerivedEntry[], attachments: readonly ExchangeAttachment[]): Tally {
  const known = new Set(entries.map((e) => e.id))
  const seen = new Map<string, number>()
  const broken = new Map<string, Broken>()
  const count = (operation: ChatOperationId, kind: DerivedEntry['answers'], n: number) => {
    const key = `${operation} ${kind}`
    seen.set(key, (seen.get(key) ?? 0) + n)
  }
  for (const attachment of attachments) {
    for (const [op, total] of Object.entries(attachment.seen)) {
      const errors = attachment.errorsSeen[op as ChatOperationId] ?? 0
      count(op as ChatOperationId, 'error', errors)
      count(op as ChatOperationId, 'success', (total ?? 0) - errors)
    }
    for (const exchange of attachment.exchanges) {
      if (exchange.status === undefined) continue
      for (const violation of exchange.violations) {
        const id = checkIdOf(exchange.operation, exchange.status, violation.rule, known)
        const found = broken.get(id)
        if (!found) {
          broken.set(id, {
            reason: `${exchange.method} answered ${exchange.status}: ${violationLine(violation)}`,
            exchanges: [exchange],
            replay: attachment.replay,
          })
        } else if (found.exchanges.length < culpritsKept && !found.exchanges.includes(exchange)) {
          found.exchanges.push(exchange)
        }
      }
    }
  }
  return { seen, broken }
}

/**
 * The derived checks' results. attachments: in a stable order (by check id), so the first
 * culprit is the same however the run was split.
 */
export function judgeDerivedChecks(
  entries: readonly DerivedEntry[],
  attachments: readonly ExchangeAttachment[],
  /** The run's features: a check of another is skipped as not configured. Unset: all. */
  configured: readonly Feature[] = features,
  partial = false,
): CheckEntry[] {
  const { seen, broken } = tally(entries, attachments)
  return entries.map((entry) => {
    const result: CheckEntry = {
      id: entry.id,
      operation: entry.operation,
      rule: entry.rule,
      level: entry.level,
      status: 'passed',
      title: entry.summary,
      ...(entry.needs ? { needs: entry.needs } : {}),
    }
    const failure = broken.get(entry.id)
    if (entry.needs && !configured.includes(entry.needs)) {
      result.status = 'skipped'
      result.reason = notConfigured[entry.needs]
    } else if (failure) {
      result.status = 'failed'
      result.reason = failure.reason
      result.failure = answerFailureDetails(entry.id, failure.reason, failure.exchanges, failure.replay)
    } else if ((seen.get(`${entry.operation} ${entry.answers}`) ?? 0) === 0) {
      result.status = partial ? 'not run' : 'skipped'
      result.reason = `${partial ? 'not run: ' : ''}no ${entry.answers === 'error' ? 'error' : 'success'} answer of ${entry.operation} was seen${partial ? ' (the checks that call it did not run)' : ''}`
    }
    return result
  })
}
