// S5: a real bot accepts only the tag keys it declares. A whole run against a reference that
// rejects every undeclared key (REFERENCE_TAG_KEYS), with CONFORMANCE_TAG_KEYS naming the same
// keys: no check fails, a check that needs more keys than declared is skipped and says so.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import {
  removeReportDir,
  runCertificationProcess,
  type CertificationProcessResult,
} from '../../src/runs/certificationProcess.ts'
import { reference, referenceCredentials, targetEnv, type Running } from './support/servers.ts'

// Three keys for the checks, and the run marker's key (reserved: no check gets it).
const declared = ['alpha', 'beta', 'gamma', 'conformanceRun']

let target: Running
let result: CertificationProcessResult

before(async () => {
  target = await reference({ tagKeys: declared })
  result = await runCertificationProcess({
    env: { ...targetEnv(target.url), CONFORMANCE_TAG_KEYS: declared.join(',') },
    limitMs: 240_000,
  })
})

after(async () => {
  await target.close()
  removeReportDir(result)
})

test('the reference really rejects a key it does not declare', async () => {
  const response = await fetch(new URL('v1/chat/users', target.url), {
    method: 'POST',
    headers: {
      authorization: `Bearer ${referenceCredentials.token}`,
      'x-bot-id': referenceCredentials.botId,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ tags: { undeclared: 'x' } }),
  })
  assert.equal(response.status, 400)
  assert.match(
    ((await response.json()) as { message: string }).message,
    /tag key "undeclared" \(body tags\) is not declared/,
  )
})

test('no check fails: each uses only declared keys, or is skipped because it needs more', () => {
  const report = result.report
  assert.ok(report, `no report:\n${result.output}`)
  const failed = report.checks.filter((c) => c.status === 'failed')
  assert.deepEqual(
    failed.map((c) => `${c.id}: ${c.reason}`),
    [],
  )
  // The spec scope is off for a named target: those checks are skipped as not configured.
  const skipped = report.checks.filter((c) => c.status === 'skipped' && !c.reason?.startsWith('not configured'))
  assert.ok(skipped.length > 0, 'with three keys, some checks need more')
  // The reason names the declared keys as what the check lacks (more of them, or a longer one).
  for (const check of skipped) assert.match(check.reason ?? '', /CONFORMANCE_TAG_KEYS/, check.id)
  assert.ok(
    skipped.some((c) => /^needs more tag keys than the 3 CONFORMANCE_TAG_KEYS declares/.test(c.reason ?? '')),
    'a check that needs four keys says so',
  )
  assert.ok(report.checks.filter((c) => c.status === 'passed').length > skipped.length, 'most checks ran')
  assert.equal(result.exitCode, 1, 'a skipped check means the target is not certified')
  assert.deepEqual(report.leftovers ?? [], [], 'the marker key is declared, so the run found and deleted what it made')
})
