// Simultaneous get-or-create calls with the same input (S6, usage): one resource, not several.
import { certify } from '../src/harness/checks/check.ts'
import { concurrentGetOrCreateOneId } from '../src/harness/checks/raceChecks.ts'
import { taggedKinds } from '../src/harness/checks/resourceKinds.ts'

taggedKinds.map(concurrentGetOrCreateOneId).forEach(certify)
