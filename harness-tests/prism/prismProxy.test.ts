// Prism's validation proxy in front of the embedded reference, during a full certification run:
// the run conforms, and Prism finds nothing the reference and the document disagree on.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { openapiPath } from '../../src/openapi/openapiDocument.ts'
import { certifyThroughPrismProxy } from '../../src/prism/proxyCertification.ts'
import { describeVerdict } from '../../src/prism/proxyVerdict.ts'

test('a certification through prism proxy conforms, and Prism reports no violation', { timeout: 180_000 }, async () => {
  const run = await certifyThroughPrismProxy({
    document: openapiPath,
    reportDir: 'reports/prism-proxy',
    timeoutMs: 120_000,
  })
  const summary = describeVerdict(run.verdict)
  console.log(summary)
  assert.equal(
    run.certifyExit,
    0,
    `certify through the proxy exited ${run.certifyExit}:\n${run.certifyOutput}\n${summary}\nPrism:\n${run.prismOutput}`,
  )
  assert.ok(run.verdict.exchanges > 0, 'the run went through the proxy')
  assert.deepEqual(run.verdict.problems, [], summary)
})
