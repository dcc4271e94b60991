// Compares our operations (from schemas/) with another document's, operation by operation and
// field by field, and says each difference in one line: "createUser body.name: maxLength 200 in
// ours, 100 in theirs". Their operations that are not among ours are out of scope: counted, not
// compared.
import { pathKey, type OperationShape } from './operationShapes.ts'
import type { FieldFacts, FieldMap } from './schemaFacts.ts'

export interface DriftLine {
  operation: string
  /** The field, or undefined for the operation itself. */
  field?: string
  text: string
}

export interface DriftResult {
  lines: DriftLine[]
  /** Their operations outside our scope, by id. */
  outOfScope: string[]
}

export const driftLineText = ({ operation, field, text }: DriftLine) =>
  field === undefined ? `${operation}: ${text}` : `${operation} ${field}: ${text}`

type Described = Exclude<keyof FieldFacts, 'enum' | 'required' | 'closed' | 'deprecated'>

/** The facts compared as values, in the order lines are written. */
const valueFacts: Described[] = [
  'type',
  'format',
  'pattern',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minItems',
  'maxItems',
]

/** The facts compared as yes/no, with what yes and no are called. */
const flagFacts: { key: 'required' | 'closed' | 'deprecated'; yes: string; no: string }[] = [
  { key: 'required', yes: 'required', no: 'optional' },
  { key: 'closed', yes: 'closed (no other properties)', no: 'open' },
  { key: 'deprecated', yes: 'deprecated', no: 'not deprecated' },
]

const shown = (value: string | number | undefined) =>
  value === undefined
    ? 'none'
    : typeof value === 'string' && !/^[\w|-]+$/.test(value)
      ? JSON.stringify(value)
      : String(value)

function compareFacts(ours: FieldFacts, theirs: FieldFacts): string[] {
  const texts: string[] = []
  for (const { key, yes, no } of flagFacts) {
    if (Boolean(ours[key]) !== Boolean(theirs[key]))
      texts.push(`${ours[key] ? yes : no} in ours, ${theirs[key] ? yes : no} in theirs`)
  }
  for (const key of valueFacts) {
    if (ours[key] !== theirs[key]) texts.push(`${key} ${shown(ours[key])} in ours, ${shown(theirs[key])} in theirs`)
  }
  if (ours.enum || theirs.enum) {
    if (!ours.enum || !theirs.enum)
      texts.push(
        `enum ${ours.enum ? ours.enum.join(', ') : 'none'} in ours, ${theirs.enum ? theirs.enum.join(', ') : 'none'} in theirs`,
      )
    else {
      for (const value of ours.enum) if (!theirs.enum.includes(value)) texts.push(`enum value ${value} only in ours`)
      for (const value of theirs.enum) if (!ours.enum.includes(value)) texts.push(`enum value ${value} only in theirs`)
    }
  }
  return texts
}

/** The field a field sits in: body.a for body.a.b, body.a[] and body.a.*; undefined for a root. */
const parentOf = (field: string): string | undefined => /^(.+?)(?:\.[^.[\]|]+|\[\]|\|\d+)$/.exec(field)?.[1]

function compareFields(operation: string, ours: FieldMap, theirs: FieldMap): DriftLine[] {
  const lines: DriftLine[] = []
  const oneSided = new Set<string>()
  const insideOneSided = (field: string) => {
    for (let parent = parentOf(field); parent !== undefined; parent = parentOf(parent))
      if (oneSided.has(parent)) return true
    return false
  }
  for (const field of new Set([...ours.keys(), ...theirs.keys()])) {
    if (insideOneSided(field)) continue
    const mine = ours.get(field)
    const other = theirs.get(field)
    if (!mine || !other) {
      oneSided.add(field)
      lines.push({ operation, field, text: `field only in ${mine ? 'ours' : 'theirs'}` })
      continue
    }
    for (const text of compareFacts(mine, other)) lines.push({ operation, field, text })
  }
  return lines
}

function compareOperation(ours: OperationShape, theirs: OperationShape): DriftLine[] {
  const lines: DriftLine[] = []
  const operation = ours.id
  if (ours.id !== theirs.id) lines.push({ operation, text: `operationId ${ours.id} in ours, ${theirs.id} in theirs` })
  if (pathKey(ours.method, ours.path) !== pathKey(theirs.method, theirs.path)) {
    lines.push({ operation, text: `${ours.method} ${ours.path} in ours, ${theirs.method} ${theirs.path} in theirs` })
  }
  if (ours.status !== theirs.status)
    lines.push({ operation, text: `success status ${shown(ours.status)} in ours, ${shown(theirs.status)} in theirs` })
  return [...lines, ...compareFields(operation, ours.fields, theirs.fields)]
}

export function compareOperations(ours: OperationShape[], theirs: OperationShape[]): DriftResult {
  const byId = new Map(theirs.map((shape) => [shape.id, shape]))
  const byPath = new Map(theirs.map((shape) => [pathKey(shape.method, shape.path), shape]))
  const matched = new Set<OperationShape>()
  const lines: DriftLine[] = []
  for (const shape of ours) {
    const other = byId.get(shape.id) ?? byPath.get(pathKey(shape.method, shape.path))
    if (!other) {
      lines.push({ operation: shape.id, text: 'operation only in ours' })
      continue
    }
    matched.add(other)
    lines.push(...compareOperation(shape, other))
  }
  return { lines, outOfScope: theirs.filter((shape) => !matched.has(shape)).map((shape) => shape.id) }
}
