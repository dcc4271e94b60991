// The operations of an OpenAPI document, each flattened to what a drift check compares: method,
// path, success status, and the fields of its parameters ("path.id", "query.tags.*",
// "header.x-bot-id"), request body ("body.…") and success answer ("response.…").
import { isObject, type JsonObject, type OpenApiSource } from './documentLoading.ts'
import { SchemaFlattener, type FieldMap } from './schemaFacts.ts'

export interface OperationShape {
  /** operationId, or "METHOD path" when the document gives none. */
  id: string
  method: string
  path: string
  /** The lowest 2xx status of its responses. */
  status: string | undefined
  fields: FieldMap
}

const methods = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'] as const

/** A path template with its placeholder names dropped, so /users/{id} and /users/{userId} meet. */
export const pathKey = (method: string, path: string) => `${method.toUpperCase()} ${path.replace(/\{[^}]*\}/g, '{}')}`

function jsonSchemaOf(source: OpenApiSource, holder: JsonObject): unknown {
  const content = holder.content
  if (!isObject(content)) return undefined
  const type =
    'application/json' in content ? 'application/json' : Object.keys(content).find((t) => /[/+]json\b/.test(t))
  const media = type === undefined ? undefined : content[type]
  return isObject(media) ? source.deref(media).schema : undefined
}

function parametersOf(source: OpenApiSource, pathItem: JsonObject, operation: JsonObject): JsonObject[] {
  const byKey = new Map<string, JsonObject>()
  for (const list of [pathItem.parameters, operation.parameters]) {
    if (!Array.isArray(list)) continue
    for (const raw of list) {
      const parameter = source.deref(raw)
      const location = String(parameter.in)
      // Header names are case-insensitive; the operation's own parameters override the path item's.
      const name = location === 'header' ? String(parameter.name).toLowerCase() : String(parameter.name)
      byKey.set(`${location}.${name}`, { ...parameter, name })
    }
  }
  return [...byKey.values()]
}

function shapeOf(
  source: OpenApiSource,
  path: string,
  method: string,
  pathItem: JsonObject,
  operation: JsonObject,
): OperationShape {
  const flattener = new SchemaFlattener(source)
  for (const parameter of parametersOf(source, pathItem, operation)) {
    const schema = parameter.schema ?? jsonSchemaOf(source, parameter)
    flattener.flatten(schema ?? {}, `${String(parameter.in)}.${String(parameter.name)}`, parameter.required === true)
  }
  if (operation.requestBody !== undefined) {
    const body = source.deref(operation.requestBody)
    flattener.flatten(jsonSchemaOf(source, body) ?? {}, 'body', body.required === true)
  }
  const responses = isObject(operation.responses) ? operation.responses : {}
  const status = Object.keys(responses)
    .filter((code) => /^2\d\d$/.test(code))
    .sort()[0]
  if (status !== undefined) {
    const schema = jsonSchemaOf(source, source.deref(responses[status]))
    if (schema !== undefined) flattener.flatten(schema, 'response', undefined)
  }
  const id = typeof operation.operationId === 'string' ? operation.operationId : `${method.toUpperCase()} ${path}`
  return { id, method: method.toUpperCase(), path, status, fields: flattener.fields }
}

export function operationShapes(source: OpenApiSource): OperationShape[] {
  const shapes: OperationShape[] = []
  for (const [path, rawItem] of Object.entries(source.document.paths as JsonObject)) {
    const pathItem = source.deref(rawItem)
    for (const method of methods) {
      const operation = pathItem[method]
      if (isObject(operation)) shapes.push(shapeOf(source, path, method, pathItem, operation))
    }
  }
  return shapes
}
