// Length limits (S1 ids, S3 strings, S10 schedule dates) of every request field, at and one past
// each limit, and documented number ranges (S11 expiry) at and one past each end: the tables are
// derived from schemas/ (fixtures/lengthBoundaries.ts, fixtures/rangeBoundaries.ts).
import { lengthBoundaryChecks } from '../src/harness/checks/boundaryChecks.ts'
import { certify } from '../src/harness/checks/check.ts'
import { rangeBoundaryChecks } from '../src/harness/checks/rangeChecks.ts'

lengthBoundaryChecks().forEach(certify)
rangeBoundaryChecks().forEach(certify)
