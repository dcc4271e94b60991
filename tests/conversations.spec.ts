// conversations: read after write (S8), rejected requests (S13, SHAPE), tags (S5), the documented
// get-or-create example (S6), lists (S7) and dates (S2).
import { certify } from '../src/harness/checks/check.ts'
import { conversationKind } from '../src/harness/checks/resourceKinds.ts'
import { taggedResourceChecks } from '../src/harness/checks/taggedResourceChecks.ts'

taggedResourceChecks(conversationKind).forEach(certify)
