// Get-or-create (S6) over random tag maps and discriminators: the resource whose listed tags
// match is returned, else a new one is created.
import { checkTests } from '../src/harness/runner/checkTests.ts'
import { test } from '../src/harness/runner/playwrightTest.ts'

for (const t of checkTests('discriminationProperties', 'users')) test(t.title, t.details, t.body)
for (const t of checkTests('discriminationProperties', 'conversations')) test(t.title, t.details, t.body)
for (const t of checkTests('discriminationProperties', 'messages')) test(t.title, t.details, t.body)
