// The derived checks: for each operation, one entry per rule its success answer's schema carries
// (ids S1, dates S2, lengths S3, enums S4, the rest SHAPE) and one for its error answers (S13). A
// check that fails because an answer broke the schema fails here too, under the rule it broke, so
// a report says "S1 broken by createUser" rather than only "S8 failed".
import { allOperations, type ChatOperationId } from '../../contract/operations.ts'
import { isRuleId, type RuleId } from '../../contract/rules.ts'
import { contractSchemas, type SchemaNode } from '../../contract/schemaRegistry.ts'
import { defineCheck } from '../checks/check.ts'
import { operationRequests } from '../checks/operationRequests.ts'
import type { Feature } from '../../contract/levels.ts'
import type { DerivedEntry, TestedEntry } from './catalogueEntry.ts'

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
function answerRules(operationId: ChatOperationId): RuleId[] {
  const op = allOperations.get(operationId)
  if (!op) return []
  return ['SHAPE', ...rulesIn(contractSchemas().schemaOf(op.response))]
}

/** The id of the derived check of one operation's answers under one rule. */
export function answerCheckId(rule: RuleId, operation: ChatOperationId, answers: DerivedEntry['answers']): string {
  return `${rule}.${operation}.${answers === 'error' ? 'error-answers' : 'answers'}`
}

function entry(
  operation: ChatOperationId,
  rule: RuleId,
  answers: DerivedEntry['answers'],
  area: string,
  needs: Feature | undefined,
): DerivedEntry {
  // defineCheck gives the entry its level exactly as a tested check of the same needs would get.
  const { spec, level } = defineCheck(
    {
      id: answerCheckId(rule, operation, answers),
      operation,
      summary: `every ${answers === 'error' ? 'error ' : ''}answer of ${operation} the run saw keeps ${rule}`,
      ...(needs ? { needs } : {}),
      ...(answers === 'error' ? { failurePath: true } : {}),
    },
    () => Promise.resolve(),
  )
  return { ...spec, rule, level, area, group: operation, derived: true, answers }
}

/**
 * Every derived entry: per operation, its answer rules and S13 for its error answers. A success
 * answer needs what a valid call needs (an action, an integration); error answers need a feature
 * only when every tested check of the operation does.
 */
export function answerEntries(area: string, tested: readonly TestedEntry[]): DerivedEntry[] {
  return [...allOperations.keys()].flatMap((operation) => {
    const own = tested.filter((check) => check.operation === operation)
    const errorNeeds = own.some((check) => !check.needs) ? undefined : own[0]?.needs
    return [
      ...answerRules(operation).map((rule) =>
        entry(operation, rule, 'success', area, operationRequests[operation].needs),
      ),
      entry(operation, 'S13', 'error', area, errorNeeds),
    ]
  })
}
