// The parameters of an operation: path parameters from its template (typed by its params
// schema when it has one), query parameters from its query schema, and the headers of
// schemas/headers.json, which every operation takes.
import type { OpenAPIV3 } from 'openapi-types'
import { pathParameterNames, type ChatOperation } from '../contract/operations.ts'
import type { SchemaNode, SchemaRegistry } from '../contract/schemaRegistry.ts'
import type { SchemaConverter } from './schemaConversion.ts'

export const headersFile = 'headers.json'

function propertiesOf(
  schemas: SchemaRegistry,
  file: string,
): { properties: Record<string, SchemaNode>; required: string[] } {
  const root = schemas.files.get(file)
  if (!root) throw new Error(`no schema named ${file} under schemas/`)
  return {
    properties: (root.properties ?? {}) as Record<string, SchemaNode>,
    required: (root.required ?? []) as string[],
  }
}

/** A map (tags) or a list (participantIds) in a query: how it is written (S7). */
function queryStyle(schema: SchemaNode, name: string): Partial<OpenAPIV3.ParameterObject> {
  if (schema.type === 'object') {
    return {
      style: 'deepObject',
      explode: true,
      description: `A map of string to string: ${name}[key]=value. The vendor's client writes ${name}.key=value (qs with allowDots, see x-query-string); a target accepts both (S7).`,
    }
  }
  if (schema.type === 'array') {
    return { style: 'form', explode: true, description: `One ${name}=value per item (S7).` }
  }
  return {}
}

export function pathParameters(
  op: ChatOperation,
  schemas: SchemaRegistry,
  converter: SchemaConverter,
): OpenAPIV3.ParameterObject[] {
  const typed = op.params ? propertiesOf(schemas, op.params).properties : {}
  return pathParameterNames(op.path).map((name) => {
    const schema = typed[name]
    return {
      name,
      in: 'path',
      required: true,
      schema: schema && op.params ? converter.convert(schema, op.params) : { type: 'string' },
    }
  })
}

export function queryParameters(
  op: ChatOperation,
  schemas: SchemaRegistry,
  converter: SchemaConverter,
): OpenAPIV3.ParameterObject[] {
  const query = op.query
  if (!query) return []
  const { properties, required } = propertiesOf(schemas, query)
  return Object.entries(properties).map(([name, schema]) => ({
    name,
    in: 'query',
    ...(required.includes(name) ? { required: true } : {}),
    ...queryStyle(schemas.schemaOf(query, name), name),
    schema: converter.convert(schema, query),
  }))
}

/** components/parameters: one per header, named as the header is. */
export function headerParameters(
  schemas: SchemaRegistry,
  converter: SchemaConverter,
): Record<string, OpenAPIV3.ParameterObject> {
  const { properties, required } = propertiesOf(schemas, headersFile)
  return Object.fromEntries(
    Object.entries(properties).map(([name, node]) => {
      const { description, ...schema } = node
      const parameter: OpenAPIV3.ParameterObject = {
        name,
        in: 'header',
        required: required.includes(name),
        schema: converter.convert(schema, headersFile),
      }
      if (typeof description === 'string') parameter.description = description
      return [name, parameter]
    }),
  )
}
