// messages: read after write (S8), tags (S5), the documented get-or-create example (S6), lists
// (S7), dates (S2), direction (S4), and every messages operation's valid call and failure paths
// (SHAPE, S13).
import { certify } from '../src/harness/checks/check.ts'
import { tagFilterInBrackets } from '../src/harness/checks/listChecks.ts'
import { messageDirectionChecks } from '../src/harness/checks/messageChecks.ts'
import { operationChecks } from '../src/harness/checks/operationChecks.ts'
import { messageKind } from '../src/harness/checks/resourceKinds.ts'
import { taggedResourceChecks } from '../src/harness/checks/taggedResourceChecks.ts'

taggedResourceChecks(messageKind).forEach(certify)
certify(tagFilterInBrackets(messageKind))
messageDirectionChecks.forEach(certify)
operationChecks('messages').forEach(certify)
