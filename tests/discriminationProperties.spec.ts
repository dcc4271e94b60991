// Get-or-create discrimination (S6) over random tags and discriminators, for users,
// conversations and messages; CONFORMANCE_CASES cases each, replayed by CONFORMANCE_SEED.
import { certify } from '../src/harness/checks/check.ts'
import { discriminationProperty } from '../src/harness/checks/discriminationPropertyChecks.ts'
import { taggedKinds } from '../src/harness/checks/resourceKinds.ts'

taggedKinds.map(discriminationProperty).forEach(certify)
