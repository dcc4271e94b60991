// The spec-scope faults (S14-S19): a list of their own, kept out of the self-test's, at least
// one per rule; each installs, and each changes what the reference does: the scenario of the
// rule it breaks, which the clean reference passes (harness-tests/reference), fails with it.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { specRuleTitles } from '../../src/contract/rules.ts'
import { knownFaults, specScopeFaults } from '../../src/reference/faults/index.ts'
import { scenario } from '../reference/specScopeRules.ts'
import { referenceApi } from '../reference/support/referenceApi.ts'

/** The scenario each fault breaks (named in harness-tests/reference/specScopeRules.ts). */
const brokenScenario: Record<string, string> = {
  'task-update-resets-unsent-fields': 'S14.update-leaves-unsent-fields',
  'task-list-oldest-first': 'S14.list-newest-first-on-every-page',
  'task-status-filter-ignored': 'S14.list-filters',
  'workflow-in-progress-without-event': 'S15.in-progress-needs-event-id',
  'workflow-status-group-ignored': 'S15.get-or-create-by-status-group',
  'workflow-statuses-filter-ignored': 'S15.list-filters',
  'cancel-leaves-event-scheduled': 'S16.cancel-a-scheduled-event',
  'cancel-unknown-event-answers-200': 'S16.cancel-needs-a-scheduled-event',
  'import-always-creates': 'S17.import-twice-creates-nothing-new',
  'import-accepts-more-than-the-limit': 'S17.import-at-most-the-limit',
  'initialize-always-creates-user': 'S18.initialize-twice-same-user-and-conversation',
  'analytics-count-zero-accepted': 'S19.track-analytics-limits',
}

test('spec-scope faults: uniquely named, apart from the self-test, every rule S14-S19 broken', () => {
  const names = specScopeFaults.map((f) => f.name)
  assert.equal(new Set(names).size, names.length, 'duplicate names')
  for (const fault of specScopeFaults) {
    assert.ok(!knownFaults.some((known) => known.name === fault.name), `${fault.name} is among knownFaults`)
    assert.ok(
      fault.concerns?.every((prefix) => prefix.startsWith(`${fault.breaks}.`)),
      `${fault.name}'s concerns`,
    )
  }
  for (const rule of Object.keys(specRuleTitles))
    assert.ok(
      specScopeFaults.some((f) => f.breaks === rule),
      `no fault breaks ${rule}`,
    )
  assert.deepEqual(Object.keys(brokenScenario).sort(), [...names].sort(), 'every fault has its scenario here')
})

for (const fault of specScopeFaults) {
  test(`spec-scope fault ${fault.name} (${fault.breaks}) changes what the reference does`, async () => {
    const broken = scenario(brokenScenario[fault.name] ?? '')
    assert.ok(broken.name.startsWith(`${fault.breaks}.`), `${broken.name} is not a scenario of ${fault.breaks}`)
    const api = await referenceApi({ faults: [fault], ...(broken.pageSize ? { pageSize: broken.pageSize } : {}) })
    try {
      await assert.rejects(broken.run(api), assert.AssertionError, `${broken.name} still holds with ${fault.name}`)
    } finally {
      await api.close()
    }
  })
}
