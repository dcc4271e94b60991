// Tags (S5, S7) over random tag maps: round trips, updates that set and unset, exact tag filters.
import { checkTests } from '../src/harness/runner/checkTests.ts'
import { test } from '../src/harness/runner/playwrightTest.ts'

for (const t of checkTests('tagProperties', 'users')) test(t.title, t.details, t.body)
for (const t of checkTests('tagProperties', 'conversations')) test(t.title, t.details, t.body)
for (const t of checkTests('tagProperties', 'messages')) test(t.title, t.details, t.body)
