// conversations: read after write (S8), tags (S5), the documented get-or-create example (S6),
// lists (S7, participant filter too), dates (S2), and every conversations operation's valid call
// and failure paths (SHAPE, S13).
import { certify } from '../src/harness/checks/check.ts'
import { participantFilter, tagFilterInBrackets } from '../src/harness/checks/listChecks.ts'
import { operationChecks } from '../src/harness/checks/operationChecks.ts'
import { conversationKind } from '../src/harness/checks/resourceKinds.ts'
import { taggedResourceChecks } from '../src/harness/checks/taggedResourceChecks.ts'

taggedResourceChecks(conversationKind).forEach(certify)
certify(tagFilterInBrackets(conversationKind))
certify(participantFilter)
operationChecks('conversations').forEach(certify)
