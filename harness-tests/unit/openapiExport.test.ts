// The OpenAPI export: each conversion rule on a small schema (a table), then the whole document
// against schemas/: every field of every operation keeps the facts its schema gives.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { OpenAPIV3 } from 'openapi-types'
import { vendorQueryOptions } from '../../src/harness/client/queryString.ts'
import { allOperations, operations, pathParameterNames, specOperations } from '../../src/contract/operations.ts'
import { SchemaRegistry, type SchemaNode } from '../../src/contract/schemaRegistry.ts'
import { OpenApiSource, type JsonObject } from '../../src/drift/documentLoading.ts'
import { compareOperations, driftLineText } from '../../src/drift/driftComparison.ts'
import { operationShapes, type OperationShape } from '../../src/drift/operationShapes.ts'
import { SchemaFlattener } from '../../src/drift/schemaFacts.ts'
import { buildOpenApiDocument } from '../../src/openapi/openapiDocument.ts'
import { headersFile } from '../../src/openapi/parameters.ts'
import { SchemaConverter } from '../../src/openapi/schemaConversion.ts'

const schemas = new SchemaRegistry()
const document = buildOpenApiDocument(schemas)
const labelDefinition = (schemas.files.get('common.json')?.definitions as Record<string, SchemaNode>)
  .label as SchemaNode

const conversions: { name: string; node: SchemaNode; file?: string; expected: unknown }[] = [
  {
    name: 'a type list with null becomes nullable',
    node: { type: ['string', 'null'], maxLength: 5 },
    expected: { type: 'string', maxLength: 5, nullable: true },
  },
  {
    name: 'a nullable enum lists null',
    node: { type: ['string', 'null'], enum: ['a'] },
    expected: { type: 'string', enum: ['a', null], nullable: true },
  },
  { name: 'const becomes a one-value enum', node: { const: 'x' }, expected: { enum: ['x'] } },
  { name: 'an empty required list is left out', node: { type: 'object', required: [] }, expected: { type: 'object' } },
  {
    name: '$comment is kept as x-comment, $schema dropped',
    node: { $schema: 'http://json-schema.org/draft-07/schema#', $comment: 'why', 'x-rule': 'S1' },
    expected: { 'x-comment': 'why', 'x-rule': 'S1' },
  },
  {
    name: 'an exclusive bound takes the OpenAPI 3.0 form',
    node: { type: 'integer', exclusiveMinimum: 0 },
    expected: { type: 'integer', minimum: 0, exclusiveMinimum: true },
  },
  {
    name: 'a $ref becomes a component reference',
    node: { $ref: '../common.json#/definitions/label' },
    file: 'requests/x.json',
    expected: { $ref: '#/components/schemas/Label' },
  },
  {
    name: 'a $ref in common.json itself',
    node: { $ref: '#/definitions/tagText' },
    file: 'common.json',
    expected: { $ref: '#/components/schemas/TagText' },
  },
  {
    name: 'a file $ref',
    node: { $ref: '../resources/user.json' },
    file: 'responses/x.json',
    expected: { $ref: '#/components/schemas/User' },
  },
  {
    name: 'keywords beside a $ref survive inside allOf',
    node: { $ref: '../common.json#/definitions/label', deprecated: true },
    file: 'requests/x.json',
    expected: { deprecated: true, allOf: [{ $ref: '#/components/schemas/Label' }] },
  },
  {
    name: 'anyOf [X, null] is X written out in place, nullable',
    node: { anyOf: [{ $ref: '../common.json#/definitions/label' }, { type: 'null' }] },
    file: 'requests/x.json',
    expected: { ...labelDefinition, nullable: true },
  },
  {
    name: 'nested schemas are converted too',
    node: {
      type: 'object',
      properties: { a: { type: ['number', 'null'] } },
      additionalProperties: { const: 1 },
      items: { type: 'string' },
    },
    expected: {
      type: 'object',
      properties: { a: { type: 'number', nullable: true } },
      additionalProperties: { enum: [1] },
      items: { type: 'string' },
    },
  },
]

for (const c of conversions) {
  test(`export: ${c.name}`, () => {
    assert.deepEqual(new SchemaConverter(schemas.files).convert(c.node, c.file ?? 'common.json'), c.expected)
  })
}

const refused: { name: string; node: SchemaNode; message: RegExp }[] = [
  {
    name: 'a keyword OpenAPI 3.0 lacks',
    node: { if: { type: 'string' } },
    message: /keyword if has no OpenAPI 3\.0 form/,
  },
  { name: 'two types', node: { type: ['string', 'number'] }, message: /has no OpenAPI 3\.0 form/ },
  { name: 'tuple items', node: { items: [{ type: 'string' }] }, message: /tuple items/ },
  {
    name: 'a union of two types and null',
    node: { anyOf: [{ type: 'string' }, { type: 'number' }, { type: 'null' }] },
    message: /2 other branches/,
  },
  {
    name: 'a nullable branch without a type',
    node: { anyOf: [{ minLength: 1 }, { type: 'null' }] },
    message: /needs a type/,
  },
  {
    name: 'a $ref inside a schema',
    node: { $ref: '../resources/user.json#/properties/id' },
    message: /points inside a schema/,
  },
]

for (const c of refused) {
  test(`export: stops on ${c.name}`, () => {
    assert.throws(() => new SchemaConverter(schemas.files).convert(c.node, 'requests/x.json'), c.message)
  })
}

/** Our operations read straight from schemas/ (dereferenced draft-07), without the export. */
function shapesFromSchemas(): OperationShape[] {
  const headers = schemas.files.get(headersFile) as { properties: Record<string, SchemaNode>; required: string[] }
  return [...allOperations.values()].map((op) => {
    const flattener = new SchemaFlattener(undefined)
    for (const name of pathParameterNames(op.path))
      flattener.flatten(op.params ? schemas.schemaOf(op.params, name) : { type: 'string' }, `path.${name}`, true)
    const query = op.query
      ? (schemas.schemaOf(op.query) as { properties: Record<string, SchemaNode>; required?: string[] })
      : undefined
    for (const [name, schema] of Object.entries(query?.properties ?? {}))
      flattener.flatten(schema, `query.${name}`, query?.required?.includes(name) ?? false)
    for (const name of Object.keys(headers.properties))
      flattener.flatten(schemas.schemaOf(headersFile, name), `header.${name}`, headers.required.includes(name))
    if (op.request) flattener.flatten(schemas.schemaOf(op.request), 'body', true)
    flattener.flatten(schemas.schemaOf(op.response), 'response', undefined)
    return { id: op.id, method: op.method, path: op.path, status: String(op.status), fields: flattener.fields }
  })
}

test('export: every operation keeps every field and fact of schemas/ (lengths, enums, required, nullable, closed)', () => {
  const exported = operationShapes(new OpenApiSource(document as unknown as JsonObject, 'export'))
  const { lines, outOfScope } = compareOperations(shapesFromSchemas(), exported)
  assert.deepEqual(lines.map(driftLineText), [])
  assert.deepEqual(outOfScope, [])
})

test('export: the error body keeps its type/status table', () => {
  const fromSchemas = new SchemaFlattener(undefined)
  fromSchemas.flatten(schemas.schemaOf('error.json'), 'error', undefined)
  const fromExport = new SchemaFlattener(new OpenApiSource(document as unknown as JsonObject, 'export'))
  fromExport.flatten({ $ref: '#/components/schemas/Error' }, 'error', undefined)
  assert.deepEqual([...fromExport.fields], [...fromSchemas.fields])
  assert.ok(
    [...fromExport.fields.keys()].some((field) => field.startsWith('error|')),
    'the oneOf table is flattened',
  )
})

test('export: the 48 operations, the 15 of the spec scope marked x-scope: spec', () => {
  const exported = operationShapes(new OpenApiSource(document as unknown as JsonObject, 'export'))
  assert.equal(exported.length, 48)
  assert.deepEqual(exported.map((shape) => shape.id).sort(), [...allOperations.keys()].sort())
  for (const op of allOperations.values()) {
    const operation = (document.paths[op.path] as Record<string, unknown>)[op.method.toLowerCase()] as Record<
      string,
      unknown
    >
    assert.equal(operation['x-scope'], specOperations.has(op.id as never) ? 'spec' : undefined, op.id)
  }
  assert.equal(operations.size + specOperations.size, 48)
})

test('export: operations carry their id, area, success answer and the error answer', () => {
  for (const op of allOperations.values()) {
    const item = document.paths[op.path] as OpenAPIV3.PathItemObject
    const operation = item[op.method.toLowerCase() as 'get'] as OpenAPIV3.OperationObject
    assert.equal(operation.operationId, op.id)
    assert.deepEqual(operation.tags, [op.area])
    assert.ok(operation.responses[String(op.status)], `${op.id} answers ${op.status}`)
    assert.deepEqual(operation.responses.default, { $ref: '#/components/responses/Error' })
    assert.equal(
      operation.requestBody !== undefined,
      op.request !== undefined,
      `${op.id} has a body exactly when it has a request schema`,
    )
  }
})

test('export: query maps and lists say how they are written (S7)', () => {
  const parameters = (document.paths['/v1/chat/conversations']?.get?.parameters ?? []) as OpenAPIV3.ParameterObject[]
  assert.deepEqual(
    parameters.filter((p) => p.style).map(({ name, style, explode }) => ({ name, style, explode })),
    [
      { name: 'tags', style: 'deepObject', explode: true },
      { name: 'participantIds', style: 'form', explode: true },
    ],
  )
  assert.deepEqual(document['x-query-string'], { library: 'qs', stringify: vendorQueryOptions })
})

test('export: bearer security and the headers of headers.json', () => {
  assert.deepEqual(document.security, [{ bearerAuth: [] }])
  const headers = document.components?.parameters as Record<string, OpenAPIV3.ParameterObject>
  assert.deepEqual(
    Object.values(headers).map(({ name, in: where, required }) => ({ name, where, required })),
    [
      { name: 'x-bot-id', where: 'header', required: true },
      { name: 'x-integration-id', where: 'header', required: false },
      { name: 'x-integration-alias', where: 'header', required: false },
    ],
  )
})

test('export: every $ref of the document names something in it', () => {
  const source = new OpenApiSource(document as unknown as JsonObject, 'export')
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk)
    if (!node || typeof node !== 'object') return
    const { $ref } = node as { $ref?: unknown }
    if (typeof $ref === 'string') source.pointer($ref)
    Object.values(node).forEach(walk)
  }
  walk(document)
})
