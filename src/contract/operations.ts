// The chat operations, read from schemas/operations.json (the one list of them): the 33
// documented operations (`operations`, what the harness certifies today) and the 15 further
// operations of the published API document (`specOperations`, the spec scope: tasks,
// workflows, cancelling a scheduled event, importing messages, initializing an incoming
// message, analytics; rules S14-S19). `allOperations` holds the 48.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { schemasDir } from './schemaRegistry.ts'

type OperationsDocument = typeof import('../../schemas/operations.json')
/** One of the 33 documented operations. */
export type OperationId = keyof OperationsDocument['operations']
/** One of the 15 operations of the spec scope. */
export type SpecOperationId = keyof OperationsDocument['specOperations']
/** Any of the 48 chat operations. */
export type ChatOperationId = OperationId | SpecOperationId

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

/** An operation of the spec scope: the same facts, another id. */
export interface SpecOperation extends Omit<Operation, 'id'> {
  id: SpecOperationId
}

export type ChatOperation = Operation | SpecOperation

type Entries = Record<string, Omit<Operation, 'id'>>
const document = JSON.parse(readFileSync(join(schemasDir, 'operations.json'), 'utf8')) as {
  operations: Entries
  specOperations: Entries
}

function withIds<Id extends ChatOperationId>(entries: Entries): Map<Id, Omit<Operation, 'id'> & { id: Id }> {
  return new Map(Object.entries(entries).map(([id, op]) => [id as Id, { id: id as Id, ...op }]))
}

/** The 33 documented operations, in the order of operations.json. */
export const operations: ReadonlyMap<OperationId, Operation> = withIds<OperationId>(document.operations)

/** The 15 operations of the spec scope, in the order of operations.json. */
export const specOperations: ReadonlyMap<SpecOperationId, SpecOperation> = withIds<SpecOperationId>(
  document.specOperations,
)

/** The 48: the documented ones first. */
export const allOperations: ReadonlyMap<ChatOperationId, ChatOperation> = new Map<ChatOperationId, ChatOperation>([
  ...operations,
  ...specOperations,
])
for (const id of specOperations.keys())
  if (operations.has(id as unknown as OperationId)) throw new Error(`${id} is listed twice in operations.json`)

/** One of the 33 documented operations. */
export function operation(id: OperationId): Operation {
  const op = operations.get(id)
  if (!op) throw new Error(`unknown operation ${id}`)
  return op
}

/** Any of the 48 chat operations. */
export function chatOperation(id: OperationId): Operation
export function chatOperation(id: SpecOperationId): SpecOperation
export function chatOperation(id: ChatOperationId): ChatOperation
export function chatOperation(id: ChatOperationId): ChatOperation {
  const op = allOperations.get(id)
  if (!op) throw new Error(`unknown operation ${id}`)
  return op
}

export function isOperationId(id: string): id is OperationId {
  return operations.has(id as OperationId)
}

export function isSpecOperationId(id: string): id is SpecOperationId {
  return specOperations.has(id as SpecOperationId)
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
