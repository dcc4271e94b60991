// Tags over random maps (S5: round trip, set and unset) and tag filters (S7), for users,
// conversations and messages; CONFORMANCE_CASES cases each, replayed by CONFORMANCE_SEED.
import { certify } from '../src/harness/checks/check.ts'
import { taggedKinds } from '../src/harness/checks/resourceKinds.ts'
import { tagPropertyChecks } from '../src/harness/checks/tagPropertyChecks.ts'

taggedKinds.flatMap(tagPropertyChecks).forEach(certify)
