// The checks every operation gets from its entry in operationRequests.ts: a valid call answers the
// documented status with a body that fits the contract, and each failure path its contract
// gives answers the documented error. An area's spec registers these for its operations.
import {
  chatOperation,
  operations,
  specOperations,
  type ChatOperation,
  type ChatOperationId,
} from '../../contract/operations.ts'
import { defineCheck, type Check } from './check.ts'
import { expectSuccess } from './expectations.ts'
import { requestRejectionChecks } from './requestRejectionChecks.ts'
import { operationRequests, validRequest } from './operationRequests.ts'

const validCallAnswers = (id: ChatOperationId): Check => {
  const entry = operationRequests[id]
  return defineCheck(
    {
      id: `${entry.rule ?? 'SHAPE'}.${id}.valid-call`,
      operation: id,
      summary: `a valid ${id} call answers ${chatOperation(id).status} with a body that fits the contract`,
      ...(entry.needs ? { needs: entry.needs } : {}),
    },
    async (f) => {
      expectSuccess(await f.api.call(id, await validRequest(f, id)))
    },
  )
}

/** The operations of one API area (operations.json's `area`: users, states, …) among `from`. */
function operationsOf(area: string, from: Iterable<ChatOperation>): ChatOperationId[] {
  const ids = [...from].filter((op) => op.area === area).map((op) => op.id)
  if (ids.length === 0) throw new Error(`no operation has area ${area}`)
  return ids
}

const checksOf = (ids: ChatOperationId[]): Check[] =>
  ids.flatMap((id) => [validCallAnswers(id), ...requestRejectionChecks(id)])

/** The per-operation checks of an area's documented operations. */
export const operationChecks = (area: string): Check[] => checksOf(operationsOf(area, operations.values()))

/** The per-operation checks of an area's spec-scope operations (they need CONFORMANCE_SPEC_SCOPE). */
export const specOperationChecks = (area: string): Check[] => checksOf(operationsOf(area, specOperations.values()))
