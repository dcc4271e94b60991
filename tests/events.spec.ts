// events: created with and without a schedule, failureReason, listEvents filters (S10), read after
// write (S8), and every events operation's valid call and failure paths (SHAPE, S13); with the spec
// scope (CONFORMANCE_SPEC_SCOPE), cancelScheduledEvent (S16) and its valid call and failure paths.
import { checkTests } from '../src/harness/runner/checkTests.ts'
import { test } from '../src/harness/runner/playwrightTest.ts'

for (const t of checkTests('events', 'behaviour')) test(t.title, t.details, t.body)
for (const t of checkTests('events', 'operations')) test(t.title, t.details, t.body)
for (const t of checkTests('events', 'cancel-scheduled')) test(t.title, t.details, t.body)
for (const t of checkTests('events', 'spec-operations')) test(t.title, t.details, t.body)
