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
function oneSentence(message: string): Error {
  const failure = new Error(message)
  failure.stack = message
  return failure
}

export default async function globalSetup(config: FullConfig): Promise<void> {
  const env = environment()
  // Started by certify before its preflight finished: nothing runs before it passed.
  const gate = env[preflightGateVariable]
  if (gate) {
    try {
      await passPreflightGate(gate)
    } catch (error) {
      throw oneSentence((error as Error).message)
    }
  }
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
      throw oneSentence(`preflight failed: ${error.message}`)
    }
    env[preflightDoneMarker] = '1'
  }
  // Only a run that passed its preflight gets a directory: the teardown cleans up after those only.
  prepareRunDir(harness.reportDir, runId, config.shard)
}
