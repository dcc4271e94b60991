// tasks (the spec scope, CONFORMANCE_SPEC_SCOPE): read after write, updates that keep what they
// are not sent, delete then 404, listTasks' filters, order and pages (S14), and every tasks
// operation's valid call and failure paths (SHAPE, S13).
import { checkTests } from '../src/harness/runner/checkTests.ts'
import { test } from '../src/harness/runner/playwrightTest.ts'

for (const t of checkTests('tasks', 'read-after-write')) test(t.title, t.details, t.body)
for (const t of checkTests('tasks', 'lists')) test(t.title, t.details, t.body)
for (const t of checkTests('tasks', 'operations')) test(t.title, t.details, t.body)
