// The runner of certifications in child processes (src/runs/certificationProcess.ts): a run that
// hangs is stopped at its limit and its output says so; stopping a run stops every process it
// started (certify, Playwright and its workers); the token it is given is masked in what it
// printed.
import assert from 'node:assert/strict'
import type { Socket } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import { test } from 'node:test'
import {
  removeReportDir,
  runCertificationProcess,
  stopCertificationProcesses,
} from '../../src/runs/certificationProcess.ts'
import { serve } from './support/servers.ts'

const token = 'runner-secret-5150'

/** A target that answers the preflight (or not) and then never answers again. */
async function silentTarget(answersPreflight: boolean) {
  let unanswered = 0
  const target = await serve((request, response) => {
    if (answersPreflight && request.method === 'GET' && request.url?.startsWith('/v1/chat/users')) {
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"users":[],"meta":{}}')
      return
    }
    unanswered++
  })
  // Every connection to it: its other end closes when the process that holds it is gone (a
  // request still waiting for its answer keeps this end open).
  const open = new Set<Socket>()
  target.server.on('connection', (socket: Socket) => {
    open.add(socket)
    socket.on('end', () => open.delete(socket))
    socket.on('close', () => open.delete(socket))
  })
  return { target, open, unanswered: () => unanswered }
}

const runEnv = (url: string) => ({
  CONFORMANCE_BASE_URL: url,
  CONFORMANCE_TOKEN: token,
  // An id of the documented length (28 to 36 characters), or the settings would stop the run first.
  CONFORMANCE_BOT_ID: 'bot_silent_0000000000000000000',
  CONFORMANCE_TIMEOUT_MS: '600000',
  // Playwright's own limit would end the run itself: only the runner may stop it.
  CONFORMANCE_RUN_TIMEOUT_MS: '600000',
})

test('a run that hangs is stopped at its limit, and says so', async () => {
  // The preflight waits for an answer longer than the limit: the run cannot end before it.
  const { target } = await silentTarget(false)
  try {
    const result = await runCertificationProcess({ env: runEnv(target.url), limitMs: 5_000 })
    removeReportDir(result)
    assert.ok(result.timedOut, `the run was not stopped:\n${result.output}`)
    assert.notEqual(result.exitCode, 0)
    assert.match(result.output, /certification process: stopped at its limit of 5000 ms/)
  } finally {
    await target.close()
  }
})

test(
  'stopping a run stops every process it started, Playwright and its workers too',
  { timeout: 300_000 },
  async () => {
    const { target, open, unanswered } = await silentTarget(true)
    try {
      const run = runCertificationProcess({
        args: ['--grep', 'S8\\.user\\.'],
        env: runEnv(target.url),
        workers: 1,
        limitMs: 240_000,
      })
      // A check waits for its answer: a Playwright worker runs. Then stop, as an interrupted caller does.
      let ended = false
      void run.then(() => (ended = true))
      while (unanswered() === 0 && !ended) await sleep(100)
      assert.ok(unanswered() > 0, 'the run ended before any check waited for an answer')
      await stopCertificationProcesses()
      const result = await run
      removeReportDir(result)
      assert.equal(result.timedOut, false)
      for (let waited = 0; open.size > 0 && waited < 10_000; waited += 100) await sleep(100)
      assert.equal(open.size, 0, 'a process of the run still holds a connection to the target')
    } finally {
      await target.close()
    }
  },
)

test('the token the run is given is masked in its output, unless the caller asks for it as printed', async () => {
  // A base URL that is not one: certify's configuration error quotes it, token and all.
  const run = (output: 'masked' | 'as printed') =>
    runCertificationProcess({
      env: { CONFORMANCE_BASE_URL: `not a url ${token}`, CONFORMANCE_TOKEN: token, CONFORMANCE_BOT_ID: 'b' },
      limitMs: 30_000,
      output,
    })
  const [masked, printed] = await Promise.all([run('masked'), run('as printed')])
  for (const result of [masked, printed]) removeReportDir(result)
  assert.equal(printed.exitCode, 2, printed.output)
  assert.ok(printed.output.includes(token), `the configuration error does not quote the URL:\n${printed.output}`)
  assert.ok(!masked.output.includes(token), masked.output)
  assert.match(masked.output, /CONFORMANCE_BASE_URL: not a URL: "not a url \*\*\*"/)
})
