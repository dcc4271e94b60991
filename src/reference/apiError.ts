// Errors the reference answers with: a documented type, its documented status (read from
// schemas/error.json, the one place that pairs them) and a message for a person.
import { contractSchemas } from '../contract/schemaRegistry.ts'
import { newId } from './clock.ts'

export type ErrorType =
  | 'Unauthorized'
  | 'Forbidden'
  | 'InvalidPayload'
  | 'InvalidQuery'
  | 'ResourceNotFound'
  | 'ReferenceNotFound'
  | 'UnsupportedMediaType'
  | 'PayloadTooLarge'
  | 'MethodNotFound'
  | 'RateLimited'
  | 'Internal'

const statusOfType: ReadonlyMap<string, number> = new Map(
  (
    (contractSchemas().files.get('error.json')?.oneOf ?? []) as {
      properties: { type: { const: string }; code: { const: number } }
    }[]
  ).map((branch) => [branch.properties.type.const, branch.properties.code.const]),
)

function statusOf(type: ErrorType): number {
  const status = statusOfType.get(type)
  if (status === undefined) throw new Error(`error type ${type} is not in schemas/error.json`)
  return status
}

export class ApiError extends Error {
  readonly status: number

  constructor(
    readonly type: ErrorType,
    message: string,
  ) {
    super(message)
    this.status = statusOf(type)
  }

  body(): { id: string; code: number; type: ErrorType; message: string } {
    return { id: newId('err'), code: this.status, type: this.type, message: this.message }
  }
}

export function notFound(what: string, id: string): ApiError {
  return new ApiError('ResourceNotFound', `${what} ${JSON.stringify(id)} does not exist`)
}
