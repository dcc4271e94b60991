// actions: the configured action (S12, needs CONFORMANCE_ACTION), an unknown action type (S12),
// and callAction's failure paths (S13, SHAPE).
import { actionChecks } from '../src/harness/checks/actionChecks.ts'
import { certify } from '../src/harness/checks/check.ts'
import { operationChecks } from '../src/harness/checks/operationChecks.ts'

actionChecks.forEach(certify)
operationChecks('actions').forEach(certify)
