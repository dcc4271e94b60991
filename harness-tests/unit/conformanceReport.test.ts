// Levels and verdicts: an operation is the worst of its checks, a level the worst of its
// operations (failed > skipped > passed); the badge, the pages and the exit code follow it.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { countsAt } from '../../src/contract/levels.ts'
import { exitCodeOf, exitCodes } from '../../src/harness/reporting/exitCodes.ts'
import { badgeMessage, badgeSvg } from '../../src/harness/reporting/badge.ts'
import {
  featureSplit,
  judge,
  summarise,
  type CheckEntry,
  type ConformanceReport,
} from '../../src/harness/reporting/conformanceReport.ts'
import { htmlReport } from '../../src/harness/reporting/htmlReport.ts'
import { markdownReport } from '../../src/harness/reporting/markdownReport.ts'
import { matrixRules } from '../../src/harness/reporting/reportMatrix.ts'
import { identityEntry, readRunMetadata, ShardMismatch } from '../../src/harness/reporting/runMetadata.ts'
import type { Feature, Level } from '../../src/contract/levels.ts'

function check(id: string, status: CheckEntry['status'], more: Partial<CheckEntry> = {}): CheckEntry {
  return { id, operation: 'createUser', rule: 'S8', level: 'core', status, title: id, ...more }
}

function report(
  checks: CheckEntry[],
  level: Level = 'core',
  features: Feature[] = ['action', 'integration', 'specScope'],
): ConformanceReport {
  const { operations, levels } = judge(checks, features)
  return {
    baseUrl: 'http://127.0.0.1:1/',
    embedded: true,
    target: {},
    startedAt: new Date(0).toISOString(),
    finishedAt: new Date(1500).toISOString(),
    seed: 1,
    runId: 'run',
    harnessVersion: '0.0.0',
    level,
    complete: levels[level].complete,
    features: featureSplit(features),
    summary: summarise(checks, level, levels[level].verdict),
    levels,
    operations,
    requests: checks.length,
    checks,
  }
}

test('an operation takes the worst status of its checks; a level the worst of its operations', () => {
  const r = report([
    check('S8.a', 'passed'),
    check('S8.b', 'skipped', { operation: 'getUser' }),
    check('S8.c', 'failed', { operation: 'getUser' }),
    check('S8.d', 'passed', { operation: 'listUsers' }),
  ])
  const status = (id: string) => r.operations.find((op) => op.id === id)?.status.core
  assert.equal(status('createUser'), 'passed')
  assert.equal(status('getUser'), 'failed')
  assert.equal(status('deleteUser'), 'unchecked')
  assert.equal(r.levels.core.verdict, 'does not conform')
  assert.deepEqual(r.levels.core.operations, {
    passed: 2,
    failed: 1,
    skipped: 0,
    'not run': 0,
    unchecked: 30,
    total: 33,
  })
  assert.equal(exitCodeOf(r), exitCodes.doesNotConform)
})

test('a skipped check of the certified level leaves it incomplete, and the exit code is 1', () => {
  const r = report([check('S8.a', 'passed'), check('S8.b', 'skipped', { reason: 'needs more tag keys' })])
  assert.equal(r.levels.core.verdict, 'incomplete')
  assert.equal(exitCodeOf(r), exitCodes.doesNotConform)
  assert.match(badgeMessage(r), /core 1 skipped/)
})

test('strict adds the usage checks; full adds only the checks of configured features', () => {
  const checks = [
    check('S8.core', 'passed'),
    check('S4.usage', 'failed', { rule: 'S4', level: 'strict' }),
    check('S12.action', 'skipped', {
      rule: 'S12',
      operation: 'callAction',
      level: 'full',
      needs: 'action',
      reason: 'not configured',
    }),
    check('S12.integration', 'passed', {
      rule: 'S12',
      operation: 'configureIntegration',
      level: 'full',
      needs: 'integration',
    }),
  ]
  const r = report(checks, 'full', ['integration'])
  assert.equal(r.levels.core.verdict, 'conforms')
  assert.equal(r.levels.strict.verdict, 'does not conform')
  // The action is not configured: its skipped check is shown but is not part of full.
  assert.equal(r.levels.full.verdict, 'conforms')
  assert.equal(r.operations.find((op) => op.id === 'callAction')?.status.full, 'unchecked')
  assert.equal(exitCodeOf(r), exitCodes.conforms)
  assert.equal(exitCodeOf({ ...r, level: 'strict' }), exitCodes.doesNotConform)
  // Configured, the same skip makes full incomplete: a certification may skip nothing of its level.
  assert.equal(report(checks, 'full', ['action', 'integration']).levels.full.verdict, 'incomplete')
  assert.ok(!countsAt(checks[1] as CheckEntry, 'core', new Set()))
})

test('the spec scope: off, its skipped checks count nowhere and the report lists the 33; on, they count at full and it lists 48', () => {
  const spec = (status: CheckEntry['status']) =>
    check('S14.task.create-then-get', status, {
      rule: 'S14',
      operation: 'getTask',
      level: 'full',
      needs: 'specScope',
      ...(status === 'skipped' ? { reason: 'not configured' } : {}),
    })
  const off = report([check('S8.core', 'passed'), spec('skipped')], 'full', ['action', 'integration'])
  const without = report([check('S8.core', 'passed')], 'full', ['action', 'integration'])
  assert.deepEqual(off.levels, without.levels)
  assert.equal(off.operations.length, 33)
  assert.ok(!matrixRules(off).includes('S14'))
  const on = report([check('S8.core', 'passed'), spec('failed')], 'full', ['action', 'integration', 'specScope'])
  assert.equal(on.operations.length, 48)
  assert.equal(on.operations.find((op) => op.id === 'getTask')?.status.full, 'failed')
  assert.equal(on.operations.find((op) => op.id === 'getTask')?.status.core, 'unchecked')
  assert.equal(on.levels.core.verdict, 'conforms')
  // core counts the documented 33 (the 15 are shown without a check there); full all 48.
  assert.equal(on.levels.core.operations.total, 33)
  assert.equal(on.levels.full.operations.total, 48)
  assert.equal(badgeMessage(on), 'full 1 failing')
  assert.equal(on.levels.full.verdict, 'does not conform')
  assert.ok(matrixRules(on).includes('S19'))
  assert.match(markdownReport(on), /^\| getTask \|/m)
  assert.doesNotMatch(markdownReport(off), /^\| getTask \|/m)
})

test('a level with no check at all does not conform', () => {
  const r = report([])
  assert.equal(r.levels.core.verdict, 'incomplete')
  assert.equal(exitCodeOf(r), exitCodes.doesNotConform)
})

test('the badge counts operations: core N/33, or the failing count', () => {
  const passing = report([check('S8.a', 'passed')])
  assert.equal(badgeMessage(passing), 'core 1/33')
  assert.match(badgeSvg(passing), /Runtime API conformance/)
  assert.equal(
    badgeMessage(report([check('S8.a', 'failed'), check('S8.b', 'failed', { operation: 'getUser' })])),
    'core 2 failing',
  )
})

test('what a target sent cannot break out of the HTML page or a Markdown table', () => {
  const hostile = '<script>alert(1)</script> | `` ``` "\'&'
  const r = report([
    check('S8.a', 'failed', { reason: hostile, failure: { message: `${hostile}\nand a second line`, exchanges: [] } }),
  ])
  const page = htmlReport(r)
  assert.ok(!page.includes('<script>'))
  assert.match(page, /Content-Security-Policy" content="default-src 'none'/)
  const table = markdownReport(r)
    .split('\n')
    .find((line) => line.startsWith('| S8.a '))
  assert.ok(table?.includes('\\|'), 'pipes inside a cell are escaped')
  assert.ok(markdownReport(r).includes('````\n'), 'a fence longer than the backticks inside it')
})

test('shards of one run share seed and run id; merged shards of two runs are refused', () => {
  const one = { seed: 7, runId: 'r1', ...identityEntry(7, 'r1') }
  assert.equal(readRunMetadata({ ...one, ...one }).seed, 7)
  assert.throws(() => readRunMetadata({ ...one, ...identityEntry(8, 'r1') }), ShardMismatch)
  assert.throws(() => readRunMetadata({ ...one, ...identityEntry(7, 'r2') }), ShardMismatch)
})

test('observations are shown as facts and decide nothing', () => {
  const r = report([check('S9.a', 'passed', { observations: ['a participant for an unknown user answered 404'] })])
  assert.equal(r.levels.core.verdict, 'conforms')
  assert.match(markdownReport(r), /## Observations[\s\S]*answered 404/)
  assert.match(htmlReport(r), /id="observations"[\s\S]*answered 404/)
})

test('a check the run did not run leaves its level partial: exit 5, a grey badge, complete false', () => {
  const r = report([
    check('S8.a', 'passed'),
    check('S8.b', 'not run', { reason: 'not run: this run did not select it' }),
  ])
  assert.equal(r.levels.core.verdict, 'partial')
  assert.equal(r.complete, false)
  assert.equal(r.levels.core.complete, false)
  assert.equal(exitCodeOf(r), exitCodes.partial)
  assert.notEqual(exitCodes.partial, exitCodes.conforms)
  assert.equal(badgeMessage(r), 'core partial 1/2 checks')
  assert.match(badgeSvg(r), /fill="#9f9f9f"/)
  assert.match(markdownReport(r), /partial: not every check ran\*\* — 1 of 2 checks of core ran/)
  assert.match(markdownReport(r), /## Not run \(1\)[\s\S]*1 check: not run: this run did not select it/)
  assert.match(htmlReport(r), /class="banner not-run"[\s\S]*1 of 2 checks of core ran/)
  // A failure outranks the partial run: a fault found is a fault found.
  const failing = report([check('S8.a', 'failed'), check('S8.b', 'not run')])
  assert.equal(failing.levels.core.verdict, 'does not conform')
  assert.equal(exitCodeOf(failing), exitCodes.doesNotConform)
  assert.equal(failing.complete, false)
  // Checks of another level that did not run leave the certified level whole.
  const strictNotRun = report([check('S8.a', 'passed'), check('S5.b', 'not run', { rule: 'S5', level: 'strict' })])
  assert.equal(strictNotRun.levels.core.verdict, 'conforms')
  assert.equal(strictNotRun.levels.strict.verdict, 'partial')
})

test('full without an optional feature says what it covered', () => {
  const none = report([check('S8.a', 'passed')], 'full', [])
  assert.equal(badgeMessage(none), 'full (core only) 1/33')
  assert.match(markdownReport(none), /full \(no optional feature configured: only the checks of core\): conforms/)
  assert.equal(badgeMessage(report([check('S8.a', 'passed')], 'full', ['action'])), 'full (action) 1/33')
  assert.equal(badgeMessage(report([check('S8.a', 'passed')], 'full')), 'full 1/48')
})
