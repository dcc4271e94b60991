// actions: callAction with the configured action and an unknown one (S12), and callAction's valid
// call and failure paths (S13). Skipped, with the reason, when no action is configured.
import { checkTests } from '../src/harness/runner/checkTests.ts'
import { test } from '../src/harness/runner/playwrightTest.ts'

for (const t of checkTests('actions', 'behaviour')) test(t.title, t.details, t.body)
for (const t of checkTests('actions', 'operations')) test(t.title, t.details, t.body)
