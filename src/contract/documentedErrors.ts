// The error answers the documents prescribe, as checks expect them: every status and every error
// type the documents allow in a situation (a list where the choice is [open]).

export interface ExpectedError {
  /** Every status the documents allow here. */
  status: number | readonly number[]
  /** Every error type the documents allow here; any documented type when omitted. */
  type?: string | readonly string[]
}

/** An id that names nothing (S8, S13). */
export const notFound = { status: 404, type: 'ResourceNotFound' } as const satisfies ExpectedError
/** A body that breaks its schema (S13). */
export const invalidPayload = { status: 400, type: 'InvalidPayload' } as const satisfies ExpectedError
/** No bearer token, or a wrong one (S13). */
export const unauthorized = { status: 401, type: 'Unauthorized' } as const satisfies ExpectedError
/** The error types of an invalid request: a bad query parameter may get either ([open]). */
export const invalidRequestTypes = ['InvalidPayload', 'InvalidQuery'] as const
/** A bad query parameter: InvalidPayload or InvalidQuery, which one is [open]. */
export const invalidQuery = { status: 400, type: invalidRequestTypes } as const satisfies ExpectedError
/** A reference to a user that does not exist (S9): 404, or 400 ReferenceNotFound ([open] which). */
export const unknownReference = {
  status: [404, 400],
  type: ['ResourceNotFound', 'ReferenceNotFound'],
} as const satisfies ExpectedError
