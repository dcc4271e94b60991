// users: read after write (S8), tags (S5), the documented get-or-create example (S6), lists (S7),
// dates (S2), and every users operation's valid call and failure paths (SHAPE, S13).
import { certify } from '../src/harness/checks/check.ts'
import { tagFilterInBrackets } from '../src/harness/checks/listChecks.ts'
import { operationChecks } from '../src/harness/checks/operationChecks.ts'
import { userKind } from '../src/harness/checks/resourceKinds.ts'
import { taggedResourceChecks } from '../src/harness/checks/taggedResourceChecks.ts'

taggedResourceChecks(userKind).forEach(certify)
certify(tagFilterInBrackets(userKind))
operationChecks('users').forEach(certify)
