// messages: read after write (S8), tag updates (S5), the documented get-or-create example (S6), lists
// (S7), dates (S2), direction (S4), and every messages operation's valid call and failure paths
// (SHAPE, S13); with the spec scope (CONFORMANCE_SPEC_SCOPE), importMessages (S17),
// initializeIncomingMessage (S18) and their valid calls and failure paths.
import { checkTests } from '../src/harness/runner/checkTests.ts'
import { test } from '../src/harness/runner/playwrightTest.ts'

for (const t of checkTests('messages', 'read-after-write')) test(t.title, t.details, t.body)
for (const t of checkTests('messages', 'tags')) test(t.title, t.details, t.body)
for (const t of checkTests('messages', 'get-or-create')) test(t.title, t.details, t.body)
for (const t of checkTests('messages', 'lists')) test(t.title, t.details, t.body)
for (const t of checkTests('messages', 'dates')) test(t.title, t.details, t.body)
for (const t of checkTests('messages', 'direction')) test(t.title, t.details, t.body)
for (const t of checkTests('messages', 'operations')) test(t.title, t.details, t.body)
for (const t of checkTests('messages', 'import')) test(t.title, t.details, t.body)
for (const t of checkTests('messages', 'initialize')) test(t.title, t.details, t.body)
for (const t of checkTests('messages', 'spec-operations')) test(t.title, t.details, t.body)
