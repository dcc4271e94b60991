// No check can pass having asserted nothing: the runner counts the assertions a check makes and
// fails one that made none as a harness defect, loudly, whatever the target answered.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { TestedEntry } from '../../src/harness/catalogue/catalogueEntry.ts'
import type { CheckContext } from '../../src/harness/checks/checkContext.ts'
import { assertionGuard, expectThat, HarnessDefect } from '../../src/harness/checks/expectations.ts'
import type { Reply } from '../../src/harness/client/runtimeClient.ts'
import { runGuarded } from '../../src/harness/runner/checkTests.ts'

const reply = {} as Reply

function entry(run: TestedEntry['run']): TestedEntry {
  return {
    id: 'S8.unit.guarded',
    operation: 'getUser',
    summary: 'a check of the guard',
    rule: 'S8',
    level: 'core',
    area: 'users',
    group: 'unit',
    derived: false,
    run,
  }
}

const context = { api: { log: { mask: (text: string) => text } } } as unknown as CheckContext

test('the guard fails a check that made no assertion, and lets one that made any pass', () => {
  const vacuous = assertionGuard('S8.unit.vacuous')
  assert.throws(() => vacuous(), HarnessDefect)
  assert.throws(() => vacuous(), /S8\.unit\.vacuous made no assertion: it observed nothing/)
  const asserting = assertionGuard('S8.unit.asserting')
  expectThat(true, reply, 'holds')
  assert.doesNotThrow(() => asserting())
})

test('every check runs in the guard (runGuarded, which the body of every check test calls): an empty check body fails as a harness defect', async () => {
  await assert.rejects(
    runGuarded(
      entry(() => Promise.resolve()),
      context,
    ),
    (error: unknown) => error instanceof Error && /^S8\.unit\.guarded made no assertion/.test(error.message),
  )
  // A check whose only assertion sits in a loop over nothing asserted nothing either.
  await assert.rejects(
    runGuarded(
      entry(async () => {
        for (const item of [] as string[]) expectThat(item !== '', reply, 'an item')
        await Promise.resolve()
      }),
      context,
    ),
    /made no assertion/,
  )
  await runGuarded(
    entry(async () => {
      expectThat(true, reply, 'holds')
      await Promise.resolve()
    }),
    context,
  )
})
