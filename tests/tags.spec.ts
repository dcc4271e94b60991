// tag values: listTagValues lists the values of a key for each resource type (S7), and its valid
// call and failure paths (SHAPE, S13).
import { checkTests } from '../src/harness/runner/checkTests.ts'
import { test } from '../src/harness/runner/playwrightTest.ts'

for (const t of checkTests('tags', 'tag-values')) test(t.title, t.details, t.body)
for (const t of checkTests('tags', 'operations')) test(t.title, t.details, t.body)
