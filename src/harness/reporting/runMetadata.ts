// What the run's configuration tells the report, through Playwright's config.metadata: set in
// playwright.config.ts, carried by blob reports, merged by `npx playwright merge-reports`.
// Merging spreads every shard's metadata into one object, so a value that differs between
// shards would silently keep the last one; the identity key below names seed and run id in
// the key itself, and shards that disagree leave two such keys.
import { features as allFeatures, isLevel, type Feature, type Level } from '../../contract/levels.ts'

export interface RunMetadata {
  baseUrl: string
  embedded: boolean
  seed: number | undefined
  runId: string | undefined
  harnessVersion: string | undefined
  level: Level
  features: Feature[]
  target: { name?: string; version?: string }
}

const identityPrefix = 'conformanceRun:'

/** The metadata entry that names this run's seed and run id (one per run, however many shards). */
export function identityEntry(seed: number, runId: string): Record<string, true> {
  return { [`${identityPrefix}${seed}:${runId}`]: true }
}

/** Shards of one run share a seed and run id; merged shards of several runs do not certify anything. */
export class ShardMismatch extends Error {
  constructor(identities: string[]) {
    super(
      `the merged shards ran with different seeds or run ids (${identities.join(', ')}): ` +
        'set CONFORMANCE_SEED and CONFORMANCE_RUN_ID to the same values on every shard',
    )
    this.name = 'ShardMismatch'
  }
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined)

export function readRunMetadata(metadata: Record<string, unknown>): RunMetadata {
  const identities = Object.keys(metadata).filter((key) => key.startsWith(identityPrefix))
  if (identities.length > 1) throw new ShardMismatch(identities.map((key) => key.slice(identityPrefix.length)))
  const level = text(metadata.level)
  const features = Array.isArray(metadata.features) ? metadata.features : []
  const target: RunMetadata['target'] = {}
  const name = text(metadata.targetName)
  const version = text(metadata.targetVersion)
  if (name) target.name = name
  if (version) target.version = version
  return {
    baseUrl: text(metadata.baseUrl) ?? '',
    embedded: metadata.embedded === true,
    seed: typeof metadata.seed === 'number' ? metadata.seed : undefined,
    runId: text(metadata.runId),
    harnessVersion: text(metadata.harnessVersion),
    level: level !== undefined && isLevel(level) ? level : 'core',
    features: allFeatures.filter((feature) => features.includes(feature)),
    target,
  }
}
