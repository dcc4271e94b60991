// CONFORMANCE_REQUEST_LOG keeps every exchange of a run, and never the token: not in a URL, a
// header, a request body, nor an answer that echoes it back.
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { ExchangeLog } from '../../src/harness/client/exchangeLog.ts'
import { SecretMask } from '../../src/harness/client/secretMask.ts'
import { appendCheckRequests } from '../../src/harness/run/requestLog.ts'

test('the request log masks the token wherever an exchange carries it, the answer included', () => {
  const token = 'tok-request-log-secret'
  const secret = new SecretMask(token)
  const log = new ExchangeLog(secret)
  log.add({
    operation: 'getUser',
    method: 'GET',
    url: `http://127.0.0.1:1/v1/chat/users/u?echo=${token}`,
    requestHeaders: { authorization: `Bearer ${token}` },
    requestBody: JSON.stringify({ note: token }),
    status: 400,
    responseBody: JSON.stringify({ message: `bad token ${token}` }),
    violations: [],
    startedAt: new Date().toISOString(),
    durationMs: 1,
  })
  const dir = mkdtempSync(join(tmpdir(), 'request-log-'))
  try {
    appendCheckRequests(dir, 'S1.check', { startedAt: 0, endedAt: 1 }, log, secret)
    const text = readdirSync(dir)
      .map((name) => readFileSync(join(dir, name), 'utf8'))
      .join('')
    assert.ok(text.includes('bad token'), 'the answer is kept')
    assert.ok(!text.includes(token), 'the token appears in the request log')
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
