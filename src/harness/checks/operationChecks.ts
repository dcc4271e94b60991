// The checks every operation gets from its entry in validCalls.ts: a valid call answers the
// documented status with a body that fits the contract, and each failure path its contract
// gives answers the documented error. An area's spec registers these for its operations.
import { operation, operations, type OperationId } from '../../contract/operations.ts'
import { defineCheck, type Check } from './check.ts'
import { expectSuccess } from './expectations.ts'
import { requestRejectionChecks } from './requestRejectionChecks.ts'
import { validCalls } from './validCalls.ts'

export const validCallAnswers = (id: OperationId): Check => {
  const recipe = validCalls[id]
  return defineCheck(
    {
      id: `${recipe.rule ?? 'SHAPE'}.${id}.valid-call`,
      operation: id,
      summary: `a valid ${id} call answers ${operation(id).status} with a body that fits the contract`,
      ...(recipe.needs ? { needs: recipe.needs } : {}),
    },
    async (f) => {
      expectSuccess(await f.api.call(id, await recipe.prepare(f)))
    },
  )
}

/** The operations of one API area (operations.json's `area`: users, states, …). */
export function operationsOf(area: string): OperationId[] {
  const ids = [...operations.values()].filter((op) => op.area === area).map((op) => op.id)
  if (ids.length === 0) throw new Error(`no operation has area ${area}`)
  return ids
}

export const operationChecks = (area: string): Check[] =>
  operationsOf(area).flatMap((id) => [validCallAnswers(id), ...requestRejectionChecks(id)])
