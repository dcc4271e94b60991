// Playwright's global teardown: runs when the tests end, fail, or are interrupted with SIGINT
// (not after the run's time limit: `npm run certify` then does the same after Playwright
// exits). Deletes what the run left and writes what it could not delete for the report.
import { existsSync } from 'node:fs'
import type { FullConfig } from '@playwright/test'
import { readHarnessConfig } from '../config/harnessConfig.ts'
import { environment } from '../../environment/environmentValues.ts'
import { runIdentity } from '../config/runIdentity.ts'
import { runFiles } from './runFiles.ts'
import { sweepRun, writeLeftovers } from './runSweep.ts'
import { stoppedReason } from '../client/targetHealth.ts'

export default async function globalTeardown(config: FullConfig): Promise<void> {
  const env = environment()
  const harness = readHarnessConfig(env)
  const { runId } = runIdentity(env)
  const files = runFiles(harness.reportDir, runId, config.shard)
  // No directory: the run stopped before its first test (the preflight failed), nothing to clean.
  if (!harness.baseUrl || !existsSync(files.dir)) return
  try {
    const leftovers = await sweepRun({ ...harness, baseUrl: harness.baseUrl }, runId, files, config.shard)
    writeLeftovers(files, leftovers)
    if (leftovers.length > 0) {
      console.warn(
        `Not everything this run created could be deleted (listed in the report):\n  ${leftovers.join('\n  ')}`,
      )
    }
  } catch (error) {
    console.warn(`cleanup after the run failed: ${(error as Error).message.split('\n')[0]}`)
  }
  const stopped = stoppedReason(files.stopped)
  if (stopped)
    console.error(`The target stopped answering during the run: ${stopped}. The checks after that were not run.`)
}
