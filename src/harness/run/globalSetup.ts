// Playwright's global setup, for every run, also `npx playwright test` without certify: waits
// for certify's preflight (preflightGate.ts) or, without certify, runs the preflight, so an
// unusable target is one sentence, not a wall of failing checks; then prepares the run's shared
// directory.
import type { FullConfig } from '@playwright/test'
import { readHarnessConfig } from '../config/harnessConfig.ts'
import { environment } from '../../environment/environmentValues.ts'
import { runIdentity } from '../config/runIdentity.ts'
import { PreflightFailure, preflight, preflightDoneMarker } from '../preflight/preflight.ts'
import { passPreflightGate, preflightGateVariable } from '../preflight/preflightGate.ts'
import { prepareRunDir } from './runFiles.ts'

/** An error of the set-up as one sentence, without a stack trace pointing into the harness. */
async function oneSentence(step: Promise<void>): Promise<void> {
  try {
    await step
  } catch (error) {
    const failure = new Error((error as Error).message)
    failure.stack = failure.message
    throw failure
  }
}

export default async function globalSetup(config: FullConfig): Promise<void> {
  const env = environment()
  // Started by certify before its preflight finished: nothing runs before it passed.
  const gate = env[preflightGateVariable]
  if (gate) await oneSentence(passPreflightGate(gate))
  const harness = readHarnessConfig(env)
  const { runId } = runIdentity(env)
  if (!harness.runTagKey) {
    console.warn(
      'No run marker: CONFORMANCE_TAG_KEYS does not list conformanceRun and CONFORMANCE_RUN_TAG_KEY is unset, ' +
        'so what a killed run leaves behind cannot be found later by `npm run cleanup`.',
    )
  }
  if (env[preflightDoneMarker] !== '1' && harness.baseUrl) {
    try {
      await preflight({ ...harness, baseUrl: harness.baseUrl })
    } catch (error) {
      if (!(error instanceof PreflightFailure)) throw error
      // One sentence, without a stack trace pointing into the harness.
      const failure = new Error(`preflight failed: ${error.message}`)
      failure.stack = failure.message
      throw failure
    }
    env[preflightDoneMarker] = '1'
  }
  // Only a run that passed its preflight gets a directory: the teardown cleans up after those only.
  prepareRunDir(harness.reportDir, runId, config.shard)
}
