// What a check gets to work with: the target's configuration, a client whose traffic is recorded
// and whose created resources are deleted when the check ends, what it can make first, and the
// values it sends (seeded). The runner (src/harness/runner/) provides one per check.
import type { Values } from '../../../fixtures/values.ts'
import type { RuntimeClient } from '../client/runtimeClient.ts'
import type { HarnessConfig } from '../config/harnessConfig.ts'
import type { Prerequisites } from './prerequisites.ts'

/** The configuration of a run in progress: the target is known, and so are the seed and run id. */
export interface ResolvedHarness extends HarnessConfig {
  baseUrl: string
  seed: number
  runId: string
}

export interface CheckContext {
  api: RuntimeClient
  harness: ResolvedHarness
  make: Prerequisites
  values: Values
}
