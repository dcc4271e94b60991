// Races (S6, strict): simultaneous identical get-or-create calls give one resource.
import { checkTests } from '../src/harness/runner/checkTests.ts'
import { test } from '../src/harness/runner/playwrightTest.ts'

for (const t of checkTests('races', 'users')) test(t.title, t.details, t.body)
for (const t of checkTests('races', 'conversations')) test(t.title, t.details, t.body)
for (const t of checkTests('races', 'messages')) test(t.title, t.details, t.body)
