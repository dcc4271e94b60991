// The suite covers every documented operation with a failure path and every rule with a check,
// and docs/coverage.md shows the current table (npm run coverage writes it).
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { test } from 'node:test'
import { catalogue } from '../../src/harness/catalogue/catalogue.ts'
import {
  catalogueChecks,
  coverageByOperation,
  coverageGaps,
  coverageTable,
  withCoverageTable,
  type ListedCheck,
} from '../../src/harness/reporting/coverage.ts'

const checks = catalogueChecks(catalogue().entries)

test('no operation lacks a failure-path check, and no rule a check', () => {
  assert.deepEqual(coverageGaps(checks), [])
})

test('docs/coverage.md holds the current coverage table (npm run coverage)', () => {
  const readme = readFileSync('docs/coverage.md', 'utf8')
  assert.equal(withCoverageTable(readme, coverageTable(coverageByOperation(checks))), readme)
})

test('a gap is named: an operation with only successful calls, a rule without a check', () => {
  const only: ListedCheck[] = [
    { id: 'SHAPE.getUser.valid-call', operation: 'getUser', rule: 'SHAPE', failurePath: false },
  ]
  const gaps = coverageGaps(only)
  assert.ok(gaps.includes('getUser has no failure-path check'))
  assert.ok(gaps.includes('createUser has no check of a successful call'))
  assert.ok(gaps.includes('rule S11 has no check'))
})
