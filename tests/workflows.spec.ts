// workflows (the spec scope, CONFORMANCE_SPEC_SCOPE): read after write, the eventId of a workflow
// in_progress, getOrCreateWorkflow by tags and status group, listWorkflows' filters, order and
// pages (S15), and every workflows operation's valid call and failure paths (SHAPE, S13).
import { checkTests } from '../src/harness/runner/checkTests.ts'
import { test } from '../src/harness/runner/playwrightTest.ts'

for (const t of checkTests('workflows', 'read-after-write')) test(t.title, t.details, t.body)
for (const t of checkTests('workflows', 'status')) test(t.title, t.details, t.body)
for (const t of checkTests('workflows', 'get-or-create')) test(t.title, t.details, t.body)
for (const t of checkTests('workflows', 'lists')) test(t.title, t.details, t.body)
for (const t of checkTests('workflows', 'operations')) test(t.title, t.details, t.body)
