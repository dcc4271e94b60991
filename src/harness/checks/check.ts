// A check is a small named function with a stable id that starts with its rule
// (S8.message.delete-then-404). The catalogue lists every check (src/harness/catalogue/); a spec
// registers them as Playwright tests whose titles start with the id, so --grep S8 selects a rule
// and the report can name what a failure broke.
import type { ChatOperationId } from '../../contract/operations.ts'
import { ruleOfCheck, type RuleId } from '../../contract/rules.ts'
import type { CheckContext } from './checkContext.ts'
import { featureLevel, type Feature, type Level } from '../../contract/levels.ts'

export interface CheckSpec {
  id: string
  operation: ChatOperationId
  summary: string
  /** The rule is [usage]: how the vendor's client uses the API, checked at the strict level. */
  usage?: boolean
  needs?: Feature
  /** The check drives its operation into a documented error answer (a failure path). */
  failurePath?: boolean
}

export interface Check {
  spec: CheckSpec
  rule: RuleId
  level: Level
  run: (context: CheckContext) => Promise<void>
}

export function defineCheck(spec: CheckSpec, run: Check['run']): Check {
  const level: Level = spec.needs ? featureLevel : spec.usage ? 'strict' : 'core'
  return { spec, rule: ruleOfCheck(spec.id), level, run }
}
