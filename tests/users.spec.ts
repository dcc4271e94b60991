// users: read after write (S8), tag updates (S5), the documented get-or-create example (S6), lists (S7),
// dates (S2), and every users operation's valid call and failure paths (SHAPE, S13).
import { checkTests } from '../src/harness/runner/checkTests.ts'
import { test } from '../src/harness/runner/playwrightTest.ts'

for (const t of checkTests('users', 'read-after-write')) test(t.title, t.details, t.body)
for (const t of checkTests('users', 'tags')) test(t.title, t.details, t.body)
for (const t of checkTests('users', 'get-or-create')) test(t.title, t.details, t.body)
for (const t of checkTests('users', 'lists')) test(t.title, t.details, t.body)
for (const t of checkTests('users', 'dates')) test(t.title, t.details, t.body)
for (const t of checkTests('users', 'operations')) test(t.title, t.details, t.body)
