// participants: added, listed, fetched, removed (S9), and every participants operation's valid call
// and failure paths (SHAPE, S13).
import { checkTests } from '../src/harness/runner/checkTests.ts'
import { test } from '../src/harness/runner/playwrightTest.ts'

for (const t of checkTests('participants', 'behaviour')) test(t.title, t.details, t.body)
for (const t of checkTests('participants', 'operations')) test(t.title, t.details, t.body)
