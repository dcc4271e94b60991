// S13 and the request side of the contract: a body that breaks its schema answers 400
// InvalidPayload, a missing or wrong token 401 Unauthorized, with the documented error body.
import { defineCheck, type Check } from './check.ts'
import { expectError } from './expectations.ts'
import type { TaggedKind } from './resourceKinds.ts'

export const invalidPayload = { status: 400, type: 'InvalidPayload' } as const
export const unauthorized = { status: 401, type: 'Unauthorized' } as const

export const missingFieldRejected = (kind: TaggedKind): Check =>
  defineCheck(
    {
      id: `S13.${kind.name}.missing-field-400`,
      operation: kind.ops.create,
      summary: `${kind.ops.create} without ${kind.requiredField} answers 400 InvalidPayload`,
    },
    async (f) => {
      const { [kind.requiredField]: _dropped, ...body } = await kind.newBody(f, {})
      expectError(await f.api.call(kind.ops.create, { body }), invalidPayload, `without ${kind.requiredField}`)
    },
  )

export const unknownPropertyRejected = (kind: TaggedKind): Check =>
  defineCheck(
    {
      id: `SHAPE.${kind.name}.unknown-property-400`,
      operation: kind.ops.create,
      summary: `${kind.ops.create} with a property the contract does not list answers 400 InvalidPayload`,
    },
    async (f) => {
      const body = { ...(await kind.newBody(f, {})), conformanceUndocumented: true }
      expectError(await f.api.call(kind.ops.create, { body }), invalidPayload, 'with an undocumented property')
    },
  )

export const missingTokenRejected = (kind: TaggedKind): Check =>
  defineCheck(
    {
      id: `S13.${kind.name}.no-token-401`,
      operation: kind.ops.list,
      summary: `${kind.ops.list} without a bearer token answers 401 Unauthorized`,
    },
    async (f) => {
      expectError(await f.api.call(kind.ops.list, { auth: 'none' }), unauthorized, 'without Authorization')
    },
  )

export const wrongTokenRejected = (kind: TaggedKind): Check =>
  defineCheck(
    {
      id: `S13.${kind.name}.wrong-token-401`,
      operation: kind.ops.create,
      summary: `${kind.ops.create} with a wrong bearer token answers 401 Unauthorized`,
    },
    async (f) => {
      const body = await kind.newBody(f, {})
      expectError(await f.api.call(kind.ops.create, { body, auth: 'wrong' }), unauthorized, 'with a wrong token')
    },
  )

export const requestRejectionChecks = (kind: TaggedKind): Check[] => [
  missingFieldRejected(kind),
  unknownPropertyRejected(kind),
  missingTokenRejected(kind),
  wrongTokenRejected(kind),
]
