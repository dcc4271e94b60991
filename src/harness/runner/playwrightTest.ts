// The Playwright test object of the conformance specs, with the fixtures every check uses:
// the configuration, a client whose traffic is recorded (and attached to a failing test, masked)
// and whose created resources are deleted when the test ends, pass or fail.
import { test as base, type APIRequestContext, type PlaywrightWorkerOptions } from '@playwright/test'
import { valuesFor } from '../../../fixtures/values.ts'
import { runIdentity } from '../config/runIdentity.ts'
import { readHarnessConfig } from '../config/harnessConfig.ts'
import { ExchangeLog, exchangeAttachmentName } from '../client/exchangeLog.ts'
import { RuntimeClient } from '../client/runtimeClient.ts'
import { SecretMask } from '../client/secretMask.ts'
import { targetGuard, type TargetGuard } from '../client/targetGuard.ts'
import { readTrafficPolicy } from '../config/trafficPolicy.ts'
import { runFiles } from '../run/runFiles.ts'
import { JournaledLedger } from '../run/runJournal.ts'
import { Prerequisites } from '../checks/prerequisites.ts'
import type { CheckContext, ResolvedHarness } from '../checks/checkContext.ts'

type TraceOption = PlaywrightWorkerOptions['trace']

/** A trace records every request with its headers, the token among them: a traced run is refused. */
function refuseTracing(trace: TraceOption | undefined): void {
  const mode = typeof trace === 'string' ? trace : trace?.mode
  if (mode !== undefined && mode !== 'off') {
    throw new Error(`tracing (${mode}) would record the Authorization header with the token: run without --trace`)
  }
}

interface WorkerFixtures {
  harness: ResolvedHarness
  /** One request context per worker: its kept-alive connections serve every test of the worker. */
  http: APIRequestContext
  /** This worker's share of the rate cap, its 429 retries, the run's verdict on a silent target. */
  guard: TargetGuard
}

export const test = base.extend<Omit<CheckContext, 'harness'>, WorkerFixtures>({
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
    async ({ playwright }, use) => {
      const http = await playwright.request.newContext({ ignoreHTTPSErrors: false })
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

  api: async ({ harness, guard, http }, use, testInfo) => {
    // Once the target stopped answering, the checks not yet begun are not run: a skip, with the
    // reason, ends each at once (a failure would cost a fresh worker each).
    const stopped = guard.stoppedBecause()
    testInfo.skip(stopped !== undefined, `not run: the target stopped answering earlier in this run (${stopped})`)
    const { baseUrl, botId, integrationId, runId } = harness
    const log = new ExchangeLog(new SecretMask(harness.token), { baseUrl, botId, integrationId, runId })
    const runMarker = harness.runTagKey ? { key: harness.runTagKey, value: harness.runId } : undefined
    const ledger = new JournaledLedger(runFiles(harness.reportDir, harness.runId, testInfo.config.shard).ledger)
    const api = new RuntimeClient(http, { ...harness, runMarker }, log, ledger, guard)
    try {
      await use(api)
    } finally {
      for (const leftover of await api.cleanUp()) log.noteLeftover(leftover)
      const failed = testInfo.status !== testInfo.expectedStatus
      await testInfo.attach(exchangeAttachmentName, {
        body: JSON.stringify(log.attachment(failed)),
        contentType: 'application/json',
      })
    }
  },

  values: async ({ harness }, use, testInfo) => {
    await use(
      valuesFor({
        runSeed: harness.seed,
        runId: harness.runId,
        checkTitle: testInfo.titlePath.join(' › '),
        declaredTagKeys: harness.tagKeys,
      }),
    )
  },

  make: async ({ api, values }, use) => {
    await use(new Prerequisites(api, values))
  },
})
