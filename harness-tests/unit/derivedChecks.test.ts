// The derived answers checks pass only on what they saw: an operation that only ever answered
// errors has no success answer to judge, so its success checks are skipped with the reason
// (not run, when the run did not run every check), never passed.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { catalogue } from '../../src/harness/catalogue/catalogue.ts'
import type { DerivedEntry } from '../../src/harness/catalogue/catalogueEntry.ts'
import type { ExchangeAttachment } from '../../src/harness/client/exchangeLog.ts'
import { judgeDerivedChecks } from '../../src/harness/reporting/derivedChecks.ts'

const derived = catalogue().entries.filter((entry): entry is DerivedEntry => entry.derived)

function attachment(
  seen: ExchangeAttachment['seen'],
  errorsSeen: ExchangeAttachment['errorsSeen'],
): ExchangeAttachment {
  return { exchanges: [], seen, errorsSeen, leftovers: [] }
}

test('a target that only answered errors to callAction passes none of its success checks', () => {
  const onlyErrors = [attachment({ callAction: 3 }, { callAction: 3 })]
  const results = judgeDerivedChecks(derived, onlyErrors)
  const shape = results.find((r) => r.id === 'SHAPE.callAction.answers')
  assert.equal(shape?.status, 'skipped')
  assert.equal(shape?.reason, 'no success answer of callAction was seen')
  assert.equal(results.find((r) => r.id === 'S13.callAction.error-answers')?.status, 'passed')
  for (const result of results.filter((r) => r.operation === 'callAction' && r.id.endsWith('.answers')))
    assert.notEqual(result.status, 'passed', `${result.id} saw no success answer`)
})

test('one success answer among errors is what the success checks judge', () => {
  const results = judgeDerivedChecks(derived, [attachment({ callAction: 3 }, { callAction: 2 })])
  assert.equal(results.find((r) => r.id === 'SHAPE.callAction.answers')?.status, 'passed')
})

test('in a run that did not run every check, what no check called is not run', () => {
  const results = judgeDerivedChecks(derived, [attachment({ createUser: 1 }, {})], undefined, true)
  assert.equal(results.find((r) => r.id === 'SHAPE.createUser.answers')?.status, 'passed')
  const unseen = results.find((r) => r.id === 'SHAPE.getUser.answers')
  assert.equal(unseen?.status, 'not run')
  assert.match(unseen?.reason ?? '', /^not run: no success answer of getUser was seen/)
})
