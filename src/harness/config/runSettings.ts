// Every setting a run reads, checked in one go before anything starts: the harness's
// configuration, the traffic policy, the run's identity and Playwright's own settings (workers,
// the run's time limit, the embedded reference's port). `npm run certify` calls this first, and
// playwright.config.ts too, so a wrong value is one ConfigError naming its variable, never a
// stack trace from halfway through a run.
import { environment, parseInteger, type Env } from '../../environment/environmentValues.ts'
import { readHarnessConfig, type HarnessConfig } from './harnessConfig.ts'
import { runIdentity, type RunIdentity } from './runIdentity.ts'
import { readTrafficPolicy, type TrafficPolicy } from './trafficPolicy.ts'

export interface RunSettings {
  harness: HarnessConfig
  traffic: TrafficPolicy
  identity: RunIdentity
  /** Playwright workers (CONFORMANCE_WORKERS). */
  workers: number
  /** Playwright's limit for the whole run (CONFORMANCE_RUN_TIMEOUT_MS). */
  runTimeoutMs: number
  /** Where `npx playwright test` starts the embedded reference (PORT); undefined: its default. */
  port: number | undefined
}

const runDefaults = { workers: 2, runTimeoutMs: 30 * 60_000 } as const

/** Reads and checks every setting of a run; throws ConfigError on the first wrong one. */
export function readRunSettings(env: Env = environment()): RunSettings {
  return {
    harness: readHarnessConfig(env),
    traffic: readTrafficPolicy(env),
    identity: runIdentity(env),
    workers: parseInteger(env, 'CONFORMANCE_WORKERS', { min: 1, max: 64 }) ?? runDefaults.workers,
    runTimeoutMs:
      parseInteger(env, 'CONFORMANCE_RUN_TIMEOUT_MS', { min: 10_000, max: 24 * 3_600_000 }) ?? runDefaults.runTimeoutMs,
    port: parseInteger(env, 'PORT', { min: 1, max: 65535 }),
  }
}
