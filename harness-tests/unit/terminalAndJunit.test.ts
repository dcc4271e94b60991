// What a certifier reads: one line per failing check on the terminal, junit.xml with the same
// checks and counts as the report; and when a failing check may keep its worker.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { featureSplit, judge, summarise, type CheckEntry } from '../../src/harness/reporting/conformanceReport.ts'
import { junitXml } from '../../src/harness/reporting/junitReport.ts'
import { failureLine, progressLine, startLine } from '../../src/harness/reporting/terminalOutput.ts'
import { failuresKeepWorker } from '../../src/harness/runner/failureMode.ts'

const failed: CheckEntry = {
  id: 'SHAPE.createUser.unknown-property-400',
  operation: 'createUser',
  rule: 'SHAPE',
  level: 'core',
  status: 'failed',
  title: 'SHAPE.createUser.unknown-property-400 createUser with a body property … answers 400 InvalidPayload',
  reason: 'createUser answered 201 (expected 400 InvalidPayload)',
  failure: {
    message: 'createUser answered 201 (expected 400 InvalidPayload)\nmore <details>',
    exchanges: [],
    culprit: {
      seq: 1,
      operation: 'createUser',
      method: 'POST',
      url: 'http://127.0.0.1:4000/v1/chat/users?x=1',
      requestHeaders: {},
      status: 201,
      violations: [],
      startedAt: new Date(0).toISOString(),
      durationMs: 3,
    },
    curl: "curl -i -X POST 'http://127.0.0.1:4000/v1/chat/users?x=1'",
  },
}

test('a failing check is one line: id, rule, expected versus actual, request line and status', () => {
  assert.equal(
    failureLine(failed),
    '✗ SHAPE.createUser.unknown-property-400 [SHAPE] createUser answered 201 (expected 400 InvalidPayload) · POST /v1/chat/users?x=1 → 201',
  )
  // The command that replays it, when the failure recorded its sequence.
  const replay = {
    target: { baseUrl: 'http://127.0.0.1:4000/', botId: 'b', runIdLength: 8 },
    steps: [],
    answer: { violations: [] },
    cleanup: [],
  }
  assert.match(
    failureLine({ ...failed, failure: { ...failed.failure, replay } } as CheckEntry),
    / · replay: npx runtime-chat-conformance replay SHAPE\.createUser\.unknown-property-400$/,
  )
  assert.equal(
    startLine(320, 152, 2),
    'Running 472 checks: 320 as tests on 2 workers, 152 judged from every answer at the end',
  )
  assert.equal(
    progressLine({ done: 32, total: 320, failed: 1, skipped: 0, elapsedMs: 1900 }),
    '  32/320 tests run · 1 failed · 1.9 s',
  )
})

test('junit.xml counts every check of the report, the derived ones too, and says why one failed', () => {
  const passed: CheckEntry = {
    ...failed,
    id: 'S13.createUser.no-token-401',
    status: 'passed',
    title: 'S13.createUser.no-token-401 t',
  }
  const { failure: _failure, reason: _reason, ...derivedBase } = failed
  const derived: CheckEntry = {
    ...derivedBase,
    id: 'S1.createUser.answers',
    rule: 'S1',
    status: 'skipped',
    reason: 'no answer',
    title: 'answers',
  }
  const checks = [failed, passed, derived]
  const { levels } = judge(checks, [])
  const xml = junitXml({
    report: {
      baseUrl: 'http://127.0.0.1:4000/',
      embedded: true,
      target: {},
      startedAt: new Date(0).toISOString(),
      finishedAt: new Date(2500).toISOString(),
      seed: 1,
      runId: 'r',
      harnessVersion: '0',
      level: 'core',
      complete: true,
      features: featureSplit([]),
      summary: summarise(checks, 'core', levels.core.verdict),
      requests: 2,
      levels,
      operations: [],
      checks,
    },
    timings: new Map([
      [failed.id, { file: 'users.spec.ts', durationMs: 120 }],
      [passed.id, { file: 'users.spec.ts', durationMs: 30 }],
    ]),
  })
  assert.match(xml, /^<testsuites id="" name="" tests="3" failures="1" skipped="1" errors="0" time="2.5">/)
  assert.match(xml, /<testsuite name="users.spec.ts" [^>]*tests="2" failures="1" skipped="0" time="0.15"/)
  assert.match(xml, /<testsuite name="answers" [^>]*tests="1" failures="0" skipped="1"/)
  assert.match(xml, /<failure message="createUser answered 201 \(expected 400 InvalidPayload\)" type="FAILURE">/)
  assert.match(xml, /more &lt;details&gt;\n\nPOST http:\/\/127\.0\.0\.1:4000\/v1\/chat\/users\?x=1 → 201/)
  assert.match(xml, /<property name="rule" value="SHAPE">/)
})

test('a failing check keeps its worker only when every reporter is the conformance reporter', () => {
  const ours = '/repo/src/harness/reporting/conformanceReporter.ts'
  assert.equal(failuresKeepWorker({ reporter: [[ours, {}]] }), true)
  assert.equal(failuresKeepWorker({ reporter: [['/pkg/dist/harness/reporting/conformanceReporter.js', {}]] }), true)
  assert.equal(failuresKeepWorker({ reporter: [['list'], [ours, {}]] }), false)
  assert.equal(failuresKeepWorker({ reporter: [['blob']] }), false)
  assert.equal(failuresKeepWorker({ reporter: [] }), false)
})
