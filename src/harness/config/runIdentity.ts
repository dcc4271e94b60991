// One seed and one run id for the whole run, shared by every worker and shard: the first
// process to ask (Playwright's main process loads the config first) picks them and puts them
// in the environment that the workers inherit.
import { randomBytes } from 'node:crypto'
import { randomSeed } from './harnessConfig.ts'
import { ConfigError } from '../../environment/configError.ts'
import { environment, parseInteger, textValue } from '../../environment/environmentValues.ts'

export interface RunIdentity {
  /** Replays the same cases: CONFORMANCE_SEED, else random. */
  seed: number
  /** Marks what this run created, so leftovers can be found; unique per run. */
  runId: string
}

/**
 * A run id the user names: it is part of tag values, channel and state names, and URLs, so it
 * is short and plain.
 */
const runIdForm = /^[A-Za-z0-9_-]{1,64}$/

/** A fresh run id: when the run started, and a random part. */
function newRunId(): string {
  return `cr${Date.now().toString(36)}${randomBytes(3).toString('hex')}`
}

export function runIdentity(env = environment()): RunIdentity {
  const seed = parseInteger(env, 'CONFORMANCE_SEED', { min: 0, max: 2 ** 31 - 1 }) ?? randomSeed()
  env.CONFORMANCE_SEED = String(seed)
  const named = textValue(env, 'CONFORMANCE_RUN_ID')
  if (named !== undefined && !runIdForm.test(named))
    throw new ConfigError(
      'CONFORMANCE_RUN_ID',
      `must be 1 to 64 letters, digits, "-" or "_" (it becomes part of tag values, names and URLs), got ${JSON.stringify(named)}`,
    )
  env.CONFORMANCE_RUN_ID = named ?? newRunId()
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
