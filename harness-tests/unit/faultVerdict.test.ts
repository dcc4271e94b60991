// The self-test's verdict on a fault: caught only by a failed check of the rule it breaks, at its
// level; failures of other rules alone, a run with no check, or no report are failures of the
// self-test. And the --grep a fault's concerns become selects exactly those checks.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { judge, type CheckEntry } from '../../src/harness/reporting/conformanceReport.ts'
import { checksGrep } from '../../src/runs/certificationProcess.ts'
import { judgeClean, judgeFault, type JudgedRun } from '../../src/selfTest/faultVerdict.ts'
import { checksOfFault } from '../../src/selfTest/selfTest.ts'

function check(id: string, status: CheckEntry['status'], more: Partial<CheckEntry> = {}): CheckEntry {
  return {
    id,
    operation: 'getUser',
    rule: id.split('.')[0] as CheckEntry['rule'],
    level: 'core',
    status,
    title: id,
    ...more,
  }
}

function run(checks: CheckEntry[]): JudgedRun {
  return {
    report: { checks, levels: judge(checks, ['action', 'integration']).levels },
    exitCode: 1,
    signal: null,
    timedOut: false,
  }
}

test('a fault is caught by a failed check of its rule, derived answers checks included', () => {
  const verdict = judgeFault(
    { breaks: 'S1' },
    run([
      check('S1.getUser.answers', 'failed'),
      check('SHAPE.getUser.valid-call', 'failed'),
      check('S8.user.create-then-get', 'passed'),
    ]),
  )
  assert.equal(verdict.status, 'caught')
  assert.deepEqual(verdict.caughtBy, ['S1.getUser.answers'])
  assert.deepEqual(verdict.alsoFailed, ['SHAPE.getUser.valid-call'])
})

test('failures of other rules alone do not catch a fault', () => {
  const verdict = judgeFault(
    { breaks: 'S1' },
    run([check('SHAPE.getUser.valid-call', 'failed'), check('S1.getUser.answers', 'passed')]),
  )
  assert.equal(verdict.status, 'caught elsewhere')
  assert.match(verdict.problem ?? '', /no core-level check of S1 failed, only SHAPE\.getUser\.valid-call/)
})

test('a [doc] fault must be caught at core; a [usage] one may be caught by a strict check', () => {
  const strictOnly = run([check('S5.user.unsent-tags-kept', 'failed', { level: 'strict' })])
  assert.equal(judgeFault({ breaks: 'S5' }, strictOnly).status, 'caught elsewhere')
  assert.equal(judgeFault({ breaks: 'S5', level: 'strict' }, strictOnly).status, 'caught')
  const fullOnly = run([check('S12.callAction.valid-call', 'failed', { level: 'full', needs: 'action' })])
  assert.equal(judgeFault({ breaks: 'S12', level: 'strict' }, fullOnly).status, 'caught elsewhere')
  assert.equal(judgeFault({ breaks: 'S12', level: 'full' }, fullOnly).status, 'caught')
})

test('a run where every check passed, and one with no report, are not catches', () => {
  assert.equal(judgeFault({ breaks: 'S8' }, run([check('S8.user.delete-then-404', 'passed')])).status, 'survived')
  const noReport = judgeFault(
    { breaks: 'S8' },
    { report: undefined, exitCode: null, signal: 'SIGTERM', timedOut: true },
  )
  assert.equal(noReport.status, 'no report')
  assert.match(noReport.problem ?? '', /time limit/)
})

test('a fault’s concerns select the catalogue’s tested checks by id prefix; a concern that names none selects nothing', () => {
  const selected = checksOfFault({ concerns: ['S8.user.', 'S13.getUser.no-token-401'] })
  assert.ok(selected.includes('S8.user.delete-then-404'))
  assert.ok(selected.includes('S13.getUser.no-token-401'))
  assert.ok(selected.every((id) => id.startsWith('S8.user.') || id === 'S13.getUser.no-token-401'))
  assert.ok(!selected.some((id) => id.endsWith('.answers')), 'derived checks are not selected: no test runs them')
  assert.deepEqual(checksOfFault({ concerns: ['S99.nothing.'] }), [])
})

test('the clean reference passes only when every check passed', () => {
  assert.equal(judgeClean(run([check('S8.a', 'passed'), check('S1.b', 'passed')])), undefined)
  assert.match(
    judgeClean(run([check('S8.a', 'passed'), check('S1.b', 'skipped', { reason: 'not configured' })])) ?? '',
    /1 checks did not pass: S1\.b \(skipped: not configured\)/,
  )
  assert.match(
    judgeClean({ report: undefined, exitCode: 4, signal: null, timedOut: false }) ?? '',
    /no report \(Playwright exited 4\)/,
  )
  assert.match(
    judgeClean({ report: undefined, exitCode: null, signal: 'SIGKILL', timedOut: false }) ?? '',
    /no report \(Playwright ended on SIGKILL\)/,
  )
})

test('a fault’s concerns select the checks whose ids start with them, and no other', () => {
  const grep = new RegExp(checksGrep(['S8.user.', 'SHAPE.getUser.valid-call']))
  const title = (id: string) => `chromium tests/users.spec.ts ${id} a summary @S8 @core`
  assert.ok(grep.test(title('S8.user.delete-then-404')))
  assert.ok(grep.test(title('SHAPE.getUser.valid-call')))
  assert.ok(!grep.test(title('S8.users.other')))
  assert.ok(!grep.test(title('S13.getUser.no-token-401')))
  assert.ok(!grep.test(title('XS8.user.delete-then-404')))
})
