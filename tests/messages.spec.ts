// messages: read after write (S8), rejected requests (S13, SHAPE), tags (S5), the documented
// get-or-create example (S6), lists (S7), dates (S2) and direction (S4).
import { certify } from '../src/harness/checks/check.ts'
import { messageDirectionChecks } from '../src/harness/checks/messageChecks.ts'
import { messageKind } from '../src/harness/checks/resourceKinds.ts'
import { taggedResourceChecks } from '../src/harness/checks/taggedResourceChecks.ts'

taggedResourceChecks(messageKind).forEach(certify)
messageDirectionChecks.forEach(certify)
