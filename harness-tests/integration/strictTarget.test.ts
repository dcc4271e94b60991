// No false positives: a target that answers every open choice the other way (the reference with
// its strict choices: an action type without <integration>:<action> refused as invalid, a body
// reference to nothing refused with 400 InvalidPayload, a pictureUrl that is no URL refused,
// discriminating keys that are not tags refused, a state of no owner 404, pages of 7) still
// conforms at every level: no check of the suite fails it for an answer the documents allow.
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import { referenceDefaults } from '../../src/reference/defaults.ts'
import { strictChoices } from '../../src/reference/openChoices.ts'
import { startReferenceServer } from '../../src/reference/server.ts'
import { runCertificationProcess } from '../../src/runs/certificationProcess.ts'

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
  const finished = await runCertificationProcess({
    reference: target.url,
    reportDir: join(work, 'reports'),
    seed: 20260601,
    env: { CONFORMANCE_LEVEL: 'full' },
    limitMs: 600_000,
  })
  const report = finished.report
  assert.ok(report, `the run wrote a report:\n${finished.output.slice(-2000)}`)
  const notPassed = report.checks.filter((c) => c.status !== 'passed').map((c) => `${c.id} ${c.status}: ${c.reason}`)
  assert.deepEqual(notPassed, [], 'every check passes against a target the documents allow')
  assert.equal(finished.exitCode, 0, finished.output.slice(-2000))
  assert.equal(report.complete, true)
  for (const level of ['core', 'strict', 'full'] as const) assert.equal(report.levels[level].verdict, 'conforms')
})
