// What "accepted" and "rejected as invalid" mean for a probe that changes one field of a valid
// request: the answers the documents allow, per place the field travels.
import type { FieldLocation } from '../../../fixtures/contractFields.ts'
import { invalidPayload, invalidQuery, invalidRequestTypes } from '../../contract/documentedErrors.ts'
import type { Reply } from '../client/runtimeClient.ts'
import { expectError, expectSuccess, expectThat, type ExpectedError } from './expectations.ts'
import { observe } from './observations.ts'
import type { UnknownIdAnswer } from './operationRequests.ts'

/** A body that breaks its schema (S13); a bad query parameter ([open]: either type); a bad path segment (S3, S4: 400). */
export function invalidRequest(location: FieldLocation): ExpectedError {
  if (location === 'body') return invalidPayload
  if (location === 'query') return invalidQuery
  return { status: 400 }
}

/** "400 InvalidPayload or InvalidQuery", for titles. */
export function describeRejection(expected: ExpectedError): string {
  return [expected.status, ...(expected.type === undefined ? [] : [[expected.type].flat().join(' or ')])]
    .flat()
    .join(' ')
}

/**
 * Not refused as invalid: success, or refused because what the request names does not exist
 * (404, or a 400 of another type such as ReferenceNotFound: S1, S9, S12 and the [open] choices).
 */
export function expectNotInvalid(reply: Reply, context: string): void {
  if (reply.status === reply.operation.status) {
    expectSuccess(reply, context)
    return
  }
  const type = (reply.json as { type?: unknown } | undefined)?.type
  expectThat(
    reply.status === 404 ||
      (reply.status === 400 && !(invalidRequestTypes as readonly string[]).includes(type as string)),
    reply,
    `${context} answered ${reply.status}${typeof type === 'string' ? ` ${type}` : ''} (expected ${reply.operation.status}, 404, or a 400 other than ${invalidRequestTypes.join('/')}: the documents allow this value)`,
  )
  expectError(reply, { status: [400, 404] }, context)
}

/**
 * A request that names something that never existed (a path id, an id in a body): the error the
 * documents give for it, or, where they leave it open, success too; what the target chose is
 * recorded as an observation.
 */
export function expectUnknownReference(reply: Reply, answer: UnknownIdAnswer, context: string): void {
  if (answer.mayAccept && reply.status === reply.operation.status) {
    expectSuccess(reply, context)
    observe(`${reply.operation.id} ${context} succeeded (${answer.mayAccept})`)
    return
  }
  expectError(reply, answer.expected, context)
  if (answer.mayAccept || [answer.expected.status].flat().length > 1)
    observe(`${reply.operation.id} ${context} answered ${reply.status}${errorType(reply)}`)
}

function errorType(reply: Reply): string {
  const type = (reply.json as { type?: unknown } | undefined)?.type
  return typeof type === 'string' ? ` ${type}` : ''
}
