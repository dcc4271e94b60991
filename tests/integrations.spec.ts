// integrations: configureIntegration in and out of an integration's context (S12), and its valid
// call and failure paths (S13). Skipped, with the reason, when no integration is configured.
import { checkTests } from '../src/harness/runner/checkTests.ts'
import { test } from '../src/harness/runner/playwrightTest.ts'

for (const t of checkTests('integrations', 'behaviour')) test(t.title, t.details, t.body)
for (const t of checkTests('integrations', 'operations')) test(t.title, t.details, t.body)
