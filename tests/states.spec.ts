// states: set, get, get-or-set, patch, expiry (S11), the documented state types (S4), and every
// states operation's valid call and failure paths (SHAPE, S13).
import { checkTests } from '../src/harness/runner/checkTests.ts'
import { test } from '../src/harness/runner/playwrightTest.ts'

for (const t of checkTests('states', 'behaviour')) test(t.title, t.details, t.body)
for (const t of checkTests('states', 'operations')) test(t.title, t.details, t.body)
