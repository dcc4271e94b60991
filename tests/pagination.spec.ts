// Lists (S7): many resources, then random tag filters and sorts, each walked page by page: every
// match exactly once, filters and order on every page.
import { checkTests } from '../src/harness/runner/checkTests.ts'
import { test } from '../src/harness/runner/playwrightTest.ts'

for (const t of checkTests('pagination', 'users')) test(t.title, t.details, t.body)
for (const t of checkTests('pagination', 'conversations')) test(t.title, t.details, t.body)
for (const t of checkTests('pagination', 'messages')) test(t.title, t.details, t.body)
