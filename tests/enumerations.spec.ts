// Enumerations (S4): every documented value of every enumerated input is accepted, values outside
// the set are rejected; the table is derived from schemas/ (fixtures/enumerations.ts).
import { checkTests } from '../src/harness/runner/checkTests.ts'
import { test } from '../src/harness/runner/playwrightTest.ts'

for (const t of checkTests('enumerations', 'enumerations')) test(t.title, t.details, t.body)
