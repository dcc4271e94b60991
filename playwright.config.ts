// The conformance suite's Playwright configuration. Everything a user sets goes through the
// CONFORMANCE_* variables (docs/configuration.md); with no CONFORMANCE_BASE_URL the embedded reference is started.
import { resolve } from 'node:path'
import { defineConfig } from '@playwright/test'
import { ConfigError } from './src/environment/configError.ts'
import { environment } from './src/environment/environmentValues.ts'
import { configuredFeatures } from './src/harness/config/harnessConfig.ts'
import { codeFile, nodeArguments, packageInfo } from './src/environment/packageLayout.ts'
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

/** A word of a shell command line, quoted (the paths may hold spaces). */
function shellWord(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`
}

// No target named: start the embedded reference and point every worker at it.
let webServer: Parameters<typeof defineConfig>[0]['webServer']
if (!harness.baseUrl) {
  const port = settings.port ?? referenceDefaults.port
  env.CONFORMANCE_BASE_URL = `http://127.0.0.1:${port}/`
  webServer = {
    command: [process.execPath, ...nodeArguments('src/reference/main')].map(shellWord).join(' '),
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

// Playwright resolves relative output paths against this file's folder, which is inside the
// package when it is installed: reports go to the folder the run was started in.
const reportDir = resolve(harness.reportDir)
const harnessVersion = packageInfo.version

export default defineConfig({
  // The specs next to this file: tests/*.spec.ts in a clone, compiled .js in the installed package.
  testDir: 'tests',
  testMatch: '**/*.spec.{ts,js}',
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  workers: settings.workers,
  timeout: 60_000,
  globalTimeout: settings.runTimeoutMs,
  outputDir: `${reportDir}/test-results`,
  // Nothing of a passing check is kept there (the report holds what a failure needs): no empty folders.
  preserveOutput: 'failures-only',
  // Preflight before any test (unless certify did it) and the run-wide cleanup after them.
  globalSetup: codeFile('src/harness/run/globalSetup'),
  globalTeardown: codeFile('src/harness/run/globalTeardown'),
  // One reporter: it prints the run, writes every report (junit.xml too) and, alone, lets a failing
  // check keep its worker (src/harness/runner/failureMode.ts).
  reporter: [[codeFile('src/harness/reporting/conformanceReporter'), { outputDir: reportDir }]],
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
    features: configuredFeatures(harness),
    targetName: harness.target.name,
    targetVersion: harness.target.version,
    ...identityEntry(seed, runId),
  },
  webServer,
})
