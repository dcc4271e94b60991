// One seed and one run id for the whole run, shared by every worker and shard: the first
// process to ask (Playwright's main process loads the config first) picks them and puts them
// in the environment that the workers inherit.
import { randomBytes } from 'node:crypto'
import { randomSeed } from './harnessConfig.ts'
import { environment, parseInteger } from '../../environment/environmentValues.ts'

export interface RunIdentity {
  /** Replays the same cases: CONFORMANCE_SEED, else random. */
  seed: number
  /** Marks what this run created, so leftovers can be found; unique per run. */
  runId: string
}

export function runIdentity(env = environment()): RunIdentity {
  const seed = parseInteger(env, 'CONFORMANCE_SEED', { min: 0, max: 2 ** 31 - 1 }) ?? randomSeed()
  env.CONFORMANCE_SEED = String(seed)
  env.CONFORMANCE_RUN_ID ??= `cr${Date.now().toString(36)}${randomBytes(3).toString('hex')}`
  return { seed, runId: env.CONFORMANCE_RUN_ID }
}

/** When the run with this id started (epoch ms), read back from the id; undefined for an id set by hand. */
export function runStartedAt(runId: string): number | undefined {
  const match = /^cr([0-9a-z]+)[0-9a-f]{6}$/.exec(runId)
  if (!match?.[1]) return undefined
  const startedAt = parseInt(match[1], 36)
  return Number.isSafeInteger(startedAt) && startedAt > Date.UTC(2020, 0) && startedAt <= Date.now() + 60_000
    ? startedAt
    : undefined
}
