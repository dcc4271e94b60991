// The catalogue's checks as Playwright tests. A spec registers one group per line:
//   for (const t of checkTests('users', 'read-after-write')) test(t.title, t.details, t.body)
// so Playwright, its reports and editors locate each test at that line of the spec, and
// `playwright test tests/users.spec.ts:<line>` runs that line's checks.
import type { TestDetails } from '@playwright/test'
import { NotEnoughTagKeys } from '../../../fixtures/values.ts'
import { notConfigured } from '../../contract/levels.ts'
import { catalogue, type TestedEntry } from '../catalogue/catalogue.ts'
import { configuredFeatures } from '../config/harnessConfig.ts'
import type { CheckContext } from '../checks/checkContext.ts'
import { assertionGuard } from '../checks/expectations.ts'
import { maskedError } from '../checks/maskedError.ts'
import { failuresKeepWorker, keptWorkerAnnotation } from './failureMode.ts'
import { test } from './playwrightTest.ts'

export interface CheckTest {
  /** The check's id, then its summary: --grep matches ids, rules (S8) and words. */
  title: string
  details: TestDetails
  body: (fixtures: { check: CheckContext }) => Promise<void>
}

/** Runs a check; one that made no assertion fails as a harness defect (assertionGuard). */
export async function runGuarded(check: TestedEntry, context: CheckContext): Promise<void> {
  const asserted = assertionGuard(check.id)
  await check.run(context)
  asserted()
}

function checkTest(check: TestedEntry): CheckTest {
  return {
    title: `${check.id} ${check.summary}`,
    details: {
      tag: [`@${check.rule}`, `@${check.level}`],
      annotation: [
        { type: 'rule', description: check.rule },
        { type: 'operation', description: check.operation },
        { type: 'level', description: check.level },
        { type: 'path', description: check.failurePath ? 'failure' : 'success' },
        ...(check.needs ? [{ type: 'needs', description: check.needs }] : []),
      ],
    },
    body: async ({ check: context }) => {
      const { api, harness } = context
      if (check.needs) test.skip(!configuredFeatures(harness).includes(check.needs), notConfigured[check.needs])
      try {
        await runGuarded(check, context)
      } catch (error) {
        if (error instanceof NotEnoughTagKeys) test.skip(true, error.message)
        const info = test.info()
        // With --retries, a failure must stay one Playwright retries (it retries no expected failure).
        if (failuresKeepWorker(info.config) && info.project.retries === 0) {
          // Still a failure (status 'failed'), without a new worker (failureMode.ts).
          info.annotations.push({ type: keptWorkerAnnotation, description: 'the worker was kept for the next check' })
          info.fail()
        }
        throw maskedError(error, (text) => api.log.mask(text))
      }
    },
  }
}

/** The tests of one line of a spec: the checks of one catalogue group. */
export function checkTests(area: string, group: string): CheckTest[] {
  return catalogue().group(area, group).map(checkTest)
}
