// Checks over every answer the run saw: for each operation, one entry per rule its answer
// schema carries (ids S1, dates S2, lengths S3, enums S4, the rest SHAPE) and one for its error
// bodies (S13). A check that fails because an answer broke the schema fails here too, under
// the rule it broke, so a report says "S1 broken by createUser" rather than only "S8 failed".
import { operations, type OperationId } from '../../contract/operations.ts'
import { contractSchemas, type SchemaNode } from '../../contract/schemaRegistry.ts'
import { isRuleId, type RuleId } from '../../contract/rules.ts'
import { violationLine } from '../../contract/violations.ts'
import type { Exchange, ExchangeAttachment } from '../client/exchangeLog.ts'
import type { CheckEntry } from './conformanceReport.ts'
import { answerFailureDetails } from './failureDetails.ts'

function rulesIn(node: unknown, found = new Set<RuleId>()): Set<RuleId> {
  if (Array.isArray(node)) for (const item of node) rulesIn(item, found)
  else if (node && typeof node === 'object') {
    const rule = (node as SchemaNode)['x-rule']
    if (typeof rule === 'string' && isRuleId(rule)) found.add(rule)
    for (const value of Object.values(node)) rulesIn(value, found)
  }
  return found
}

/** The rules an operation's success answer can break: SHAPE plus the x-rules of its schema. */
export function answerRules(operationId: OperationId): RuleId[] {
  const op = operations.get(operationId)
  if (!op) return []
  return ['SHAPE', ...rulesIn(contractSchemas().schemaOf(op.response))]
}

interface Broken {
  reason: string
  /** The answers that broke the rule, a few at most, the first one reproduced. */
  exchanges: Exchange[]
}

interface Tally {
  seen: number
  errors: number
  broken: Map<RuleId, Broken>
}

const culpritsKept = 3

/** attachments: in a stable order (by check id), so the first culprit is the same however the run was split. */
export function answerChecks(attachments: readonly ExchangeAttachment[]): CheckEntry[] {
  const tallies = new Map<OperationId, Tally>()
  const tally = (op: OperationId): Tally => {
    let t = tallies.get(op)
    if (!t) tallies.set(op, (t = { seen: 0, errors: 0, broken: new Map() }))
    return t
  }
  for (const attachment of attachments) {
    for (const [op, count] of Object.entries(attachment.seen)) tally(op as OperationId).seen += count ?? 0
    for (const [op, count] of Object.entries(attachment.errorsSeen)) tally(op as OperationId).errors += count ?? 0
    for (const exchange of attachment.exchanges) {
      for (const rule of new Set(exchange.violations.map((v) => v.rule))) {
        const broken = tally(exchange.operation).broken
        const found = broken.get(rule)
        if (found) {
          if (found.exchanges.length < culpritsKept) found.exchanges.push(exchange)
          continue
        }
        const violation = exchange.violations.find((v) => v.rule === rule)
        if (violation)
          broken.set(rule, {
            reason: `${exchange.method} answered ${exchange.status}: ${violationLine(violation)}`,
            exchanges: [exchange],
          })
      }
    }
  }

  const entries: CheckEntry[] = []
  for (const [operation, t] of tallies) {
    if (t.seen === 0) continue
    const rules = new Set<RuleId>(answerRules(operation))
    for (const rule of t.broken.keys()) rules.add(rule)
    if (t.errors > 0) rules.add('S13')
    for (const rule of rules) {
      const broken = t.broken.get(rule)
      const kind = rule === 'S13' ? 'error-answers' : 'answers'
      const entry: CheckEntry = {
        id: `${rule}.${operation}.${kind}`,
        operation,
        rule,
        level: 'core',
        status: broken === undefined ? 'passed' : 'failed',
        title: `every ${rule === 'S13' ? 'error ' : ''}answer of ${operation} the run saw keeps ${rule}`,
      }
      if (broken) {
        entry.reason = broken.reason
        entry.failure = answerFailureDetails(broken.reason, broken.exchanges)
      }
      entries.push(entry)
    }
  }
  return entries
}
