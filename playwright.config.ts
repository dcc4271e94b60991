// The conformance suite's Playwright configuration. Everything a user sets goes through the
// CONFORMANCE_* variables (README); with no CONFORMANCE_BASE_URL the embedded reference is started.
import { readFileSync } from 'node:fs'
import { defineConfig } from '@playwright/test'
import { ConfigError } from './src/environment/configError.ts'
import { environment } from './src/environment/environmentValues.ts'
import { readRunSettings, type RunSettings } from './src/harness/config/runSettings.ts'
import { identityEntry } from './src/harness/reporting/runMetadata.ts'
import { referenceDefaults } from './src/reference/defaults.ts'
import { withEmbeddedTarget } from './src/runs/embeddedTarget.ts'

const env = withEmbeddedTarget(environment())

/** Every setting, checked before Playwright starts anything: a wrong one is one sentence and exit 2. */
function settingsOrExit(): RunSettings {
  try {
    return readRunSettings(env)
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    console.error(`configuration error: ${error.message}`)
    process.exit(2)
  }
}

const settings = settingsOrExit()
const harness = settings.harness
const { seed, runId } = settings.identity

// No target named: start the embedded reference and point every worker at it.
let webServer: Parameters<typeof defineConfig>[0]['webServer']
if (!harness.baseUrl) {
  const port = settings.port ?? referenceDefaults.port
  env.CONFORMANCE_BASE_URL = `http://127.0.0.1:${port}/`
  webServer = {
    command: 'node --import tsx src/reference/main.ts',
    // Any answer (401 without a token) means it is up.
    url: `${env.CONFORMANCE_BASE_URL}v1/chat/users`,
    // The server inherits the token from the environment set above: Playwright writes this
    // config, webServer.env included, into its JSON and blob reports.
    env: { PORT: String(port) },
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: 'ignore',
  }
}

const reportDir = harness.reportDir
const harnessVersion = (
  JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string }
).version

export default defineConfig({
  testDir: 'tests',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  workers: settings.workers,
  timeout: 60_000,
  globalTimeout: settings.runTimeoutMs,
  outputDir: `${reportDir}/test-results`,
  // Preflight before any test (unless certify did it) and the run-wide cleanup after them.
  globalSetup: './src/harness/run/globalSetup.ts',
  globalTeardown: './src/harness/run/globalTeardown.ts',
  reporter: [
    ['list'],
    ['./src/harness/reporting/conformanceReporter.ts', { outputDir: reportDir }],
    ['junit', { outputFile: `${reportDir}/junit.xml` }],
  ],
  // Traces would record the Authorization header: they stay off.
  use: { trace: 'off', screenshot: 'off', video: 'off' },
  // What the conformance report needs; blob reports carry it to npm run report.
  metadata: {
    baseUrl: env.CONFORMANCE_BASE_URL,
    embedded: harness.embedded,
    seed,
    runId,
    harnessVersion,
    level: harness.level,
    features: [...(harness.action ? ['action'] : []), ...(harness.integrationId ? ['integration'] : [])],
    targetName: harness.target.name,
    targetVersion: harness.target.version,
    ...identityEntry(seed, runId),
  },
  webServer,
})
