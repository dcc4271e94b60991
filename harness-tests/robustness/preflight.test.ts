// The preflight's one sentence for each way a target cannot be certified, within seconds: from
// the function itself, from `npm run certify` (exit 3) and from a direct `npx playwright test`
// (its global setup), against servers this test starts on 127.0.0.1.
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer as createHttpsServer } from 'node:https'
import { once } from 'node:events'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { preflight, PreflightFailure } from '../../src/harness/preflight/preflight.ts'
import { removeReportDir, runCertificationProcess } from '../../src/runs/certificationProcess.ts'
import { serve, unusedPort, type Handler, type Running } from './support/servers.ts'

const token = 'preflight-token'
const botId = 'bot-preflight-0123456789abcdef'
const withinMs = 10_000

function jsonError(status: number, type: string, message: string): Handler {
  return (_request, response) => {
    response.writeHead(status, { 'content-type': 'application/json' })
    response.end(JSON.stringify({ id: 'err_1', code: status, type, message }))
  }
}

/** A self-signed certificate for 127.0.0.1, made with openssl; undefined when openssl is missing. */
function selfSigned(): { key: string; cert: string } | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'preflight-tls-'))
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    )
    return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') }
  } catch {
    return undefined
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

async function sentence(baseUrl: string): Promise<{ message: string; ms: number }> {
  const startedAt = Date.now()
  try {
    await preflight({ baseUrl, token, botId, timeoutMs: 5_000 })
  } catch (error) {
    assert.ok(error instanceof PreflightFailure, `not a PreflightFailure: ${String(error)}`)
    return { message: error.message, ms: Date.now() - startedAt }
  }
  assert.fail('the preflight passed')
}

describe('the preflight names what is wrong, within seconds', () => {
  const servers: Running[] = []
  let tls: { key: string; cert: string } | undefined
  const start = async (handler: Handler) => {
    const running = await serve(handler)
    servers.push(running)
    return running.url
  }

  before(() => {
    tls = selfSigned()
  })
  after(async () => {
    for (const server of servers) await server.close()
  })

  const cases: { name: string; target: () => Promise<string>; says: RegExp }[] = [
    {
      name: 'unreachable port',
      target: async () => `http://127.0.0.1:${await unusedPort()}/`,
      says: /cannot reach .*connection refused/,
    },
    {
      name: 'token rejected',
      target: () => start(jsonError(401, 'Unauthorized', 'bad token')),
      says: /the target rejected the token: 401 \(Unauthorized: bad token\)\. Check CONFORMANCE_TOKEN/,
    },
    {
      name: 'unknown bot (404)',
      target: () => start(jsonError(404, 'ResourceNotFound', 'no such bot')),
      says: /does not know bot bot-preflight-0123456789abcdef .*: 404 .*Check CONFORMANCE_BOT_ID/,
    },
    {
      name: 'bot not allowed (403)',
      target: () => start(jsonError(403, 'Forbidden', 'not yours')),
      says: /does not know bot bot-preflight-0123456789abcdef or will not let this token use it: 403/,
    },
    {
      name: 'not the Runtime API (HTML)',
      target: () => start((_q, r) => r.writeHead(200, { 'content-type': 'text/html' }).end('<html>welcome</html>')),
      says: /answered 200 with content-type text\/html, not the Runtime API's JSON: "<html>welcome<\/html>"\. Check CONFORMANCE_BASE_URL/,
    },
  ]
  for (const { name, target, says } of cases) {
    test(name, async () => {
      const { message, ms } = await sentence(await target())
      assert.match(message, says)
      assert.ok(!message.includes('\n'), 'one sentence, one line')
      assert.ok(ms < withinMs, `took ${ms} ms`)
    })
  }

  test('TLS: a self-signed certificate', async (t) => {
    if (!tls) return t.skip('openssl is not installed: no certificate to serve')
    const server = createHttpsServer(tls, (_q, r) => r.end('{}'))
    server.listen(0, '127.0.0.1')
    await once(server, 'listening')
    try {
      const { message, ms } = await sentence(`https://127.0.0.1:${(server.address() as AddressInfo).port}/`)
      assert.match(
        message,
        /TLS error talking to https:\/\/127\.0\.0\.1:\d+\/v1\/chat\/users: self[- ]signed certificate/,
      )
      assert.ok(ms < withinMs, `took ${ms} ms`)
    } finally {
      server.closeAllConnections()
      server.close()
    }
  })
})

describe('the same sentence ends a run before any test', () => {
  let rejecting: Running
  before(async () => {
    rejecting = await serve(jsonError(401, 'Unauthorized', 'bad token'))
  })
  after(() => rejecting.close())
  const env = () => ({ CONFORMANCE_BASE_URL: rejecting.url, CONFORMANCE_TOKEN: token, CONFORMANCE_BOT_ID: botId })

  test('npm run certify: exit 3 and the sentence', async () => {
    const result = await runCertificationProcess({ env: env(), limitMs: 30_000 })
    removeReportDir(result)
    assert.equal(result.exitCode, 3, result.output)
    assert.match(result.output, /preflight failed: the target rejected the token: 401/)
    assert.doesNotMatch(result.output, /Running \d+ tests/)
    assert.ok(result.elapsedMs < withinMs, `took ${result.elapsedMs} ms`)
  })

  test('npx playwright test: the global setup stops it with the sentence', async () => {
    const result = await runCertificationProcess({
      command: 'playwright',
      env: { ...env(), PORT: '4700' },
      limitMs: 30_000,
    })
    removeReportDir(result)
    assert.notEqual(result.exitCode, 0, result.output)
    assert.match(result.output, /preflight failed: the target rejected the token: 401/)
    assert.doesNotMatch(result.output, /✓|✘/)
    assert.ok(result.elapsedMs < withinMs, `took ${result.elapsedMs} ms`)
  })
})
