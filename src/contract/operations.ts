// The 33 documented operations, read from schemas/operations.json (the one list of them).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { schemasDir } from './schemaRegistry.ts'

type OperationsDocument = typeof import('../../schemas/operations.json')
export type OperationId = keyof OperationsDocument['operations']

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

export interface Operation {
  id: OperationId
  method: HttpMethod
  /** Path template with {name} placeholders, e.g. /v1/chat/users/{id}. */
  path: string
  /** The documented success status. */
  status: number
  area: string
  params?: string
  query?: string
  request?: string
  response: string
}

const document = JSON.parse(readFileSync(join(schemasDir, 'operations.json'), 'utf8')) as {
  operations: Record<string, Omit<Operation, 'id'>>
}

export const operations: ReadonlyMap<OperationId, Operation> = new Map(
  Object.entries(document.operations).map(([id, op]) => [id as OperationId, { id: id as OperationId, ...op }]),
)

export function operation(id: OperationId): Operation {
  const op = operations.get(id)
  if (!op) throw new Error(`unknown operation ${id}`)
  return op
}

/** Names of the {placeholders} of a path template, in order. */
export function pathParameterNames(path: string): string[] {
  return [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1] as string)
}

/** Fills a path template; every value is percent-encoded as one path segment. */
export function fillPath(path: string, values: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name]
    if (value === undefined) throw new Error(`missing path parameter ${name} for ${path}`)
    return encodeURIComponent(value)
  })
}
