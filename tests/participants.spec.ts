// participants: add, get, list, remove and unknown users (S9), the userId's length (S1), and every
// participants operation's valid call and failure paths (SHAPE, S13).
import { certify } from '../src/harness/checks/check.ts'
import { operationChecks } from '../src/harness/checks/operationChecks.ts'
import { participantChecks } from '../src/harness/checks/participantChecks.ts'

participantChecks.forEach(certify)
operationChecks('participants').forEach(certify)
