// The environment of a certification in a child process: none of the user's settings, from the
// shell or from the project's .env, reach it; the run's own settings do, and the caller's win.
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, test } from 'node:test'
import { embeddedMarker } from '../../src/harness/config/harnessConfig.ts'
import { referenceDefaults } from '../../src/reference/defaults.ts'
import { certificationEnvironment, cleanEnvironment } from '../../src/runs/certificationProcess.ts'

const dir = mkdtempSync(join(tmpdir(), 'certification-process-'))
after(() => rmSync(dir, { recursive: true, force: true }))

const dotenvFile = join(dir, '.env')
writeFileSync(
  dotenvFile,
  'CONFORMANCE_BASE_URL=https://staging.example.com/\nREFERENCE_TAG_KEYS=a,b\nPORT=3000\nUNRELATED=kept out\n',
)
const shell: NodeJS.ProcessEnv = {
  PATH: '/usr/bin',
  HOME: '/home/user',
  CONFORMANCE_TOKEN: 'users-own-token',
  CONFORMANCE_WORKERS: '8',
  PLAYWRIGHT_HTML_OPEN: 'always',
  REFERENCE_FAULT: 'echo-credentials',
  DOTENV_CONFIG_PATH: '/elsewhere/.env',
  PORT: '4000',
  FORCE_COLOR: '3',
}
const from = { env: shell, dotenvFile }

test("the user's settings stay out; what .env holds is set empty, so dotenv cannot fill it in", () => {
  const env = cleanEnvironment({ CONFORMANCE_SEED: '7' }, from)
  assert.deepEqual(env, {
    PATH: '/usr/bin',
    HOME: '/home/user',
    CONFORMANCE_BASE_URL: '',
    REFERENCE_TAG_KEYS: '',
    PORT: '',
    FORCE_COLOR: '0',
    CONFORMANCE_SEED: '7',
  })
})

test('no .env: only the shell is cleaned', () => {
  const env = cleanEnvironment({}, { env: shell, dotenvFile: join(dir, 'none.env') })
  assert.deepEqual(Object.keys(env).sort(), ['FORCE_COLOR', 'HOME', 'PATH'])
})

test("a run against a reference started by the caller gets the reference's settings, its identity and its limits", () => {
  const env = certificationEnvironment(
    { reference: 'http://127.0.0.1:4321/', seed: 42, runId: 'mut1', workers: 1, limitMs: 120_000 },
    '/tmp/reports',
    from,
  )
  assert.equal(env.CONFORMANCE_BASE_URL, 'http://127.0.0.1:4321/')
  assert.equal(env.CONFORMANCE_TOKEN, referenceDefaults.token)
  assert.equal(env.CONFORMANCE_BOT_ID, referenceDefaults.botId)
  assert.equal(env[embeddedMarker], '1')
  assert.equal(env.CONFORMANCE_SEED, '42')
  assert.equal(env.CONFORMANCE_RUN_ID, 'mut1')
  assert.equal(env.CONFORMANCE_WORKERS, '1')
  assert.equal(env.CONFORMANCE_REPORT_DIR, '/tmp/reports')
  // Playwright's limit comes 15 s before the process's, so a run that hangs still writes its report.
  assert.equal(env.CONFORMANCE_RUN_TIMEOUT_MS, '105000')
  assert.equal(env.REFERENCE_FAULT, undefined)
  assert.equal(env.PLAYWRIGHT_HTML_OPEN, undefined)
})

test("no reference named: certify starts its own; the caller's settings win; Playwright's limit is never under 10 s", () => {
  const env = certificationEnvironment(
    { limitMs: 20_000, workers: 2, env: { CONFORMANCE_WORKERS: '1', CONFORMANCE_TOKEN: 'caller-token' } },
    '/tmp/reports',
    from,
  )
  assert.equal(env.CONFORMANCE_BASE_URL, '', 'the .env target is blanked, so the embedded reference is certified')
  assert.equal(env[embeddedMarker], undefined)
  assert.equal(env.CONFORMANCE_WORKERS, '1')
  assert.equal(env.CONFORMANCE_TOKEN, 'caller-token')
  assert.equal(env.CONFORMANCE_RUN_TIMEOUT_MS, '10000')
  const own = certificationEnvironment({ limitMs: 60_000, env: { CONFORMANCE_RUN_TIMEOUT_MS: '20000' } }, '/r', from)
  assert.equal(own.CONFORMANCE_RUN_TIMEOUT_MS, '20000')
})

test('the report directory is given as reportDir, where the report is read back, never in env', () => {
  assert.throws(
    () => certificationEnvironment({ limitMs: 60_000, env: { CONFORMANCE_REPORT_DIR: '/x' } }, '/r', from),
    /reportDir/,
  )
})
