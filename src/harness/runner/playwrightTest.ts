// The Playwright test object of the conformance specs, with the fixtures every check uses:
// the configuration, a client whose traffic is recorded (and attached to a failing test, masked)
// and whose created resources are deleted when the test ends, pass or fail.
// Playwright Test's base test type, without its browser fixtures: none of them is used, and its
// automatic ones (trace recording, context configuration) start Playwright's client in every
// worker and record two more steps, each with a stack trace, in every test.
import { _baseTest as base, type PlaywrightWorkerOptions, type TestInfo } from '@playwright/test'
import { valuesFor } from '../../../fixtures/values.ts'
import { runIdentity } from '../config/runIdentity.ts'
import { readHarnessConfig } from '../config/harnessConfig.ts'
import { ExchangeLog, exchangeAttachmentName } from '../client/exchangeLog.ts'
import { RuntimeClient } from '../client/runtimeClient.ts'
import { SecretMask } from '../client/secretMask.ts'
import { undiciTransport, type Transport } from '../client/transport.ts'
import { targetGuard, type TargetGuard } from '../client/targetGuard.ts'
import { readTrafficPolicy } from '../config/trafficPolicy.ts'
import { runFiles } from '../run/runFiles.ts'
import { appendCheckRequests, requestLogDir } from '../run/requestLog.ts'
import { JournaledLedger } from '../run/runJournal.ts'
import { Prerequisites } from '../checks/prerequisites.ts'
import type { CheckContext, ResolvedHarness } from '../checks/checkContext.ts'

type TraceOption = PlaywrightWorkerOptions['trace']

/** CONFORMANCE_REQUEST_LOG, read once per worker. */
const requestLog = requestLogDir()

/** A trace records every request with its headers, the token among them: a traced run is refused. */
function refuseTracing(trace: TraceOption | undefined): void {
  const mode = typeof trace === 'string' ? trace : trace?.mode
  if (mode !== undefined && mode !== 'off') {
    throw new Error(`tracing (${mode}) would record the Authorization header with the token: run without --trace`)
  }
}

interface WorkerFixtures {
  harness: ResolvedHarness
  /**
   * One transport per worker: its kept-alive connections serve every test of the worker. undici
   * rather than Playwright's APIRequestContext: half the cost per request, and nothing of the
   * context is used (the harness logs and masks its own exchanges; traces stay off).
   */
  http: Transport
  /** This worker's share of the rate cap, its 429 retries, the run's verdict on a silent target. */
  guard: TargetGuard
}

interface TestFixtures extends Omit<CheckContext, 'harness'> {
  /** Everything a check works with, made by one fixture (api, make and values are its parts). */
  check: CheckContext
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  harness: [
    async ({}, use, workerInfo) => {
      refuseTracing(workerInfo.project.use.trace)
      const config = readHarnessConfig()
      const { seed, runId } = runIdentity()
      if (!config.baseUrl)
        throw new Error('no target: CONFORMANCE_BASE_URL is unset and the embedded reference was not started')
      await use({ ...config, baseUrl: config.baseUrl, seed, runId })
    },
    { scope: 'worker' },
  ],

  http: [
    async ({}, use) => {
      const http = undiciTransport()
      await use(http)
      await http.dispose()
    },
    { scope: 'worker' },
  ],

  guard: [
    async ({ harness }, use, workerInfo) => {
      const placement = { lane: workerInfo.parallelIndex, lanes: workerInfo.config.workers }
      await use(
        targetGuard(readTrafficPolicy(), {
          files: runFiles(harness.reportDir, harness.runId, workerInfo.config.shard),
          ...placement,
        }),
      )
    },
    { scope: 'worker' },
  ],

  // One test-scoped fixture makes the whole context, without a step: Playwright records every
  // fixture's setup and teardown as a step with a stack trace, a few milliseconds a test each.
  check: [
    async ({ harness, guard, http }, use, testInfo) => {
      // Once the target stopped answering, the checks not yet begun are not run: a skip, with the
      // reason, ends each at once (a failure would cost a fresh worker each).
      const stopped = guard.stoppedBecause()
      testInfo.skip(stopped !== undefined, `not run: the target stopped answering earlier in this run (${stopped})`)
      const startedAt = Date.now()
      const secret = new SecretMask(harness.token)
      const { baseUrl, botId, integrationId, runId } = harness
      const log = new ExchangeLog(secret, { baseUrl, botId, integrationId, runId })
      const runMarker = harness.runTagKey ? { key: harness.runTagKey, value: harness.runId } : undefined
      const ledger = new JournaledLedger(runFiles(harness.reportDir, harness.runId, testInfo.config.shard).ledger)
      const api = new RuntimeClient(http, { ...harness, runMarker }, log, ledger, guard)
      const values = valuesFor({
        runSeed: harness.seed,
        runId: harness.runId,
        checkTitle: testInfo.titlePath.join(' › '),
        declaredTagKeys: harness.tagKeys,
      })
      try {
        await use({ api, harness, values, make: new Prerequisites(api, values) })
      } finally {
        for (const leftover of await api.cleanUp()) log.noteLeftover(leftover)
        if (requestLog) {
          const span = { startedAt, endedAt: Date.now() }
          appendCheckRequests(requestLog, testInfo.title.split(' ')[0] ?? '', span, log, secret)
        }
        // A failed check may be marked expected-to-fail (failureMode.ts): its status alone says it failed.
        const failed = testInfo.status !== 'passed' && testInfo.status !== 'skipped'
        const record = log.attachment(failed)
        const body = JSON.stringify(record)
        // Exchanges or leftovers to show go in an attachment. A record of counts alone (most
        // checks) goes in an annotation, which travels with the result: an attachment is a step of
        // its own, with a stack trace, a folder and two more messages, about a millisecond a check.
        if (record.exchanges.length > 0 || record.replay !== undefined || record.leftovers.length > 0)
          await testInfo.attach(exchangeAttachmentName, { body, contentType: 'application/json' })
        else testInfo.annotations.push({ type: exchangeAttachmentName, description: body })
      }
    },
    // No step of its own in the test's list of steps: it is the test's context, not an action.
    { box: 'self' },
  ],

  api: async ({ check }, use) => {
    await use(check.api)
  },

  values: async ({ check }, use) => {
    await use(check.values)
  },

  make: async ({ check }, use) => {
    await use(check.make)
  },
})

/** The Playwright test under way; undefined outside one (a check run by the harness's own tests). */
export function runningTest(): TestInfo | undefined {
  try {
    return test.info()
  } catch {
    return undefined
  }
}
