// The Playwright test object of the conformance specs, with the fixtures every check uses:
// the configuration, a client whose traffic is recorded (and attached to a failing test, masked)
// and whose created resources are deleted when the test ends, pass or fail.
import { test as base, type PlaywrightWorkerOptions } from '@playwright/test'
import { valuesFor, type Values } from '../../fixtures/values.ts'
import { runIdentity } from './config/runIdentity.ts'
import { readHarnessConfig, type HarnessConfig } from './config/harnessConfig.ts'
import { ExchangeLog, exchangeAttachmentName } from './client/exchangeLog.ts'
import { ResourceLedger } from './client/resourceLedger.ts'
import { RuntimeClient } from './client/runtimeClient.ts'
import { SecretMask } from './client/secretMask.ts'
import { Prerequisites } from './checks/prerequisites.ts'

type TraceOption = PlaywrightWorkerOptions['trace']

export interface ResolvedHarness extends HarnessConfig {
  baseUrl: string
  seed: number
  runId: string
}

export interface CheckFixtures {
  api: RuntimeClient
  harness: ResolvedHarness
  make: Prerequisites
  values: Values
}

/** A trace records every request with its headers, the token among them: a traced run is refused. */
function refuseTracing(trace: TraceOption | undefined): void {
  const mode = typeof trace === 'string' ? trace : trace?.mode
  if (mode !== undefined && mode !== 'off') {
    throw new Error(`tracing (${mode}) would record the Authorization header with the token: run without --trace`)
  }
}

export const test = base.extend<Omit<CheckFixtures, 'harness'>, { harness: ResolvedHarness }>({
  harness: [
    async ({}, use, workerInfo) => {
      refuseTracing(workerInfo.project.use.trace)
      const config = readHarnessConfig()
      const { seed, runId } = runIdentity()
      if (!config.baseUrl) throw new Error('no target: CONFORMANCE_BASE_URL is unset and the embedded reference was not started')
      await use({ ...config, baseUrl: config.baseUrl, seed, runId })
    },
    { scope: 'worker' },
  ],

  api: async ({ harness, playwright }, use, testInfo) => {
    const http = await playwright.request.newContext({ ignoreHTTPSErrors: false })
    const log = new ExchangeLog(new SecretMask(harness.token))
    const api = new RuntimeClient(http, harness, log, new ResourceLedger())
    try {
      await use(api)
    } finally {
      for (const leftover of await api.cleanUp()) log.noteLeftover(leftover)
      const failed = testInfo.status !== testInfo.expectedStatus
      await testInfo.attach(exchangeAttachmentName, {
        body: JSON.stringify(log.attachment(failed)),
        contentType: 'application/json',
      })
      await http.dispose()
    }
  },

  values: async ({ harness }, use, testInfo) => {
    await use(
      valuesFor({ runSeed: harness.seed, runId: harness.runId, checkTitle: testInfo.titlePath.join(' › '), declaredTagKeys: harness.tagKeys }),
    )
  },

  make: async ({ api, values }, use) => {
    await use(new Prerequisites(api, values))
  },
})

export { expect } from '@playwright/test'
