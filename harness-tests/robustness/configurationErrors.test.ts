// Every configuration error a user can make, as a table: each CONFORMANCE_* variable with a
// wrong value, PORT, an unknown or refused argument, a command without what it needs. Each
// command is run as a user runs it; each must exit with the documented code (2: configuration,
// docs/configuration.md), print one sentence that names what is wrong, no stack trace, and stop
// before anything starts (no reference started, no preflight: a base URL where nothing listens
// would be exit 3 if a request were sent).
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, test } from 'node:test'
import { runCertificationProcess, type HarnessCommand } from '../../src/runs/certificationProcess.ts'
import { exitCodes } from '../../src/harness/reporting/exitCodes.ts'
import { referenceDefaults } from '../../src/reference/defaults.ts'

interface Row {
  /** What is wrong, as the test's name. */
  wrong: string
  command?: HarnessCommand
  env?: Record<string, string>
  args?: string[]
  /** What the sentence must name: the variable or the argument. */
  names: string
}

/** A target nothing listens on: a run that got as far as its preflight would exit 3, not 2. */
const nowhere = {
  CONFORMANCE_BASE_URL: 'http://127.0.0.1:9/',
  CONFORMANCE_TOKEN: 'not-a-secret-token',
  CONFORMANCE_BOT_ID: referenceDefaults.botId,
}

const rows: Row[] = [
  {
    wrong: 'a base URL without a scheme',
    env: { ...nowhere, CONFORMANCE_BASE_URL: 'staging.example.test' },
    names: 'CONFORMANCE_BASE_URL',
  },
  {
    wrong: 'a base URL that is not http(s)',
    env: { ...nowhere, CONFORMANCE_BASE_URL: 'ftp://127.0.0.1/' },
    names: 'CONFORMANCE_BASE_URL',
  },
  { wrong: 'a base URL without a token', env: { ...nowhere, CONFORMANCE_TOKEN: '' }, names: 'CONFORMANCE_TOKEN' },
  { wrong: 'a token over two lines', env: { ...nowhere, CONFORMANCE_TOKEN: 'tok\nen' }, names: 'CONFORMANCE_TOKEN' },
  { wrong: 'a base URL without a bot id', env: { ...nowhere, CONFORMANCE_BOT_ID: '' }, names: 'CONFORMANCE_BOT_ID' },
  { wrong: 'a bot id shorter than an id', env: { ...nowhere, CONFORMANCE_BOT_ID: 'bot' }, names: 'CONFORMANCE_BOT_ID' },
  {
    wrong: 'an integration id longer than an id',
    env: { ...nowhere, CONFORMANCE_INTEGRATION_ID: 'i'.repeat(37) },
    names: 'CONFORMANCE_INTEGRATION_ID',
  },
  {
    wrong: 'an action without <integration>:<action>',
    env: { ...nowhere, CONFORMANCE_ACTION: 'echo' },
    names: 'CONFORMANCE_ACTION',
  },
  {
    wrong: 'an action input that is not JSON',
    env: { ...nowhere, CONFORMANCE_ACTION: 'slack:send', CONFORMANCE_ACTION_INPUT: '{oops' },
    names: 'CONFORMANCE_ACTION_INPUT',
  },
  {
    wrong: 'an action input without an action',
    env: { ...nowhere, CONFORMANCE_ACTION_INPUT: '{}' },
    names: 'CONFORMANCE_ACTION_INPUT',
  },
  { wrong: 'an unknown level', env: { CONFORMANCE_LEVEL: 'extended' }, names: 'CONFORMANCE_LEVEL' },
  { wrong: 'a seed that is not a number', env: { CONFORMANCE_SEED: 'abc' }, names: 'CONFORMANCE_SEED' },
  { wrong: 'zero cases', env: { CONFORMANCE_CASES: '0' }, names: 'CONFORMANCE_CASES' },
  { wrong: 'a list of one', env: { CONFORMANCE_LIST_SIZE: '1' }, names: 'CONFORMANCE_LIST_SIZE' },
  { wrong: 'a run id with a space', env: { CONFORMANCE_RUN_ID: 'my run' }, names: 'CONFORMANCE_RUN_ID' },
  { wrong: 'a request timeout in words', env: { CONFORMANCE_TIMEOUT_MS: 'soon' }, names: 'CONFORMANCE_TIMEOUT_MS' },
  { wrong: 'zero workers', env: { CONFORMANCE_WORKERS: '0' }, names: 'CONFORMANCE_WORKERS' },
  { wrong: 'workers in words', env: { CONFORMANCE_WORKERS: 'two' }, names: 'CONFORMANCE_WORKERS' },
  { wrong: 'a run time limit of 5 ms', env: { CONFORMANCE_RUN_TIMEOUT_MS: '5' }, names: 'CONFORMANCE_RUN_TIMEOUT_MS' },
  { wrong: 'a tag key with a dot', env: { CONFORMANCE_TAG_KEYS: 'a.b' }, names: 'CONFORMANCE_TAG_KEYS' },
  {
    wrong: 'a run tag key with a space',
    env: { CONFORMANCE_RUN_TAG_KEY: 'run marker' },
    names: 'CONFORMANCE_RUN_TAG_KEY',
  },
  { wrong: 'a rate cap of zero', env: { CONFORMANCE_MAX_RPS: '0' }, names: 'CONFORMANCE_MAX_RPS' },
  {
    wrong: 'too many retries after a 429',
    env: { CONFORMANCE_RATE_LIMIT_RETRIES: '21' },
    names: 'CONFORMANCE_RATE_LIMIT_RETRIES',
  },
  {
    wrong: 'an unanswered limit of zero',
    env: { CONFORMANCE_UNANSWERED_LIMIT: '0' },
    names: 'CONFORMANCE_UNANSWERED_LIMIT',
  },
  {
    wrong: 'zero timeouts per operation',
    env: { CONFORMANCE_TIMEOUTS_PER_OPERATION: '0' },
    names: 'CONFORMANCE_TIMEOUTS_PER_OPERATION',
  },
  { wrong: 'a port in words', env: { PORT: 'http' }, names: 'PORT' },
  { wrong: 'an option Playwright does not know', args: ['--bogus'], names: '--bogus' },
  { wrong: 'zero Playwright workers', args: ['--workers=0'], names: '--workers' },
  { wrong: 'a trace (it would record the token)', args: ['--trace', 'on'], names: '--trace' },
  { wrong: 'a shard without a seed and run id', args: ['--shard=1/2'], names: 'CONFORMANCE_SEED' },
  {
    wrong: 'npx playwright test with workers in words',
    command: 'playwright',
    env: { CONFORMANCE_WORKERS: 'two' },
    names: 'CONFORMANCE_WORKERS',
  },
  { wrong: 'report without a folder of blob reports', command: 'report', args: [], names: 'npm run report' },
  {
    wrong: 'report with a folder that does not exist',
    command: 'report',
    args: ['no-such-folder'],
    names: 'no-such-folder',
  },
  { wrong: 'report with an option', command: 'report', args: ['--bogus'], names: '--bogus' },
  { wrong: 'replay without a check id', command: 'replay', args: [], names: 'npm run replay' },
  { wrong: 'replay with an option', command: 'replay', args: ['--bogus'], names: '--bogus' },
  {
    wrong: 'replay with no report to read',
    command: 'replay',
    args: ['S8.user.delete-then-404'],
    names: 'npm run replay',
  },
]

const work = mkdtempSync(join(tmpdir(), 'conformance-config-errors-'))
after(() => rmSync(work, { recursive: true, force: true }))

describe(
  'every configuration error: exit 2, one sentence naming it, no stack trace, nothing started',
  { concurrency: 2 },
  () => {
    rows.forEach((row, i) => {
      test(`${row.command ?? 'certify'}: ${row.wrong}`, async () => {
        const result = await runCertificationProcess({
          command: row.command ?? 'certify',
          args: row.args ?? [],
          env: row.env,
          // A folder of its own, empty: replay finds no report there.
          reportDir: join(work, String(i)),
          limitMs: 60_000,
        })
        const lines = result.output.split('\n').filter((line) => line.trim() !== '')
        assert.equal(result.exitCode, exitCodes.configuration, result.output)
        const said = lines.filter((line) => line.includes(row.names))
        assert.equal(said.length, 1, `one line names ${row.names}:\n${result.output}`)
        assert.match(said[0] ?? '', /^configuration error: /, result.output)
        assert.doesNotMatch(result.output, /^\s+at .+[:(]/m, 'no stack trace')
        assert.doesNotMatch(
          result.output,
          /embedded reference implementation at|Target: |Running \d+ test/,
          'nothing started',
        )
        assert.ok(lines.length <= 2, `a sentence, not a page:\n${result.output}`)
      })
    })
  },
)
