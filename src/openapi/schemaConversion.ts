// Turns the draft-07 schemas of schemas/ into OpenAPI 3.0 Schema Objects, keyword by keyword:
// $refs become #/components/schemas/... (the targets are collected as components), a type list
// or an anyOf with a null branch becomes `nullable: true`, const becomes a one-value enum.
// A keyword with no OpenAPI 3.0 form stops the export rather than vanish from it.
import type { OpenAPIV3 } from 'openapi-types'
import type { SchemaNode } from '../contract/schemaRegistry.ts'
import { componentName, componentRef, refTarget, type SchemaLocation } from './componentNames.ts'

export type OpenApiSchema = OpenAPIV3.SchemaObject | OpenAPIV3.ReferenceObject

/** Keywords OpenAPI 3.0 reads as JSON Schema does; copied as they are. */
const sameInOpenApi = new Set([
  'title',
  'description',
  'format',
  'enum',
  'default',
  'deprecated',
  'readOnly',
  'writeOnly',
  'minLength',
  'maxLength',
  'pattern',
  'minimum',
  'maximum',
  'multipleOf',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minProperties',
  'maxProperties',
  'discriminator',
])
const dropped = new Set(['$schema', '$id'])
const isNullBranch = (node: unknown) => (node as SchemaNode | undefined)?.type === 'null'

function nonNullType(type: unknown, where: string): { type: unknown; nullable: boolean } {
  if (!Array.isArray(type)) return { type, nullable: false }
  const types = type.filter((t) => t !== 'null')
  if (types.length !== 1)
    throw new Error(`${where}: type ${JSON.stringify(type)} has no OpenAPI 3.0 form (one type, optionally null)`)
  return { type: types[0], nullable: types.length < type.length }
}

export class SchemaConverter {
  /** Components the converted schemas refer to, by component name. */
  private readonly referenced = new Map<string, SchemaLocation>()

  constructor(private readonly files: ReadonlyMap<string, SchemaNode>) {}

  /** The raw draft-07 node of a file or of a common.json definition. */
  nodeAt({ file, definition }: SchemaLocation): SchemaNode {
    const root = this.files.get(file)
    if (!root) throw new Error(`no schema named ${file} under schemas/`)
    if (definition === undefined) return root
    const node = (root.definitions as Record<string, SchemaNode> | undefined)?.[definition]
    if (!node) throw new Error(`${file} has no definition ${definition}`)
    return node
  }

  /** A $ref to the component of a location; the location becomes a component. */
  refTo(location: SchemaLocation): OpenAPIV3.ReferenceObject {
    const name = componentName(location)
    const known = this.referenced.get(name)
    if (known && (known.file !== location.file || known.definition !== location.definition)) {
      throw new Error(
        `component name ${name} would stand for two schemas: ${JSON.stringify(known)} and ${JSON.stringify(location)}`,
      )
    }
    this.referenced.set(name, location)
    return { $ref: componentRef(location) }
  }

  /** Every component referenced so far (and those they reference), converted, sorted by name. */
  components(): Record<string, OpenApiSchema> {
    const converted = new Map<string, OpenApiSchema>()
    for (
      let pending = [...this.referenced];
      pending.length > 0;
      pending = [...this.referenced].filter(([name]) => !converted.has(name))
    ) {
      for (const [name, location] of pending) converted.set(name, this.convert(this.nodeAt(location), location.file))
    }
    return Object.fromEntries([...converted].sort(([a], [b]) => (a < b ? -1 : 1)))
  }

  /** Converts a node written in `file` (its $refs are relative to that file). */
  convert(node: SchemaNode, file: string): OpenApiSchema {
    const union = (['anyOf', 'oneOf'] as const).find(
      (key) => Array.isArray(node[key]) && (node[key] as unknown[]).some(isNullBranch),
    )
    if (union) return this.convertNullableUnion(node, union, file)
    if (typeof node.$ref === 'string') {
      const { $ref, ...siblings } = node
      const ref = this.refTo(refTarget($ref, file))
      const converted = this.convertKeywords(siblings, file)
      // OpenAPI 3.0 ignores keywords beside a $ref: keep them by wrapping the $ref in allOf.
      return Object.keys(converted).length === 0 ? ref : { ...converted, allOf: [ref] }
    }
    return this.convertKeywords(node, file)
  }

  /**
   * anyOf [X, {type: null}] is X made nullable. OpenAPI 3.0's nullable only acts beside a type in
   * the same object, so a referenced X is written out in place.
   */
  private convertNullableUnion(node: SchemaNode, union: 'anyOf' | 'oneOf', file: string): OpenApiSchema {
    const { [union]: branches, ...siblings } = node
    const others = (branches as SchemaNode[]).filter((branch) => !isNullBranch(branch))
    if (others.length !== 1)
      throw new Error(`${file}: ${union} with null and ${others.length} other branches has no OpenAPI 3.0 form`)
    let other = others[0] as SchemaNode
    let otherFile = file
    while (typeof other.$ref === 'string') {
      const target = refTarget(other.$ref, otherFile)
      const { $ref: _ref, ...besides } = other
      other = { ...this.nodeAt(target), ...besides }
      otherFile = target.file
    }
    const inlined = this.convertKeywords(other, otherFile)
    if (inlined.type === undefined)
      throw new Error(`${file}: a nullable ${union} branch needs a type for OpenAPI 3.0's nullable`)
    return this.nullable({ ...inlined, ...this.convertKeywords(siblings, file) })
  }

  private nullable(schema: Record<string, unknown>): Record<string, unknown> {
    const result: Record<string, unknown> = { ...schema, nullable: true }
    if (Array.isArray(schema.enum) && !schema.enum.includes(null)) result.enum = [...(schema.enum as unknown[]), null]
    return result
  }

  private convertKeywords(node: SchemaNode, file: string): Record<string, unknown> {
    const out: Record<string, unknown> = {}
    let nullable = false
    const sub = (value: unknown) => this.convert(value as SchemaNode, file)
    for (const [key, value] of Object.entries(node)) {
      if (dropped.has(key)) continue
      if (key.startsWith('x-') || sameInOpenApi.has(key)) {
        out[key] = value
        continue
      }
      switch (key) {
        case 'type': {
          const found = nonNullType(value, file)
          out.type = found.type
          nullable ||= found.nullable
          break
        }
        case '$comment':
          out['x-comment'] = value
          break
        case 'const':
          out.enum = [value]
          break
        case 'required':
          // OpenAPI 3.0 wants at least one name in required: an empty list says nothing anyway.
          if ((value as string[]).length > 0) out.required = value
          break
        case 'properties':
          out.properties = Object.fromEntries(
            Object.entries(value as Record<string, SchemaNode>).map(([name, schema]) => [name, sub(schema)]),
          )
          break
        case 'additionalProperties':
          out.additionalProperties = typeof value === 'boolean' ? value : sub(value)
          break
        case 'items':
          if (Array.isArray(value)) throw new Error(`${file}: tuple items have no OpenAPI 3.0 form`)
          out.items = sub(value)
          break
        case 'allOf':
        case 'anyOf':
        case 'oneOf':
          out[key] = (value as SchemaNode[]).map(sub)
          break
        case 'not':
          out.not = sub(value)
          break
        case 'exclusiveMinimum':
        case 'exclusiveMaximum': {
          // draft-07 gives the bound; OpenAPI 3.0 gives minimum/maximum plus a boolean.
          const bound = key === 'exclusiveMinimum' ? 'minimum' : 'maximum'
          if (node[bound] !== undefined) throw new Error(`${file}: both ${bound} and ${key}`)
          out[bound] = value
          out[key] = true
          break
        }
        default:
          throw new Error(`${file}: keyword ${key} has no OpenAPI 3.0 form; teach src/openapi/schemaConversion.ts`)
      }
    }
    return nullable ? this.nullable(out) : out
  }
}
