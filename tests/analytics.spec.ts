// analytics (the spec scope, CONFORMANCE_SPEC_SCOPE): trackAnalytics' count (S19) and its valid
// call and failure paths (SHAPE, S13); its name's length is in the boundaries' tables.
import { checkTests } from '../src/harness/runner/checkTests.ts'
import { test } from '../src/harness/runner/playwrightTest.ts'

for (const t of checkTests('analytics', 'behaviour')) test(t.title, t.details, t.body)
for (const t of checkTests('analytics', 'operations')) test(t.title, t.details, t.body)
