// Loads every JSON Schema under schemas/ once, compiles them with Ajv (strict, allErrors) and
// answers two questions: "is this value valid?" and "what does the contract say about this
// field?" (for fixtures, which read limits from here instead of restating them).
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv'
import addFormatsModule from 'ajv-formats'
import { dataFile } from '../environment/packageLayout.ts'

// ajv-formats is CommonJS; under NodeNext its default export is the module object.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default

export const schemasDir = dataFile('schemas')
const baseUri = 'https://runtime-chat-conformance.invalid/schemas/'

/** A JSON Schema node, as read from the files. */
export type SchemaNode = { [keyword: string]: unknown }

export interface SchemaRegistryOptions {
  /** Coerce scalars to arrays, as a query string carries a one-element array as a plain value. */
  coerceArrays?: boolean
}

function listJsonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return listJsonFiles(path)
    return entry.name.endsWith('.json') ? [path] : []
  })
}

/** Schema files by their path under schemas/ ("resources/user.json"); operations.json is data, not a schema. */
function loadSchemaFiles(): Map<string, SchemaNode> {
  const files = new Map<string, SchemaNode>()
  for (const path of listJsonFiles(schemasDir)) {
    const name = relative(schemasDir, path).split(sep).join('/')
    if (name === 'operations.json') continue
    files.set(name, JSON.parse(readFileSync(path, 'utf8')) as SchemaNode)
  }
  return files
}

/** The types both `type` keywords allow ("string" beside ["string", "null"] is "string"). */
function narrowType(beside: unknown, target: unknown): unknown {
  const list = (type: unknown) => (Array.isArray(type) ? (type as unknown[]) : [type])
  const both = list(target).filter((type) => list(beside).includes(type))
  return both.length === 1 ? both[0] : both
}

export class SchemaRegistry {
  readonly files = loadSchemaFiles()
  private readonly ajv: Ajv
  private readonly compiled = new Map<string, ValidateFunction>()
  /** schemaOf's answers, by file and property path. */
  private readonly dereferenced = new Map<string, SchemaNode>()

  constructor(options: SchemaRegistryOptions = {}) {
    this.ajv = new Ajv({
      strict: true,
      allErrors: true,
      allowUnionTypes: true,
      discriminator: true,
      verbose: true,
      coerceTypes: options.coerceArrays ? 'array' : false,
    })
    addFormats(this.ajv)
    // Annotations of ours: the rule a constraint belongs to, the form a value keeps (x-form), and the
    // type->status table of errors.
    this.ajv.addVocabulary(['x-rule', 'x-form'])
    for (const [name, schema] of this.files) this.ajv.addSchema({ ...schema, $id: baseUri + name })
  }

  /** The compiled validator of a schema file, e.g. "responses/user.json". */
  validator(name: string): ValidateFunction {
    let validate = this.compiled.get(name)
    if (!validate) {
      const found = this.ajv.getSchema(baseUri + name)
      if (!found) throw new Error(`no schema named ${name} under schemas/`)
      validate = found
      this.compiled.set(name, validate)
    }
    return validate
  }

  validate(name: string, value: unknown): ErrorObject[] {
    const validate = this.validator(name)
    return validate(value) ? [] : [...(validate.errors ?? [])]
  }

  /** Compiles every schema now, so a broken schema fails at start rather than mid-run. */
  compileAll(): void {
    for (const name of this.files.keys()) this.validator(name)
  }

  /**
   * The schema of a file, or of a property path inside it, with every $ref replaced by what it
   * points to (allOf/anyOf branches are kept as they are). Fixtures read limits from here.
   */
  schemaOf(name: string, ...propertyPath: string[]): SchemaNode {
    // Read hundreds of times while the catalogue is built: each answer is made once, and frozen,
    // since every caller shares it.
    const key = [name, ...propertyPath].join('\u0000')
    let found = this.dereferenced.get(key)
    if (!found) this.dereferenced.set(key, (found = deepFreeze(this.schemaOfNow(name, propertyPath))))
    return found
  }

  private schemaOfNow(name: string, propertyPath: readonly string[]): SchemaNode {
    let node = this.resolve(this.fileNode(name), name).node
    let file = name
    for (const key of propertyPath) {
      const properties = node.properties as Record<string, SchemaNode> | undefined
      const child = properties?.[key]
      if (!child) throw new Error(`${name} has no property ${propertyPath.join('.')}`)
      const resolved = this.resolve(child, file)
      node = resolved.node
      file = resolved.file
    }
    return this.dereference(node, file)
  }

  private fileNode(name: string): SchemaNode {
    const node = this.files.get(name)
    if (!node) throw new Error(`no schema named ${name} under schemas/`)
    return node
  }

  /** Follows $ref chains from a node in a file, returning the target node and its file. */
  private resolve(node: SchemaNode, file: string): { node: SchemaNode; file: string } {
    let current = node
    let currentFile = file
    for (let hops = 0; typeof current.$ref === 'string'; hops++) {
      if (hops > 20) throw new Error(`$ref loop in ${file}`)
      const target = new URL(current.$ref, baseUri + currentFile)
      currentFile = target.pathname.slice(new URL(baseUri).pathname.length)
      let next: unknown = this.fileNode(currentFile)
      for (const part of target.hash.replace(/^#\/?/, '').split('/').filter(Boolean)) {
        next = (next as SchemaNode)[decodeURIComponent(part)]
      }
      if (!next || typeof next !== 'object') throw new Error(`unresolvable $ref ${current.$ref} in ${file}`)
      // Keywords beside the $ref (description, $comment, deprecated) are kept; the target wins on
      // conflicts, except a type beside it, which Ajv applies too: it narrows the target's.
      const { $ref: _ref, ...siblings } = current
      const merged: SchemaNode = { ...siblings, ...(next as SchemaNode) }
      if (siblings.type !== undefined && merged.type !== undefined) merged.type = narrowType(siblings.type, merged.type)
      current = merged
    }
    return { node: current, file: currentFile }
  }

  private dereference(node: SchemaNode, file: string): SchemaNode {
    const { node: resolved, file: resolvedFile } = this.resolve(node, file)
    const walk = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(walk)
      if (value && typeof value === 'object') return this.dereference(value as SchemaNode, resolvedFile)
      return value
    }
    return Object.fromEntries(Object.entries(resolved).map(([key, value]) => [key, walk(value)]))
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child)
    Object.freeze(value)
  }
  return value
}

let shared: SchemaRegistry | undefined
/** The registry the harness uses: one per process, compiled on first use. */
export function contractSchemas(): SchemaRegistry {
  shared ??= new SchemaRegistry()
  return shared
}
