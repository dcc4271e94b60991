// tag values: listTagValues for each documented type (S7, S4), and its valid call and failure
// paths (SHAPE, S13, S4).
import { certify } from '../src/harness/checks/check.ts'
import { operationChecks } from '../src/harness/checks/operationChecks.ts'
import { tagValueChecks } from '../src/harness/checks/tagValueChecks.ts'

tagValueChecks().forEach(certify)
operationChecks('tags').forEach(certify)
