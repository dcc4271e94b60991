// The catalogue of faults the self-test runs: enough of them, every rule and both sides of the
// wire covered, each naming checks that exist, each installable; the reference without a fault
// installs none; docs/self-test.md's kill-rate line counts them (npm run mutants proves the rate itself).
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { test } from 'node:test'
import { ConfigError } from '../../src/environment/configError.ts'
import { ruleIds } from '../../src/contract/rules.ts'
import { catalogue } from '../../src/harness/catalogue/catalogue.ts'
import { killRateLine, readmeMarkers, timingLine, withKillRate } from '../../src/selfTest/mutantsReport.ts'
import { referenceDefaults } from '../../src/reference/defaults.ts'
import { faultsNamed, knownFaults } from '../../src/reference/faults/index.ts'
import { buildReferenceServer } from '../../src/reference/server.ts'

test('at least 40 faults, uniquely named, breaking every rule, on every side of the wire', () => {
  assert.ok(knownFaults.length >= 40, `${knownFaults.length} faults`)
  const names = knownFaults.map((f) => f.name)
  assert.deepEqual(
    names.filter((name, i) => names.indexOf(name) !== i),
    [],
    'duplicate names',
  )
  assert.deepEqual(
    ruleIds.filter((rule) => !knownFaults.some((f) => f.breaks === rule)),
    [],
    'rules no fault breaks',
  )
  for (const side of ['answer', 'request', 'behaviour', 'transport'] as const)
    assert.ok(
      knownFaults.some((f) => f.side === side),
      `no ${side} fault`,
    )
  assert.ok(
    knownFaults.some((f) => f.level === 'strict'),
    'no fault of a [usage] rule',
  )
})

test("every fault's concerns name checks of the suite that tests run", () => {
  const ids = catalogue()
    .entries.filter((check) => !check.derived)
    .map((check) => check.id)
  for (const fault of knownFaults) {
    assert.ok(
      fault.concerns && fault.concerns.length > 0,
      `${fault.name} names no checks: its run would certify everything`,
    )
    for (const prefix of fault.concerns)
      assert.ok(
        ids.some((id) => id.startsWith(prefix)),
        `${fault.name}: no check id starts with ${prefix}`,
      )
  }
})

test('every fault installs on the reference; without a fault nothing is installed', async () => {
  for (const fault of knownFaults) {
    const app = buildReferenceServer({
      token: referenceDefaults.token,
      botId: referenceDefaults.botId,
      faults: [fault],
    })
    await app.ready()
    await app.close()
  }
  assert.deepEqual(faultsNamed(undefined), [])
  assert.deepEqual(faultsNamed(' '), [])
  assert.deepEqual(
    faultsNamed('truncated-json, connection-reset').map((f) => f.name),
    ['truncated-json', 'connection-reset'],
  )
  assert.throws(() => faultsNamed('no-such-fault'), ConfigError)
})

test('docs/self-test.md states the kill rate over every known fault (npm run mutants writes it)', () => {
  const readme = readFileSync('docs/self-test.md', 'utf8')
  assert.ok(readme.includes(readmeMarkers.start))
  const total = knownFaults.length
  const line = killRateLine({
    caught: total,
    total,
    killRate: 100,
    clean: { passed: true, checks: 0, seconds: 0, reportDir: '' },
  })
  assert.equal(withKillRate(readme, line), readme, `docs/self-test.md should say: ${line}`)
})

test('the self-test says how long it took and how long its median certification took', () => {
  const fault = (seconds: number) => ({ seconds }) as Parameters<typeof timingLine>[0]['faults'][number]
  const line = timingLine({
    seconds: 61.4,
    clean: { passed: true, checks: 730, seconds: 20, reportDir: '' },
    faults: [fault(9), fault(7.25), fault(40)],
  })
  assert.equal(line, '4 certifications in 61 s, the median one 14.5 s')
})
