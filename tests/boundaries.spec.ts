// Length limits (S1 ids, S3 strings, S10 schedule dates) of every request field, at and one past
// each limit, and documented number ranges (S11 expiry) at and one past each end: the tables are
// derived from schemas/ (fixtures/lengthBoundaries.ts, fixtures/rangeBoundaries.ts).
import { checkTests } from '../src/harness/runner/checkTests.ts'
import { test } from '../src/harness/runner/playwrightTest.ts'

for (const t of checkTests('boundaries', 'lengths')) test(t.title, t.details, t.body)
for (const t of checkTests('boundaries', 'ranges')) test(t.title, t.details, t.body)
