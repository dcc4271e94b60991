// What a fault needs to know of the contract (a length limit, an enum) is read from schemas/,
// like everything else: a fault that accepts one character too many follows the limit.
import { contractSchemas, type SchemaNode } from '../../contract/schemaRegistry.ts'

function node(file: string, path: readonly string[], additional: boolean): SchemaNode {
  const found = contractSchemas().schemaOf(file, ...path)
  const field = additional ? (found.additionalProperties as SchemaNode) : found
  // A nullable field (anyOf [X, null]) is constrained by its non-null branch.
  const branches = Array.isArray(field.anyOf) ? (field.anyOf as SchemaNode[]) : [field]
  return branches.find((branch) => branch.type !== 'null') ?? field
}

/** The length limits of a string field: {minLength, maxLength} as the schema gives them. */
export function lengthLimits(
  file: string,
  path: readonly string[],
  options: { ofEachValue?: boolean } = {},
): { min: number; max: number } {
  const field = node(file, path, options.ofEachValue ?? false)
  if (typeof field.maxLength !== 'number') throw new Error(`${file} ${path.join('.')} has no maxLength`)
  return { min: typeof field.minLength === 'number' ? field.minLength : 0, max: field.maxLength }
}

/** The documented values of an enumerated field. */
export function documentedValues(file: string, path: readonly string[]): readonly unknown[] {
  const values = node(file, path, false).enum
  if (!Array.isArray(values)) throw new Error(`${file} ${path.join('.')} has no enum`)
  return values
}

/** Text cut to at most `max` characters (code points, as the limits count). */
export function cutTo(text: string, max: number): string {
  const characters = [...text]
  return characters.length > max ? characters.slice(0, max).join('') : text
}

/** A value outside an enum, for answers that break it: the first documented value with a suffix. */
export function outsideOf(values: readonly unknown[]): string {
  return `${String(values[0])}-undocumented`
}
