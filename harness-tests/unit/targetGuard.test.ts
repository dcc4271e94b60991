import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { backoffMs, longestWaitMs, retryAfterMs } from '../../src/harness/client/rateLimitRetry.ts'
import { unpaced } from '../../src/harness/client/requestPacer.ts'
import { RateLimitExhausted, TargetGuard, type RawAnswer } from '../../src/harness/client/targetGuard.ts'
import { TargetHealth, TargetStopped, type HealthLooks } from '../../src/harness/client/targetHealth.ts'
import { TransportFailure } from '../../src/harness/client/transportFailure.ts'

const answer = (status: number, headers: Record<string, string> = {}): RawAnswer => ({
  status,
  headers,
  body: Buffer.from('{}'),
})

function guardWith(retries: number, waits: number[], health = new TargetHealth(undefined, 3)): TargetGuard {
  return new TargetGuard(
    unpaced,
    { rateLimitRetries: retries },
    health,
    (ms) => {
      waits.push(ms)
      return Promise.resolve()
    },
    () => 0.5,
  )
}

function scripted(...answers: (RawAnswer | Error)[]): () => Promise<RawAnswer> {
  return () => {
    const next = answers.shift()
    if (!next) throw new Error('no more answers scripted')
    return next instanceof Error ? Promise.reject(next) : Promise.resolve(next)
  }
}

test('Retry-After: seconds, an HTTP date, or nothing usable', () => {
  const now = Date.parse('2025-01-01T00:00:00Z')
  assert.equal(retryAfterMs('3', now), 3000)
  assert.equal(retryAfterMs('0', now), 0)
  assert.equal(retryAfterMs('Wed, 01 Jan 2025 00:00:02 GMT', now), 2000)
  assert.equal(retryAfterMs('Tue, 31 Dec 2024 23:59:00 GMT', now), 0)
  assert.equal(retryAfterMs('soon', now), undefined)
  assert.equal(retryAfterMs(undefined, now), undefined)
})

test('backoff doubles with each retry, with jitter, and is capped', () => {
  assert.deepEqual(
    [0, 1, 2].map((retry) => backoffMs(retry, () => 0)),
    [500, 1000, 2000],
  )
  assert.deepEqual(
    [0, 1, 2].map((retry) => backoffMs(retry, () => 1)),
    [1000, 2000, 4000],
  )
  assert.equal(
    backoffMs(20, () => 1),
    longestWaitMs,
  )
})

test('429 twice, then 200: the 200, with 2 retries, after the waits asked for', async () => {
  const waits: number[] = []
  const result = await guardWith(5, waits).send(
    'createUser',
    1000,
    scripted(answer(429, { 'retry-after': '2' }), answer(429), answer(201)),
  )
  assert.equal(result.status, 201)
  assert.equal(result.retries, 2)
  // Retry-After first; then the backoff of the second retry: 2 s, half fixed, half jitter (0.5 here).
  assert.deepEqual(waits, [2000, 1500])
})

test('429 after every retry: RateLimitExhausted with the last answer', async () => {
  const waits: number[] = []
  await assert.rejects(
    guardWith(2, waits).send('createUser', 1000, scripted(answer(429), answer(429), answer(429))),
    (error: unknown) =>
      error instanceof RateLimitExhausted &&
      error.answer.retries === 2 &&
      /createUser: still rate limited \(429\) after 2 retries: CONFORMANCE_RATE_LIMIT_RETRIES is 2/.test(error.message),
  )
  assert.equal(waits.length, 2)
})

test('a Retry-After longer than the harness waits ends the retries at once', async () => {
  await assert.rejects(
    guardWith(5, []).send('listUsers', 1000, scripted(answer(429, { 'retry-after': '3600' }))),
    /asked to wait 3600 s, longer than the 30 s the harness waits/,
  )
})

/** Looks at the shared files before every request. */
const everyTime: HealthLooks = { lookEveryMs: 0, now: () => 0 }

test('a process looks at the shared files at most every lookEveryMs; its own events count at once', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'health-'))
  try {
    const files = { stopped: join(dir, 'stopped.json'), unanswered: join(dir, 'unanswered'), timeouts: join(dir, 't') }
    let clock = 0
    const looks: HealthLooks = { lookEveryMs: 100, now: () => clock }
    const timeout = new Error('apiRequestContext.fetch: Timeout 400ms exceeded.')
    const watcher = new TargetHealth(files, 3, 2, looks)
    assert.equal(watcher.stoppedBecause(), undefined)
    // Another process finds the target stopped.
    const other = guardWith(0, [], new TargetHealth(files, 3, 2, everyTime))
    for (const operation of ['createUser', 'getUser', 'listUsers'] as const)
      await assert.rejects(other.send(operation, 400, scripted(timeout)), TransportFailure)
    clock = 99
    assert.equal(watcher.stoppedBecause(), undefined, 'not looked at again yet')
    clock = 100
    assert.match(watcher.stoppedBecause() ?? '', /^3 requests in a row got no answer/)
    // Its own timeouts count at once, whatever the clock.
    const own = new TargetHealth(undefined, 100, 2, looks)
    own.timedOut('getUser')
    own.timedOut('getUser')
    assert.throws(() => own.assertOperationAnswers('getUser', 400), /2 earlier timeouts/)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

test('unanswered requests in a row, counted across processes and restarts, stop the run', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'health-'))
  try {
    const files = { stopped: join(dir, 'stopped.json'), unanswered: join(dir, 'unanswered') }
    const timeout = new Error('apiRequestContext.fetch: Timeout 400ms exceeded.')
    // Two workers; the first is replaced after each failure (a fresh TargetHealth each time).
    const worker = () => guardWith(0, [], new TargetHealth(files, 3, undefined, everyTime))
    await assert.rejects(worker().send('createUser', 400, scripted(timeout)), TransportFailure)
    await worker().send('getUser', 400, scripted(answer(200)))
    await assert.rejects(worker().send('createUser', 400, scripted(timeout)), TransportFailure)
    await assert.rejects(worker().send('createUser', 400, scripted(timeout)), TransportFailure)
    const other = worker()
    assert.equal(other.stoppedBecause(), undefined, 'an answer in between restarted the count')
    await assert.rejects(worker().send('listUsers', 400, scripted(timeout)), TransportFailure)
    assert.match(other.stoppedBecause() ?? '', /^3 requests in a row got no answer, the last: timed out after 400 ms/)
    await assert.rejects(
      other.send('getUser', 400, scripted(answer(200))),
      (error: unknown) => error instanceof TargetStopped && /getUser: not sent/.test(error.message),
    )
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

test('an operation that timed out twice, in any process of the run, fails at once afterwards, unsent', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'health-'))
  try {
    const files = { stopped: join(dir, 'stopped.json'), unanswered: join(dir, 'unanswered'), timeouts: join(dir, 't') }
    const timeout = new Error('apiRequestContext.fetch: Timeout 400ms exceeded.')
    const worker = () => guardWith(0, [], new TargetHealth(files, 3, 2, everyTime))
    const [first, second] = [worker(), worker()]
    await assert.rejects(first.send('getUser', 400, scripted(timeout)), TransportFailure)
    // The others answer: the run goes on, and so do getUser's requests until its second timeout.
    await first.send('listUsers', 400, scripted(answer(200)))
    await assert.rejects(second.send('getUser', 400, scripted(timeout)), TransportFailure)
    await second.send('listUsers', 400, scripted(answer(200)))
    let sent = false
    const send = () => {
      sent = true
      return Promise.resolve(answer(200))
    }
    await assert.rejects(
      worker().send('getUser', 400, send),
      (error: unknown) =>
        error instanceof TransportFailure &&
        /^getUser: no answer from the target: did not answer within 400 ms \(2 earlier timeouts\)/.test(error.message),
    )
    assert.equal(sent, false, 'the request was not sent')
    assert.equal((await first.send('listUsers', 400, scripted(answer(200)))).status, 200, 'other operations go on')
    assert.equal(first.stoppedBecause(), undefined, 'the run did not count the target as stopped')
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

test('refused or reset requests are not timeouts: the operation is tried again', async () => {
  const refused = new Error('apiRequestContext.fetch: connect ECONNREFUSED 127.0.0.1:1')
  const guard = guardWith(0, [], new TargetHealth(undefined, 100, 1))
  await assert.rejects(guard.send('getUser', 400, scripted(refused)), TransportFailure)
  assert.equal((await guard.send('getUser', 400, scripted(answer(200)))).status, 200)
})
