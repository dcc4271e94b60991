// conformance.md goes into a pull-request comment or a job summary, which GitHub cuts at 65,536
// characters: however many checks fail, the report stays under it, keeps the verdict and the
// matrix whole, and points at the HTML report for what it leaves out.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Exchange } from '../../src/harness/client/exchangeLog.ts'
import {
  featureSplit,
  judge,
  summarise,
  type CheckEntry,
  type ConformanceReport,
} from '../../src/harness/reporting/conformanceReport.ts'
import { markdownLimit, markdownReport } from '../../src/harness/reporting/markdownReport.ts'

function exchange(seq: number): Exchange {
  return {
    seq,
    operation: 'createUser',
    method: 'POST',
    url: 'http://127.0.0.1:1/v1/chat/users',
    requestHeaders: { 'content-type': 'application/json', authorization: 'Bearer ***' },
    requestBody: JSON.stringify({ name: 'x'.repeat(1_500), tags: { a: 'b' } }),
    status: 200,
    responseHeaders: { 'content-type': 'application/json' },
    responseBody: JSON.stringify({ user: { id: 'u'.repeat(30), name: 'y'.repeat(1_500) } }),
    violations: [],
    startedAt: new Date(0).toISOString(),
    durationMs: 3,
  }
}

function failedCheck(index: number): CheckEntry {
  const culprit = exchange(index * 2)
  return {
    id: `S8.user.case-${index}`,
    operation: 'createUser',
    rule: 'S8',
    level: 'core',
    status: 'failed',
    title: `case ${index}`,
    reason: `expected the user to read back, got ${'z'.repeat(300)}`,
    failure: {
      message: `expected the user to read back\n${'detail '.repeat(100)}`,
      culprit,
      exchanges: [culprit, exchange(index * 2 + 1)],
      curl: `curl -sS -i ${culprit.url} --data-raw '${culprit.requestBody ?? ''}'`,
    },
  }
}

function reportOf(checks: CheckEntry[]): ConformanceReport {
  const { operations, levels } = judge(checks, [])
  return {
    baseUrl: 'http://127.0.0.1:1/',
    embedded: false,
    target: { name: 'Many failures' },
    startedAt: new Date(0).toISOString(),
    finishedAt: new Date(60_000).toISOString(),
    seed: 1,
    runId: 'run',
    harnessVersion: '0.0.0',
    level: 'core',
    complete: true,
    features: featureSplit([]),
    summary: summarise(checks, 'core', levels.core.verdict),
    levels,
    operations,
    requests: checks.length,
    checks,
  }
}

const skippedCheck = (index: number): CheckEntry => ({
  id: `S11.state.skipped-${index}`,
  operation: 'getState',
  rule: 'S11',
  level: 'core',
  status: 'skipped',
  title: `skipped ${index}`,
  reason: 'not configured: set CONFORMANCE_ACTION to run it',
})

test('a report with thousands of failures stays under GitHub’s limit and points at the HTML report', () => {
  const checks = [
    ...Array.from({ length: 2_000 }, (_, i) => failedCheck(i)),
    ...Array.from({ length: 500 }, (_, i) => skippedCheck(i)),
  ]
  const report = reportOf(checks)
  const full = markdownReport(report, Number.POSITIVE_INFINITY)
  assert.ok(full.length > markdownLimit * 10, 'unshortened, it would be far over the limit')

  const shortened = markdownReport(report)
  assert.ok(shortened.length <= markdownLimit, `${shortened.length} characters`)
  assert.match(shortened, /does not conform/)
  assert.match(shortened, /## Operations × rules/)
  assert.match(shortened, /## Failures \(2000\)/)
  assert.match(shortened, /### ✗ S8\.user\.case-0\n/, 'the first failures are shown in full')
  assert.match(shortened, /\| S8\.user\.case-\d+ \| S8 \| createUser \|/, 'later ones in one line')
  assert.match(shortened, /…and \d+ more failures: see conformance\.html/)
  assert.match(shortened, /conformance\.html/)
})

test('a report under the limit is left whole', () => {
  const report = reportOf([failedCheck(1), skippedCheck(1)])
  const text = markdownReport(report)
  assert.equal(text, markdownReport(report, Number.POSITIVE_INFINITY))
  assert.doesNotMatch(text, /shortened/)
  assert.match(text, /All checks/)
})

test('a tighter limit is kept too', () => {
  const report = reportOf(Array.from({ length: 50 }, (_, i) => failedCheck(i)))
  for (const limit of [20_000, 30_000]) assert.ok(markdownReport(report, limit).length <= limit, `limit ${limit}`)
})
