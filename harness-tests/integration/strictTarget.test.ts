// No false positives: a target that answers every open choice the other way (the reference with
// its strict choices: an action type without <integration>:<action> refused as invalid, a body
// reference to nothing refused with 400 InvalidPayload, a pictureUrl that is no URL refused,
// discriminating keys that are not tags refused, a state of no owner 404, pages of 7) still
// conforms at every level: no check of the suite fails it for an answer the documents allow.
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { after, before, test } from 'node:test'
import type { ConformanceReport } from '../../src/harness/reporting/conformanceReport.ts'
import { referenceDefaults } from '../../src/reference/defaults.ts'
import { strictChoices } from '../../src/reference/openChoices.ts'
import { startReferenceServer } from '../../src/reference/server.ts'
import { embeddedTargetSettings } from '../../src/runs/embeddedTarget.ts'
import { cleanEnv, run } from './childProcess.ts'

const repo = resolve(import.meta.dirname, '..', '..')
const work = mkdtempSync(join(tmpdir(), 'conformance-strict-'))
let target: { url: string; close: () => Promise<void> }

before(async () => {
  target = await startReferenceServer({
    token: referenceDefaults.token,
    botId: referenceDefaults.botId,
    faults: [],
    openChoices: strictChoices,
    pageSize: 7,
  })
})

after(async () => {
  await target.close()
  rmSync(work, { recursive: true, force: true })
})

test('a target that makes every open choice the strict way conforms at every level', async () => {
  const reportDir = join(work, 'reports')
  const { CONFORMANCE_EMBEDDED_REFERENCE: _embedded, ...settings } = embeddedTargetSettings({})
  const finished = await run(
    process.execPath,
    ['--import', 'tsx', 'src/cli/certify.ts'],
    cleanEnv({
      ...settings,
      CONFORMANCE_BASE_URL: target.url,
      CONFORMANCE_LEVEL: 'full',
      CONFORMANCE_REPORT_DIR: reportDir,
      CONFORMANCE_SEED: '20260601',
    }),
    repo,
  )
  const report = JSON.parse(readFileSync(join(reportDir, 'conformance.json'), 'utf8')) as ConformanceReport
  const notPassed = report.checks.filter((c) => c.status !== 'passed').map((c) => `${c.id} ${c.status}: ${c.reason}`)
  assert.deepEqual(notPassed, [], 'every check passes against a target the documents allow')
  assert.equal(finished.code, 0, finished.output.slice(-2000))
  assert.equal(report.complete, true)
  for (const level of ['core', 'strict', 'full'] as const) assert.equal(report.levels[level].verdict, 'conforms')
})
