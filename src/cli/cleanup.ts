// npm run cleanup: deletes what earlier runs left on the target, found by their marker tag
// (CONFORMANCE_RUN_TAG_KEY, default conformanceRun). A run id tells when its run started; runs
// younger than --older-than-minutes (default 60) may still be going on, perhaps from a
// colleague or another CI job, and are left alone. --dry-run lists without deleting.
import { parseArgs } from 'node:util'
import { ConfigError } from '../environment/configError.ts'
import { readHarnessConfig } from '../harness/config/harnessConfig.ts'
import { environment } from '../environment/environmentValues.ts'
import { runStartedAt } from '../harness/config/runIdentity.ts'
import { markedResources, markedRunIds } from '../harness/run/markedResources.ts'
import { standaloneClient, trackForDeletion } from '../harness/run/standaloneClient.ts'

const exitCodes = { done: 0, leftovers: 1, configuration: 2 } as const

async function cleanup(argv: string[]): Promise<number> {
  const { values: options } = parseArgs({
    args: argv,
    options: {
      'older-than-minutes': { type: 'string', default: '60' },
      'dry-run': { type: 'boolean', default: false },
    },
  })
  const minutes = Number(options['older-than-minutes'])
  if (!Number.isFinite(minutes) || minutes < 0)
    throw new ConfigError('--older-than-minutes', `must be a number of minutes, got ${options['older-than-minutes']}`)
  const config = readHarnessConfig(environment())
  if (!config.baseUrl) {
    console.log(
      'cleanup: no CONFORMANCE_BASE_URL, nothing to clean (the embedded reference keeps nothing between runs)',
    )
    return exitCodes.done
  }
  if (!config.runTagKey) {
    throw new ConfigError(
      'CONFORMANCE_RUN_TAG_KEY',
      'names no marker key: with CONFORMANCE_TAG_KEYS, list the marker key among them and name it here',
    )
  }
  const key = config.runTagKey
  const before = Date.now() - minutes * 60_000
  const { api, dispose } = await standaloneClient({ ...config, baseUrl: config.baseUrl })
  try {
    const runIds = await markedRunIds(api, key)
    const old = runIds.filter((runId) => (runStartedAt(runId) ?? Number.POSITIVE_INFINITY) < before)
    const kept = runIds.length - old.length
    console.log(
      `cleanup: ${runIds.length} runs left resources marked ${key}; ${old.length} started more than ${minutes} minutes ago${kept ? ` (${kept} newer or unknown kept)` : ''}`,
    )
    let found = 0
    for (const runId of old) {
      const resources = await markedResources(api, key, runId)
      found += resources.length
      console.log(`  ${runId}: ${resources.map((r) => `${r.kind} ${r.id}`).join(', ') || 'nothing left'}`)
      if (!options['dry-run']) trackForDeletion(api.ledger, resources)
    }
    if (options['dry-run']) {
      console.log(`cleanup: dry run, ${found} resources would be deleted`)
      return exitCodes.done
    }
    const leftovers = await api.cleanUp()
    console.log(`cleanup: deleted ${found - leftovers.length} of ${found} resources`)
    for (const leftover of leftovers) console.error(`  could not delete ${leftover}`)
    return leftovers.length === 0 ? exitCodes.done : exitCodes.leftovers
  } finally {
    await dispose()
  }
}

/** The exit code: 0 all deleted (or nothing to do), 1 something left or the target failed, 2 configuration. */
async function main(argv: string[]): Promise<number> {
  try {
    return await cleanup(argv)
  } catch (error) {
    const configuration = error instanceof ConfigError
    console.error(
      configuration ? `configuration error: ${error.message}` : `cleanup: ${(error as Error).message.split('\n')[0]}`,
    )
    return configuration ? exitCodes.configuration : exitCodes.leftovers
  }
}

process.exitCode = await main(process.argv.slice(2))
