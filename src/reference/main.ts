// npm run server (the package's `serve`): the reference on 127.0.0.1, configured by the same
// variables as the harness; --port (or PORT) picks the port, 0 any free one.
import { parseArgs } from 'node:util'
import { environment, parseInteger } from '../environment/environmentValues.ts'
import { ConfigError } from '../environment/configError.ts'
import { referenceTagKeys } from './declaredTagKeys.ts'
import { referenceDefaults } from './defaults.ts'
import { faultsNamed } from './faults/index.ts'
import { startReferenceServer } from './server.ts'

async function main(): Promise<void> {
  const env = environment()
  const { values } = parseArgs({ options: { port: { type: 'string' } } })
  const port =
    parseInteger({ '--port': values.port }, '--port', { min: 0, max: 65535 }) ??
    parseInteger(env, 'PORT', { min: 0, max: 65535 }) ??
    referenceDefaults.port
  const token = env.CONFORMANCE_TOKEN?.trim() || referenceDefaults.token
  const botId = env.CONFORMANCE_BOT_ID?.trim() || referenceDefaults.botId
  const tagKeys = referenceTagKeys(env.REFERENCE_TAG_KEYS)
  const faults = faultsNamed(env.REFERENCE_FAULT)
  const server = await startReferenceServer({ port, token, botId, tagKeys, faults })
  const tokenSource = env.CONFORMANCE_TOKEN?.trim() ? 'from CONFORMANCE_TOKEN' : `default: ${referenceDefaults.token}`
  console.log(`Reference Runtime API listening on ${server.url}`)
  console.log(`  bot id: ${botId}${env.CONFORMANCE_BOT_ID?.trim() ? '' : ' (default)'}`)
  console.log(`  token:  ${tokenSource}`)
  // A faulty reference must not pass for the correct one.
  console.log(
    faults.length === 0
      ? '  faults: none (a correct reference)'
      : `  faults (REFERENCE_FAULT), it breaks rules on purpose: ${faults.map((f) => `${f.name} (${f.breaks})`).join(', ')}`,
  )
  if (tagKeys) console.log(`  declared tag keys (REFERENCE_TAG_KEYS): ${tagKeys.join(', ')}; any other key is rejected`)
  const stop = () => {
    void server.close().then(() => process.exit(0))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((error: unknown) => {
  const message =
    error instanceof ConfigError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
      ? (error as Error).message
      : `could not start: ${(error as Error).message}`
  console.error(`reference server: ${message}`)
  process.exit(2)
})
