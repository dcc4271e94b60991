// conversations: read after write (S8), tag updates (S5), the documented get-or-create example (S6),
// lists and the participant filter (S7), dates (S2), and every conversations operation's valid call
// and failure paths (SHAPE, S13).
import { checkTests } from '../src/harness/runner/checkTests.ts'
import { test } from '../src/harness/runner/playwrightTest.ts'

for (const t of checkTests('conversations', 'read-after-write')) test(t.title, t.details, t.body)
for (const t of checkTests('conversations', 'tags')) test(t.title, t.details, t.body)
for (const t of checkTests('conversations', 'get-or-create')) test(t.title, t.details, t.body)
for (const t of checkTests('conversations', 'lists')) test(t.title, t.details, t.body)
for (const t of checkTests('conversations', 'participant-filter')) test(t.title, t.details, t.body)
for (const t of checkTests('conversations', 'dates')) test(t.title, t.details, t.body)
for (const t of checkTests('conversations', 'operations')) test(t.title, t.details, t.body)
