// Enumerated inputs (S4): every documented value accepted, values outside the set rejected with
// 400. Derived from schemas/ (fixtures/enumerations.ts). Enumerated outputs (direction, event
// status, state type) are checked on every answer the run sees: S4.<operation>.answers.
import { certify } from '../src/harness/checks/check.ts'
import { enumerationChecks } from '../src/harness/checks/enumerationChecks.ts'

enumerationChecks().forEach(certify)
