// A shared target's rate limits: the harness never sends more than CONFORMANCE_MAX_RPS requests
// in any one-second window (all workers together), and a 429 is retried, not reported as a
// failed check. One run through a proxy that counts every request and answers the first two
// createUser calls with 429 (one with a Retry-After date, one without: backoff).
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { ServerResponse } from 'node:http'
import { busiestSecond } from '../support/requestRate.ts'
import { exitCodes } from '../../src/harness/reporting/exitCodes.ts'
import type { CertificationProcessResult } from '../../src/runs/certificationProcess.ts'
import { proxiedRun, type ProxiedRun } from './support/proxiedRun.ts'

const maxRps = 25
const arrivals: number[] = []
let rateLimited = 0

let run: ProxiedRun
let result: CertificationProcessResult

function tooManyRequests(retryAfter: string | undefined) {
  return (response: ServerResponse) => {
    const body = JSON.stringify({ id: 'err_rate', code: 429, type: 'RateLimited', message: 'slow down' })
    response.writeHead(429, {
      'content-type': 'application/json',
      ...(retryAfter ? { 'retry-after': retryAfter } : {}),
    })
    response.end(body)
  }
}

before(async () => {
  const countAndLimit = (request: { method?: string; url?: string }) => {
    arrivals.push(performance.now())
    if (request.method !== 'POST' || request.url !== '/v1/chat/users' || rateLimited >= 2) return 'pass'
    rateLimited++
    return tooManyRequests(rateLimited === 1 ? new Date(Date.now() + 1000).toUTCString() : undefined)
  }
  run = await proxiedRun(countAndLimit, ['--grep', 'S8\\.'], {
    env: { CONFORMANCE_MAX_RPS: String(maxRps), CONFORMANCE_WORKERS: '2' },
    limitMs: 65_000,
  })
  result = run.result
})

after(() => run.close())

test('a 429 answered twice, then 200: every check passes and the report counts 2 retries', () => {
  assert.equal(rateLimited, 2, 'the proxy answered 429 twice')
  // The run is narrowed to S8 (--grep): a partial run, exit 5 when nothing failed (docs/levels.md).
  assert.equal(result.exitCode, exitCodes.partial, result.output)
  assert.equal(result.report?.summary.failed, 0)
  assert.equal(result.report?.complete, false)
  assert.equal(result.report?.levels[result.report.level].verdict, 'partial')
  // Not run (outside the --grep) and not configured (the spec scope is off for a named target) were never attempted.
  const ran =
    result.report?.checks.filter((c) => c.status !== 'not run' && !c.reason?.startsWith('not configured')) ?? []
  assert.ok(ran.length > 0, 'the S8 checks ran')
  assert.deepEqual(
    ran.filter((c) => c.status !== 'passed').map((c) => `${c.id} ${c.status}: ${c.reason}`),
    [],
    'every check that ran passed',
  )
  assert.equal(result.report?.retries, 2, `report: ${JSON.stringify({ ...result.report, checks: undefined })}`)
})

test(`the server never sees more than CONFORMANCE_MAX_RPS (${maxRps}) + 10% in one second`, () => {
  const busiest = busiestSecond(arrivals)
  assert.ok(arrivals.length >= 2 * maxRps, `only ${arrivals.length} requests: too few to measure a rate`)
  assert.ok(busiest <= maxRps * 1.1, `${busiest} requests in one second (cap ${maxRps}, tolerance 10%)`)
  // The cap, not a slow run, kept the rate down: the run came close to it.
  assert.ok(busiest >= maxRps / 2, `at most ${busiest} requests in a second: the run never came near the cap`)
})
