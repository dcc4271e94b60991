// Lists across several pages (S7): each resource once, filters on every page, both sort
// directions; CONFORMANCE_LIST_SIZE resources per list.
import { certify } from '../src/harness/checks/check.ts'
import { paginationChecks } from '../src/harness/checks/paginationChecks.ts'
import { taggedKinds } from '../src/harness/checks/resourceKinds.ts'

taggedKinds.flatMap(paginationChecks).forEach(certify)
