// Reads an OpenAPI 3.x document (JSON or YAML) for the drift check, and resolves its local
// $refs. Anything that makes the document unusable is an UnreadableDocument with one sentence.
import { readFileSync } from 'node:fs'
import { parse as parseYaml } from 'yaml'

export class UnreadableDocument extends Error {
  override readonly name = 'UnreadableDocument'
}

export type JsonObject = { [key: string]: unknown }

export const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** An OpenAPI document and the way to follow its "#/..." references. */
export class OpenApiSource {
  constructor(
    readonly document: JsonObject,
    readonly label: string,
  ) {}

  /** Follows $ref chains to the object they name; a node without $ref is returned as it is. */
  deref(node: unknown): JsonObject {
    let current = node
    for (let hops = 0; isObject(current) && typeof current.$ref === 'string'; hops++) {
      if (hops > 50) throw new UnreadableDocument(`${this.label}: $ref loop at ${current.$ref}`)
      current = this.pointer(current.$ref)
    }
    if (!isObject(current))
      throw new UnreadableDocument(`${this.label}: expected an object, found ${JSON.stringify(current)}`)
    return current
  }

  pointer(ref: string): unknown {
    if (!ref.startsWith('#'))
      throw new UnreadableDocument(
        `${this.label}: $ref ${ref} points outside the document; bundle it into one file first`,
      )
    let node: unknown = this.document
    for (const raw of ref.slice(1).split('/').filter(Boolean)) {
      const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~')
      node = isObject(node) || Array.isArray(node) ? (node as JsonObject)[key] : undefined
      if (node === undefined) throw new UnreadableDocument(`${this.label}: $ref ${ref} names nothing in the document`)
    }
    return node
  }
}

/** Parses and checks an OpenAPI 3.x document held in text (JSON, or YAML, which JSON also is). */
export function openApiFromText(text: string, label: string): OpenApiSource {
  let parsed: unknown
  try {
    parsed = parseYaml(text, { maxAliasCount: 1000 })
  } catch (error) {
    throw new UnreadableDocument(`${label} is neither JSON nor YAML: ${(error as Error).message.split('\n')[0]}`)
  }
  if (!isObject(parsed)) throw new UnreadableDocument(`${label} does not hold an object`)
  if (typeof parsed.swagger === 'string')
    throw new UnreadableDocument(`${label} is a Swagger ${parsed.swagger} document; drift reads OpenAPI 3.x`)
  if (typeof parsed.openapi !== 'string' || !parsed.openapi.startsWith('3.')) {
    throw new UnreadableDocument(`${label} is not an OpenAPI 3.x document (no "openapi: 3.x" field)`)
  }
  if (!isObject(parsed.paths)) throw new UnreadableDocument(`${label} has no paths`)
  return new OpenApiSource(parsed, label)
}

export function readOpenApiFile(path: string): OpenApiSource {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new UnreadableDocument(
      code === 'ENOENT' ? `${path} does not exist` : `cannot read ${path} (${code ?? (error as Error).message})`,
    )
  }
  return openApiFromText(text, path)
}
