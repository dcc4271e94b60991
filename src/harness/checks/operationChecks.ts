// The checks every operation gets from its entry in operationRequests.ts: a valid call answers the
// documented status with a body that fits the contract, and each failure path its contract
// gives answers the documented error. An area's spec registers these for its operations.
import { operation, operations, type OperationId } from '../../contract/operations.ts'
import { defineCheck, type Check } from './check.ts'
import { expectSuccess } from './expectations.ts'
import { requestRejectionChecks } from './requestRejectionChecks.ts'
import { operationRequests, validRequest } from './operationRequests.ts'

const validCallAnswers = (id: OperationId): Check => {
  const entry = operationRequests[id]
  return defineCheck(
    {
      id: `${entry.rule ?? 'SHAPE'}.${id}.valid-call`,
      operation: id,
      summary: `a valid ${id} call answers ${operation(id).status} with a body that fits the contract`,
      ...(entry.needs ? { needs: entry.needs } : {}),
    },
    async (f) => {
      expectSuccess(await f.api.call(id, await validRequest(f, id)))
    },
  )
}

/** The operations of one API area (operations.json's `area`: users, states, …). */
function operationsOf(area: string): OperationId[] {
  const ids = [...operations.values()].filter((op) => op.area === area).map((op) => op.id)
  if (ids.length === 0) throw new Error(`no operation has area ${area}`)
  return ids
}

export const operationChecks = (area: string): Check[] =>
  operationsOf(area).flatMap((id) => [validCallAnswers(id), ...requestRejectionChecks(id)])
