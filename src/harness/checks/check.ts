// A check is a small named function with a stable id that starts with its rule
// (S8.message.delete-then-404). certify() turns it into a Playwright test whose title starts
// with that id, so --grep S8 selects a rule and the report can name what a failure broke.
import type { OperationId } from '../../contract/operations.ts'
import { ruleOfCheck, type RuleId } from '../../contract/rules.ts'
import { NotEnoughTagKeys } from '../../../fixtures/values.ts'
import { test, type CheckFixtures } from '../runner/playwrightTest.ts'
import type { Feature, Level } from '../../contract/levels.ts'
import { maskedError } from './maskedError.ts'

export type { Feature, Level } from '../../contract/levels.ts'

export interface CheckSpec {
  id: string
  operation: OperationId
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
  run: (fixtures: CheckFixtures) => Promise<void>
}

export function defineCheck(spec: CheckSpec, run: Check['run']): Check {
  const level: Level = spec.needs ? 'full' : spec.usage ? 'strict' : 'core'
  return { spec, rule: ruleOfCheck(spec.id), level, run }
}

const notConfigured: Record<Feature, string> = {
  action: 'not configured: set CONFORMANCE_ACTION (and CONFORMANCE_ACTION_INPUT) to an action the bot has',
  integration: 'not configured: set CONFORMANCE_INTEGRATION_ID to an integration installed on the bot',
}

/** Registers a check as a test in the current spec file. */
export function certify(check: Check): void {
  const { spec } = check
  test(
    `${spec.id} ${spec.summary}`,
    {
      tag: [`@${check.rule}`, `@${check.level}`],
      annotation: [
        { type: 'rule', description: check.rule },
        { type: 'operation', description: spec.operation },
        { type: 'level', description: check.level },
        { type: 'path', description: spec.failurePath ? 'failure' : 'success' },
        ...(spec.needs ? [{ type: 'needs', description: spec.needs }] : []),
      ],
    },
    async ({ api, harness, make, values }) => {
      if (spec.needs === 'action') test.skip(!harness.action, notConfigured.action)
      if (spec.needs === 'integration') test.skip(!harness.integrationId, notConfigured.integration)
      try {
        await check.run({ api, harness, make, values })
      } catch (error) {
        test.skip(error instanceof NotEnoughTagKeys, (error as Error).message)
        throw maskedError(error, (text) => api.log.mask(text))
      }
    },
  )
}
