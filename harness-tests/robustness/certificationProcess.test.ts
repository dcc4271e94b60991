// The runner of certifications in child processes (src/runs/certificationProcess.ts): a run that
// hangs is stopped at its limit with every process it started (certify, Playwright and its
// workers: its whole process group) and its output says so; the token it is given is masked in
// what it printed.
import assert from 'node:assert/strict'
import type { Socket } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import { test } from 'node:test'
import { removeReportDir, runCertificationProcess } from '../../src/runs/certificationProcess.ts'
import { serve } from './support/servers.ts'

const token = 'runner-secret-5150'

test('a run that hangs is stopped at its limit, with every process it started', { timeout: 120_000 }, async () => {
  // Answers the preflight, then never answers again: the checks wait as long as their timeout allows.
  let unanswered = 0
  const target = await serve((request, response) => {
    if (request.method === 'GET' && request.url?.startsWith('/v1/chat/users')) {
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"users":[],"meta":{}}')
      return
    }
    unanswered++
  })
  // Every connection to the target: its other end closes when the process that holds it is gone
  // (a request still waiting for its answer keeps the server's end open).
  const open = new Set<Socket>()
  target.server.on('connection', (socket: Socket) => {
    open.add(socket)
    socket.on('end', () => open.delete(socket))
    socket.on('close', () => open.delete(socket))
  })
  try {
    const result = await runCertificationProcess({
      args: ['--grep', 'S8\\.user\\.'],
      env: {
        CONFORMANCE_BASE_URL: target.url,
        CONFORMANCE_TOKEN: token,
        CONFORMANCE_BOT_ID: 'bot-hangs',
        CONFORMANCE_TIMEOUT_MS: '600000',
        // Playwright's own limit would come first and end the run itself: only the runner's may stop it.
        CONFORMANCE_RUN_TIMEOUT_MS: '600000',
      },
      workers: 1,
      limitMs: 20_000,
    })
    removeReportDir(result)
    assert.ok(result.timedOut, `the run was not stopped:\n${result.output}`)
    assert.match(result.output, /certification process: stopped at its limit of 20000 ms/)
    assert.ok(unanswered > 0, `no check was waiting when the limit came (no Playwright worker ran):\n${result.output}`)
    for (let waited = 0; open.size > 0 && waited < 10_000; waited += 100) await sleep(100)
    assert.equal(open.size, 0, 'a process of the run still holds a connection to the target')
  } finally {
    await target.close()
  }
})

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
