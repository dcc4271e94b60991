// Hostile answers (fixtures/hostileAnswers.ts): each gives a failed check whose message says
// what came (status, content type, first bytes) or why nothing came, never an exception that
// kills a worker or the run, and never the token a page echoed back.
import assert from 'node:assert/strict'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { hostileAnswers } from '../../fixtures/hostileAnswers.ts'
import { answerBodyLimit } from '../../src/harness/client/answerBody.ts'
import { ExchangeLog } from '../../src/harness/client/exchangeLog.ts'
import { ResourceLedger } from '../../src/harness/client/resourceLedger.ts'
import { RuntimeClient } from '../../src/harness/client/runtimeClient.ts'
import { SecretMask } from '../../src/harness/client/secretMask.ts'
import { undiciTransport, type Transport } from '../../src/harness/client/transport.ts'
import { expectSuccess } from '../../src/harness/checks/expectations.ts'
import type { CheckEntry } from '../../src/harness/reporting/conformanceReport.ts'
import {
  removeReportDir,
  runCertificationProcess,
  type CertificationProcessResult,
} from '../../src/runs/certificationProcess.ts'
import { hostileServer } from './support/hostileServer.ts'

const token = 'hostile-echoed-secret-4242'
const botId = 'bot-under-test-0123456789abcdef'

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

describe('one request, each hostile answer', () => {
  let server: Awaited<ReturnType<typeof hostileServer>>
  let http: Transport
  let log: ExchangeLog
  let api: RuntimeClient
  const mask = new SecretMask(token)

  before(async () => {
    server = await hostileServer()
    // The transport the workers use.
    http = undiciTransport()
    log = new ExchangeLog(mask)
    api = new RuntimeClient(
      http,
      { baseUrl: server.url, token, botId, integrationId: undefined, timeoutMs: 5_000 },
      log,
      new ResourceLedger(),
    )
  })

  after(async () => {
    await http.dispose()
    await server.close()
  })

  for (const row of hostileAnswers) {
    test(`${row.name}: a failed check that says what came`, async () => {
      let failure: Error | undefined
      try {
        expectSuccess(await api.createUser({ tags: {} }, { headers: { 'x-hostile': row.name } }))
      } catch (error) {
        failure = mask.maskError(error) as Error
      }
      assert.ok(failure instanceof Error, 'the check must fail')
      assert.match(failure.message.split('\n')[0] ?? '', row.says)
      assert.ok(!failure.message.includes(token.slice(0, 8)), `the token leaked: ${failure.message}`)
      const exchange = log.all.at(-1)
      assert.ok((exchange?.responseBody?.length ?? 0) <= answerBodyLimit, 'more of the body was kept than the limit')
      const attached = JSON.stringify(log.attachment(true))
      assert.ok(!attached.includes(token.slice(0, 8)), 'the token leaked into the attachment')
      assert.ok(attached.length < 64 * 1024, `the attachment keeps ${attached.length} characters`)
    })
  }
})

describe('a whole run against a server that only answers with hostile answers', () => {
  let server: Awaited<ReturnType<typeof hostileServer>>
  let result: CertificationProcessResult

  before(async () => {
    server = await hostileServer()
    result = await runCertificationProcess({
      args: ['--grep', 'S8\\.(user|conversation|message)\\.'],
      env: {
        CONFORMANCE_BASE_URL: server.url,
        CONFORMANCE_TOKEN: token,
        CONFORMANCE_BOT_ID: botId,
        CONFORMANCE_TIMEOUT_MS: '5000',
      },
      limitMs: 65_000,
      // What is tested: that certify itself prints no token.
      output: 'as printed',
    })
  })

  after(async () => {
    await server.close()
    removeReportDir(result)
  })

  test('finishes with a report in which every check failed with a precise reason', () => {
    // Narrowed by --grep, the run is partial; a failure makes it 'does not conform' all the same (exit 1).
    assert.equal(result.exitCode, 1, result.output)
    assert.equal(result.report?.complete, false)
    assert.doesNotMatch(result.output, /not a part of any test|worker process exited unexpectedly|did not run/i)
    // The checks the --grep selected: every other one is 'not run', not selected.
    const selected = (c: CheckEntry) => !(c.status === 'not run' && /did not select it/.test(c.reason ?? ''))
    const checks = result.report?.checks.filter((c) => !c.id.endsWith('answers') && selected(c)) ?? []
    assert.ok(
      checks.length >= hostileAnswers.length,
      `expected the S8 checks of users, conversations and messages:\n${result.output}`,
    )
    for (const check of checks) {
      assert.equal(check.status, 'failed', check.id)
      assert.match(
        check.reason ?? '',
        /status \d{3}, content-type|must be sent as application\/json|no answer from the target|answered \d{3} \(expected/,
        check.id,
      )
    }
    assert.equal(server.served.size, hostileAnswers.length, `served: ${[...server.served.keys()].join(', ')}`)
  })

  test('the token the pages echoed is in no output and no file of the run', () => {
    // Not even its start: a page cut at its first bytes must not show part of it.
    const start = token.slice(0, 8)
    assert.ok(!result.output.includes(start), 'the token is in the output')
    for (const file of filesUnder(result.reportDir)) {
      assert.ok(!readFileSync(file).includes(start), `the token is in ${file}`)
    }
  })
})
