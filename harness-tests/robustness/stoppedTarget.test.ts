// A target that stops answering in the middle of a run: the run must end quickly with a clear
// failure, never hang, nor wait out every request's timeout.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { CertificationProcessResult } from '../../src/runs/certificationProcess.ts'
import { proxiedRun, type ProxiedRun } from './support/proxiedRun.ts'

const answeredBeforeSilence = 12
const timeoutMs = 400
// Generous for a loaded machine's start-up: the run must end by the stop, well before it.
const runLimitMs = 45_000

let run: ProxiedRun
let result: CertificationProcessResult

before(async () => {
  run = await proxiedRun((_request, seq) => (seq <= answeredBeforeSilence ? 'pass' : 'hang'), ['tests/users.spec.ts'], {
    env: {
      CONFORMANCE_TIMEOUT_MS: String(timeoutMs),
      CONFORMANCE_UNANSWERED_LIMIT: '3',
      CONFORMANCE_RUN_TIMEOUT_MS: String(runLimitMs),
    },
    limitMs: 75_000,
  })
  result = run.result
})

after(() => run.close())

test('the run ends within its limit and certify says the target stopped answering', () => {
  assert.ok(
    result.elapsedMs < runLimitMs,
    `took ${result.elapsedMs} ms, the limit is ${runLimitMs} ms:\n${result.output}`,
  )
  assert.equal(result.exitCode, 3, result.output)
  assert.match(result.output, /the target stopped answering during the run \(3 requests in a row got no answer/)
})

test('the report names the stop; the checks it hit failed, the later ones did not run', () => {
  const report = result.report
  assert.ok(report, `no report:\n${result.output}`)
  assert.match(report.targetStopped ?? '', /3 requests in a row got no answer, the last: timed out after 400 ms/)
  // A check under way when the target fell silent fails: its request timed out, or its next was not sent.
  const hit = report.checks.filter(
    (c) =>
      c.status === 'failed' &&
      /no answer from the target: (timed out after|did not answer within) 400 ms|not sent: the target stopped answering/.test(
        c.reason ?? '',
      ),
  )
  const notRun = report.checks.filter(
    (c) => c.status === 'skipped' && /^not run: the target stopped answering/.test(c.reason ?? ''),
  )
  assert.ok(
    hit.length > 0 && notRun.length > 0,
    `expected timed-out and not-run checks:\n${JSON.stringify(report.checks, null, 1)}`,
  )
  // One spec file ran: the checks of the others, and the derived checks of operations whose
  // answers no check got, are 'not run' (a partial run); a failure still says does not conform.
  const unselected = report.checks.filter((c) => c.status === 'not run')
  assert.ok(
    unselected.some((c) => /^not run: this run did not select it/.test(c.reason ?? '')),
    'the checks outside tests/users.spec.ts did not run',
  )
  assert.equal(report.complete, false)
  // The spec scope is off for a named target: its checks are skipped as not configured.
  const passed = report.checks.filter(
    (c) => c.status === 'passed' || (c.status === 'skipped' && c.reason?.startsWith('not configured')),
  )
  assert.deepEqual(
    report.checks
      .filter((c) => !passed.includes(c) && !hit.includes(c) && !notRun.includes(c) && !unselected.includes(c))
      .map((c) => `${c.id} ${c.status}: ${c.reason}`),
    [],
    'every other check passed before the stop',
  )
  assert.equal(report.summary.verdict, 'does not conform')
})
