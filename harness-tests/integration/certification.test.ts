// End to end, as a user runs it: certify a faulty target (the reference with REFERENCE_FAULT's
// faults, on a recognizable token) once whole and once in two shards merged by npm run report.
// The report must name the broken rule; its curl command, pasted into bash, must get the wrong
// answer again; the shards must give the same report; Chromium must show the page; and the
// token must be in no file the runs wrote and nowhere on their consoles.
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { promisify } from 'node:util'
import type { ConformanceReport } from '../../src/harness/reporting/conformanceReport.ts'
import { referenceDefaults } from '../../src/reference/defaults.ts'
import { dropUnknownProperties } from '../../src/reference/faults/dropUnknownProperties.ts'
import { echoCredentials } from '../../src/reference/faults/echoCredentials.ts'
import { startReferenceServer } from '../../src/reference/server.ts'
import {
  cleanEnvironment,
  runCertificationProcess,
  type CertificationProcessResult,
  type HarnessCommand,
} from '../../src/runs/certificationProcess.ts'
import { launchChromium } from './chromiumPage.ts'
import { comparable } from './comparableReport.ts'
import { filesUnder, findInBuffer, findSecret, secretForms } from './secretScan.ts'

const repo = resolve(import.meta.dirname, '..', '..')
const reporter = join(repo, 'src/harness/reporting/conformanceReporter.ts')
// A few checks are enough (a failed check costs Playwright a new worker): failing and passing
// checks, error answers that quote the token, derived answers checks, and (no integration
// configured) a skipped full-level check. The patterns match the checks' ids both as kinds
// (SHAPE.user.…) and as operations (SHAPE.createUser.…).
const grep = 'SHAPE\\.(user|createUser)\\.unknown-property-400|S13\\.(user|createUser)\\.|S4\\.message'
const isFailingCheck = (id: string) => /^SHAPE\.(user|createUser)\.unknown-property-400$/.test(id)

describe('certifying a faulty target', () => {
  const secret = `conformance-secret-${randomBytes(12).toString('hex')}`
  const work = mkdtempSync(join(tmpdir(), 'conformance-selftest-'))
  const startedAt = Date.now()
  const consoles: Record<string, string> = {}
  let target: { url: string; close: () => Promise<void> }
  let whole: ConformanceReport

  // The secret scan reads the consoles as printed: the runner masks nothing here.
  const harness = async (
    command: HarnessCommand,
    args: string[],
    name: string,
    reportDir: string,
    env: Record<string, string>,
  ): Promise<CertificationProcessResult> => {
    const finished = await runCertificationProcess({
      command,
      args,
      reportDir,
      env,
      limitMs: 180_000,
      output: 'as printed',
    })
    consoles[`console of ${name}`] = finished.output
    return finished
  }

  let runEnv: Record<string, string>

  before(async () => {
    target = await startReferenceServer({
      token: secret,
      botId: referenceDefaults.botId,
      faults: [dropUnknownProperties, echoCredentials],
    })
    // One seed and run id for the whole run and both shards.
    runEnv = {
      CONFORMANCE_BASE_URL: target.url,
      CONFORMANCE_TOKEN: secret,
      CONFORMANCE_BOT_ID: referenceDefaults.botId,
      CONFORMANCE_SEED: '424242',
      CONFORMANCE_RUN_ID: `crselftest${randomBytes(3).toString('hex')}`,
      CONFORMANCE_TARGET_NAME: 'Faulty reference',
      CONFORMANCE_TARGET_VERSION: 'drop-unknown-properties+echo-credentials',
    }
  })
  after(async () => {
    await target.close()
    rmSync(work, { recursive: true, force: true })
  })

  test('a whole run writes every report and names the broken rule', async () => {
    const dir = join(work, 'whole')
    const finished = await harness(
      'certify',
      ['--grep', grep, `--reporter=list,${reporter},junit,html,json`],
      'the whole run',
      join(dir, 'reports'),
      {
        ...runEnv,
        PLAYWRIGHT_HTML_OUTPUT_DIR: join(dir, 'playwright-report'),
        PLAYWRIGHT_HTML_OPEN: 'never',
        PLAYWRIGHT_JSON_OUTPUT_FILE: join(dir, 'playwright.json'),
        PLAYWRIGHT_JUNIT_OUTPUT_FILE: join(dir, 'junit.xml'),
      },
    )
    assert.equal(finished.exitCode, 1, `a target that breaks a rule does not conform (exit 1):\n${finished.output}`)
    for (const file of ['conformance.json', 'conformance.md', 'conformance.html', 'badge.svg'])
      assert.ok(existsSync(join(dir, 'reports', file)), file)
    whole = JSON.parse(readFileSync(join(dir, 'reports', 'conformance.json'), 'utf8')) as ConformanceReport
    assert.equal(whole.levels.core.verdict, 'does not conform')
    assert.deepEqual(whole.target, { name: 'Faulty reference', version: 'drop-unknown-properties+echo-credentials' })
    const failure = whole.checks.find((c) => isFailingCheck(c.id))
    assert.equal(failure?.status, 'failed')
    assert.equal(failure?.rule, dropUnknownProperties.breaks)
    assert.match(failure?.reason ?? '', /createUser .*answered 201 \(expected 400 InvalidPayload\)/)
    assert.equal(failure?.failure?.culprit?.status, 201)
    assert.match(failure?.failure?.curl ?? '', /\$CONFORMANCE_TOKEN/)
    // No integration configured: its check is skipped with the reason, and full does not count it.
    const skipped = whole.checks.find((c) => c.id === 'S4.message.integration-message-incoming')
    assert.equal(skipped?.status, 'skipped')
    assert.match(skipped?.reason ?? '', /not configured: set CONFORMANCE_INTEGRATION_ID/)
    assert.ok(
      readFileSync(join(dir, 'reports', 'conformance.md'), 'utf8').includes(`### ✗ ${failure?.id}`),
      'the Markdown report has the failure',
    )
    assert.match(readFileSync(join(dir, 'reports', 'badge.svg'), 'utf8'), /core \d+ failing/)
  })

  test('its curl command, pasted into bash with the token exported, gets the wrong answer again', async () => {
    const curl = whole.checks.find((c) => isFailingCheck(c.id))?.failure?.curl
    assert.ok(curl)
    const pasted = (
      await promisify(execFile)('bash', ['-c', curl], { env: { ...process.env, CONFORMANCE_TOKEN: secret } })
    ).stdout
    // 201 where the contract requires 400 InvalidPayload: the fault, reproduced.
    assert.match(pasted, /^HTTP\/1\.1 201 /)
    const body = JSON.parse(pasted.slice(pasted.indexOf('\r\n\r\n') + 4)) as { user?: { id?: string } }
    assert.ok(body.user?.id, 'the target created a user from the undocumented body')
  })

  test('two shards merged by npm run report give the same report as the whole run', async () => {
    const shards = await Promise.all(
      [1, 2].map((index) =>
        harness(
          'certify',
          ['--grep', grep, `--shard=${index}/2`, '--reporter=blob'],
          `shard ${index}`,
          join(work, `shard-${index}`, 'reports'),
          {
            ...runEnv,
            CONFORMANCE_WORKERS: '1',
            PLAYWRIGHT_BLOB_OUTPUT_DIR: join(work, `shard-${index}`, 'blob-report'),
          },
        ),
      ),
    )
    const gathered = join(work, 'all-blob-reports')
    mkdirSync(gathered)
    for (const [i, shard] of shards.entries()) {
      const blobDir = join(work, `shard-${i + 1}`, 'blob-report')
      assert.ok(existsSync(blobDir), `shard ${i + 1} wrote a blob report:\n${shard.output}`)
      for (const file of readdirSync(blobDir)) cpSync(join(blobDir, file), join(gathered, file))
    }
    const merged = await harness('report', [gathered], 'npm run report', join(work, 'merged'), {
      ...runEnv,
      CONFORMANCE_TOKEN: '',
    })
    assert.equal(merged.exitCode, 1, `the merged run does not conform either (exit 1):\n${merged.output}`)
    const report = JSON.parse(readFileSync(join(work, 'merged', 'conformance.json'), 'utf8')) as ConformanceReport
    assert.equal(report.checks.length, whole.checks.length)
    assert.deepEqual(comparable(report), comparable(whole))
    assert.ok(existsSync(join(work, 'merged', 'junit.xml')))
  })

  test('Chromium shows the verdict, the matrix and a failure’s curl command', async () => {
    const page = join(work, 'whole', 'reports', 'conformance.html')
    const browser = await launchChromium()
    try {
      const tab = await browser.newPage({ viewport: { width: 1366, height: 900 } })
      const requested: string[] = []
      tab.on('request', (request) => requested.push(request.url()))
      await tab.goto(`file://${page}`)
      const verdict = tab.locator('#verdict')
      assert.ok(await verdict.isVisible(), 'the verdict is visible')
      assert.match((await verdict.textContent()) ?? '', /core: does not conform/)
      assert.ok(await tab.locator('#matrix').isVisible(), 'the matrix is visible')
      assert.equal(await tab.locator('#matrix tr[data-operation]').count(), 33)
      assert.ok(
        await tab.locator('#matrix tr[data-operation="createUser"] td.s-failed').first().isVisible(),
        'a failed cell is visible',
      )
      const failingCheck = whole.checks.find((c) => isFailingCheck(c.id))?.id
      const curl = tab.locator(`[id="failure-${failingCheck}"] pre.curl`)
      await curl.scrollIntoViewIfNeeded()
      assert.ok(await curl.isVisible(), 'the curl command of the failure is visible')
      assert.match((await curl.textContent()) ?? '', /^curl .*\$CONFORMANCE_TOKEN/s)
      assert.deepEqual(requested, [`file://${page}`], 'the page loads nothing else')
      mkdirSync(join(repo, 'reports'), { recursive: true })
      await tab.evaluate(() => window.scrollTo(0, 0))
      await tab.screenshot({ path: join(repo, 'reports', 'conformance-page.png'), fullPage: true })
    } finally {
      await browser.close()
    }
  })

  test('the embedded reference’s token stays out of the configuration Playwright writes into its reports', async () => {
    const printed = await promisify(execFile)(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        "import('./playwright.config.ts').then((m) => process.stdout.write(JSON.stringify(m.default)))",
      ],
      { env: cleanEnvironment({ CONFORMANCE_TOKEN: secret, PORT: '4599' }), cwd: repo },
    )
    assert.match(printed.stdout, /"webServer"/, 'the embedded reference is started by the config')
    consoles['playwright.config.ts as Playwright serializes it'] = printed.stdout + printed.stderr
  })

  test('certify refuses a traced run and shards without one seed and run id', async () => {
    const traced = await harness('certify', ['--trace', 'on'], 'a traced run', join(work, 'refused'), runEnv)
    assert.equal(traced.exitCode, 2)
    assert.match(traced.output, /--trace: a trace records every request with its Authorization header/)
    const sharded = await harness('certify', ['--shard=1/2'], 'an unseeded shard', join(work, 'refused'), {
      ...runEnv,
      CONFORMANCE_SEED: '',
    })
    assert.equal(sharded.exitCode, 2)
    assert.match(sharded.output, /CONFORMANCE_SEED: a sharded run needs it set/)
  })

  test('the token is in no file the runs wrote and nowhere on their consoles', () => {
    // The scanner itself must find the token where it is, however it is wrapped.
    const probe: string[] = []
    findInBuffer(Buffer.from(`x${Buffer.from(`ab${secret}`).toString('base64')}x`), 'probe', secretForms(secret), probe)
    assert.deepEqual(probe, ['probe'])

    const written = filesUnder(work)
    assert.ok(
      written.some((f) => f.endsWith('.zip')),
      'blob reports are among the files searched',
    )
    assert.ok(
      written.some((f) => f.endsWith('index.html')),
      "Playwright's HTML report is among them",
    )
    // Anything written into the repository meanwhile (stray outputs, the screenshot).
    const strays = filesUnder(repo, (path) => /\/(node_modules|\.git)$/.test(path)).filter(
      (f) => statSync(f).mtimeMs >= startedAt,
    )
    assert.ok(Object.keys(consoles).length >= 5)
    assert.deepEqual(findSecret(secret, [...written, ...strays], consoles), [])
  })
})
