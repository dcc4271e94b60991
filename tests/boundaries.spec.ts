// Length limits (S1 ids, S3 strings, S10 schedule dates) of every request field, at and one past
// each limit: the table is derived from schemas/ (fixtures/lengthBoundaries.ts).
import { lengthBoundaryChecks } from '../src/harness/checks/boundaryChecks.ts'
import { certify } from '../src/harness/checks/check.ts'

lengthBoundaryChecks().forEach(certify)
