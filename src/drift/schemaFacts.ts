// Flattens a schema into one entry per field ("body.tags.*", "response.users[].id") holding the
// facts a drift check compares: type, nullability, lengths, ranges, enum, format, required,
// closed objects. $refs are followed and allOf merged first, so two documents that say the same
// thing with different $refs, allOf or nullable spellings (3.0 nullable, 3.1 type lists, anyOf
// with null) flatten alike.
import { isObject, type JsonObject, type OpenApiSource } from './documentLoading.ts'

export interface FieldFacts {
  /** The JSON types allowed, sorted, "null" included when the field is nullable: "null|string". */
  type?: string
  required?: boolean
  format?: string
  pattern?: string
  /** Each allowed value as JSON text, sorted; null is left to `type`. */
  enum?: string[]
  minLength?: number
  maxLength?: number
  minimum?: number
  maximum?: number
  exclusiveMinimum?: number
  exclusiveMaximum?: number
  minItems?: number
  maxItems?: number
  /** additionalProperties: false: no property beyond those listed. */
  closed?: boolean
  deprecated?: boolean
}

export type FieldMap = Map<string, FieldFacts>

const lowerBounds = ['minLength', 'minimum', 'minItems', 'exclusiveMinimum'] as const
const upperBounds = ['maxLength', 'maximum', 'maxItems', 'exclusiveMaximum'] as const
const maxDepth = 40

const isNullBranch = (node: unknown) =>
  isObject(node) &&
  (node.type === 'null' || (Array.isArray(node.enum) && node.enum.length === 1 && node.enum[0] === null))

function typesOf(node: JsonObject): string[] | undefined {
  if (typeof node.type === 'string') return [node.type]
  if (Array.isArray(node.type)) return node.type.filter((t): t is string => typeof t === 'string')
  return undefined
}

/** Two schemas that must both hold, as one: bounds tighten, lists intersect, properties merge. */
function mergeBoth(a: JsonObject, b: JsonObject): JsonObject {
  const merged: JsonObject = { ...b, ...a }
  for (const key of lowerBounds)
    if (typeof a[key] === 'number' && typeof b[key] === 'number') merged[key] = Math.max(a[key], b[key])
  for (const key of upperBounds)
    if (typeof a[key] === 'number' && typeof b[key] === 'number') merged[key] = Math.min(a[key], b[key])
  if (Array.isArray(a.required) || Array.isArray(b.required)) {
    merged.required = [...new Set([...((a.required as string[]) ?? []), ...((b.required as string[]) ?? [])])]
  }
  const typesA = typesOf(a)
  const typesB = typesOf(b)
  if (typesA && typesB)
    merged.type = typesA.filter((t) => typesB.includes(t) || (t === 'integer' && typesB.includes('number')))
  if (Array.isArray(a.enum) && Array.isArray(b.enum)) {
    const second = b.enum.map((v) => JSON.stringify(v))
    merged.enum = a.enum.filter((v) => second.includes(JSON.stringify(v)))
  }
  if (isObject(a.properties) && isObject(b.properties)) {
    const properties: JsonObject = { ...b.properties, ...a.properties }
    for (const name of Object.keys(a.properties)) {
      if (name in b.properties) properties[name] = { allOf: [a.properties[name], b.properties[name]] }
    }
    merged.properties = properties
  }
  if (a.additionalProperties === false || b.additionalProperties === false) merged.additionalProperties = false
  else if (isObject(a.additionalProperties) && isObject(b.additionalProperties)) {
    merged.additionalProperties = { allOf: [a.additionalProperties, b.additionalProperties] }
  }
  if (a.nullable === true && b.nullable === true) merged.nullable = true
  else delete merged.nullable
  return merged
}

export class SchemaFlattener {
  constructor(
    private readonly source: OpenApiSource | undefined,
    private readonly into: FieldMap = new Map(),
  ) {}

  get fields(): FieldMap {
    return this.into
  }

  /** Adds the field at `path` and everything under it. */
  flatten(schema: unknown, path: string, required: boolean | undefined, refsAbove: readonly string[] = []): void {
    if (!isObject(schema)) return
    const { node, refs, cyclic } = this.effective(schema, refsAbove)
    const variants = this.variantsOf(node)
    const facts = this.factsOf(variants ? this.withoutUnion(node) : node)
    if (required !== undefined) facts.required = required
    this.into.set(path, { ...this.into.get(path), ...facts })
    if (cyclic || refs.length > maxDepth) return

    const requiredHere = Array.isArray(node.required) ? (node.required as string[]) : []
    if (isObject(node.properties)) {
      for (const [name, property] of Object.entries(node.properties))
        this.flatten(property, `${path}.${name}`, requiredHere.includes(name), refs)
    }
    if (isObject(node.additionalProperties)) this.flatten(node.additionalProperties, `${path}.*`, undefined, refs)
    if (isObject(node.items)) this.flatten(node.items, `${path}[]`, undefined, refs)
    variants?.forEach((variant, index) => this.flatten(variant, `${path}|${index + 1}`, undefined, refs))
  }

  /**
   * The node with its $refs followed and allOf merged, and a union with a null branch
   * (anyOf/oneOf [X, null]) turned into X plus null.
   */
  private effective(
    schema: JsonObject,
    refsAbove: readonly string[],
  ): { node: JsonObject; refs: string[]; cyclic: boolean } {
    let refs = [...refsAbove]
    let node = schema
    let cyclic = false
    while (typeof node.$ref === 'string') {
      if (refs.includes(node.$ref)) {
        cyclic = true
        break
      }
      refs = [...refs, node.$ref]
      const { $ref, ...siblings } = node
      node = { ...siblings, ...(this.source?.deref({ $ref }) ?? {}) }
    }
    if (cyclic) return { node: { type: node.type }, refs, cyclic }
    if (Array.isArray(node.allOf)) {
      const { allOf, ...self } = node
      node = (allOf as unknown[])
        .filter(isObject)
        .reduce<JsonObject>((merged, part) => mergeBoth(merged, this.effective(part, refs).node), self)
      // `allOf: [$ref], nullable: true` is how OpenAPI 3.0 documents commonly mean "X or null".
      if (self.nullable === true) node.nullable = true
    }
    for (const key of ['anyOf', 'oneOf'] as const) {
      const branches = node[key]
      if (!Array.isArray(branches) || !branches.some(isNullBranch)) continue
      const others = branches.filter((branch) => !isNullBranch(branch))
      const { [key]: _union, ...self } = node
      const nullable = { ...self, nullable: true }
      node =
        others.length === 1 && isObject(others[0])
          ? { ...mergeBoth(this.effective(others[0], refs).node, self), nullable: true }
          : { ...nullable, [key]: others }
    }
    return { node, refs, cyclic }
  }

  /** Branches of a union that is not just "X or null"; each is flattened on its own. */
  private variantsOf(node: JsonObject): unknown[] | undefined {
    for (const key of ['anyOf', 'oneOf'] as const)
      if (Array.isArray(node[key]) && (node[key] as unknown[]).length > 0) return node[key] as unknown[]
    return undefined
  }

  private withoutUnion(node: JsonObject): JsonObject {
    const { anyOf: _anyOf, oneOf: _oneOf, ...rest } = node
    return rest
  }

  private factsOf(node: JsonObject): FieldFacts {
    const facts: FieldFacts = {}
    const types = typesOf(node)
    if (types) {
      const withNull = node.nullable === true && !types.includes('null') ? [...types, 'null'] : types
      facts.type = [...new Set(withNull)].sort().join('|')
    }
    const values = 'const' in node ? [node.const] : Array.isArray(node.enum) ? node.enum : undefined
    if (values)
      facts.enum = values
        .filter((v) => v !== null)
        .map((v) => JSON.stringify(v))
        .sort()
    if (typeof node.format === 'string') facts.format = node.format
    if (typeof node.pattern === 'string') facts.pattern = node.pattern
    for (const key of ['minLength', 'maxLength', 'minimum', 'maximum', 'minItems', 'maxItems'] as const) {
      if (typeof node[key] === 'number') facts[key] = node[key]
    }
    // OpenAPI 3.0 writes an exclusive bound as minimum + exclusiveMinimum: true; 3.1 and JSON Schema as the number.
    for (const [exclusive, bound] of [
      ['exclusiveMinimum', 'minimum'],
      ['exclusiveMaximum', 'maximum'],
    ] as const) {
      if (typeof node[exclusive] === 'number') facts[exclusive] = node[exclusive]
      else if (node[exclusive] === true && typeof node[bound] === 'number') {
        facts[exclusive] = node[bound]
        delete facts[bound]
      }
    }
    if (node.additionalProperties === false) facts.closed = true
    if (node.deprecated === true) facts.deprecated = true
    return facts
  }
}
