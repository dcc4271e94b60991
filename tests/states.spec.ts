// states: set, get, get-or-set, patch, expiry, deletion and never-set states (S11), every state type
// in the path (S4), and every states operation's valid call and failure paths (SHAPE, S13, S4).
import { certify } from '../src/harness/checks/check.ts'
import { operationChecks } from '../src/harness/checks/operationChecks.ts'
import { stateChecks } from '../src/harness/checks/stateChecks.ts'

stateChecks().forEach(certify)
operationChecks('states').forEach(certify)
