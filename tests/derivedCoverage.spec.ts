// Cases derived from the contract rather than listed (fixtures/derivedCases.ts), one check per
// operation and place: every body broken in each way its schema gives (S13), every query
// parameter in a shape its schema refuses (S13), every documented filter alone and with one other
// over resources inside and outside it (S7, S10). The report counts the cases run per operation.
import { checkTests } from '../src/harness/runner/checkTests.ts'
import { test } from '../src/harness/runner/playwrightTest.ts'

for (const t of checkTests('derivedCoverage', 'bodies')) test(t.title, t.details, t.body)
for (const t of checkTests('derivedCoverage', 'queries')) test(t.title, t.details, t.body)
for (const t of checkTests('derivedCoverage', 'filters')) test(t.title, t.details, t.body)
