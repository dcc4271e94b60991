// events: read after write (S8), status and schedules, listEvents filters (S10), the type's length
// (S3), and every events operation's valid call and failure paths (SHAPE, S13).
import { certify } from '../src/harness/checks/check.ts'
import { eventChecks } from '../src/harness/checks/eventChecks.ts'
import { operationChecks } from '../src/harness/checks/operationChecks.ts'

eventChecks.forEach(certify)
operationChecks('events').forEach(certify)
