// The contract as an OpenAPI 3.0 document, assembled from schemas/ alone: the 48 operations of
// operations.json (the 33 documented ones, then the 15 of the spec scope, marked x-scope: spec)
// with their parameters, bodies, success answers and error answers, bearer security and the
// headers of headers.json. Nothing here states a constraint of its own.
import type { OpenAPIV3 } from 'openapi-types'
import { allOperations, isSpecOperationId, type ChatOperation } from '../contract/operations.ts'
import { SchemaRegistry } from '../contract/schemaRegistry.ts'
import { dataFile, packageInfo } from '../environment/packageLayout.ts'
import { vendorQueryOptions } from '../harness/client/queryString.ts'
import { headerParameters, pathParameters, queryParameters } from './parameters.ts'
import { SchemaConverter } from './schemaConversion.ts'

/** The package's copy of the document (committed, and shipped in the npm package). */
export const openapiPath = dataFile('openapi/runtime-chat-api.json')

const bearer = 'bearerAuth'
const errorResponse = 'Error'
const server = 'https://api.botpress.cloud'

type Method = Lowercase<ChatOperation['method']>

/** Our extension at the document's root: how the vendor's client writes query strings (S7). */
export type RuntimeChatDocument = OpenAPIV3.Document & {
  'x-query-string': { library: 'qs'; stringify: typeof vendorQueryOptions }
}

function describe(op: ChatOperation): string {
  const parts = [
    op.params && `Path: schemas/${op.params}.`,
    op.query && `Query: schemas/${op.query}.`,
    op.request && `Body: schemas/${op.request}.`,
  ]
  return [
    ...parts.filter(Boolean),
    `Answer ${op.status}: schemas/${op.response}; an error answers with schemas/error.json (S13).`,
  ].join(' ')
}

function operationObject(
  op: ChatOperation,
  schemas: SchemaRegistry,
  converter: SchemaConverter,
  headers: string[],
): OpenAPIV3.OperationObject {
  const operation: OpenAPIV3.OperationObject = {
    operationId: op.id,
    tags: [op.area],
    description: describe(op),
    parameters: [
      ...pathParameters(op, schemas, converter),
      ...queryParameters(op, schemas, converter),
      ...headers.map((name) => ({ $ref: `#/components/parameters/${name}` })),
    ],
    responses: {
      [String(op.status)]: {
        description: `Success: schemas/${op.response}.`,
        content: { 'application/json': { schema: converter.refTo({ file: op.response }) } },
      },
      default: { $ref: `#/components/responses/${errorResponse}` },
    },
  }
  // Our extension: the operations of the published API beyond the documented ones (S14-S19).
  if (isSpecOperationId(op.id)) Object.assign(operation, { 'x-scope': 'spec' })
  if (op.request) {
    operation.requestBody = {
      required: true,
      content: { 'application/json': { schema: converter.refTo({ file: op.request }) } },
    }
  }
  return operation
}

/** Builds the document from schemas/ (nothing is read from the committed copy). */
export function buildOpenApiDocument(schemas = new SchemaRegistry()): RuntimeChatDocument {
  const converter = new SchemaConverter(schemas.files)
  const headers = headerParameters(schemas, converter)
  const paths: OpenAPIV3.PathsObject = {}
  for (const op of allOperations.values()) {
    const item = (paths[op.path] ??= {})
    item[op.method.toLowerCase() as Method] = operationObject(op, schemas, converter, Object.keys(headers))
  }
  const errorSchema = converter.refTo({ file: 'error.json' })
  const areas = [...new Set([...allOperations.values()].map((op) => op.area))]

  return {
    openapi: '3.0.3',
    info: {
      title: 'Botpress Runtime API: chat operations',
      version: packageInfo.version,
      description: [
        'The chat operations of the Runtime API as the conformance harness checks them: the 33 documented ones,',
        'and the 15 further ones of the published API marked x-scope: spec (tasks, workflows, cancelling a',
        'scheduled event, importing messages, initializing an incoming message, analytics), which a target may leave out.',
        'Generated from schemas/ by `npm run openapi`: edit the schemas, not this file.',
        'x-rule names the rule (S1-S19, stated in docs/rules.md of the conformance harness) a violation of a constraint breaks.',
      ].join(' '),
      license: { name: 'MIT' },
    },
    servers: [{ url: server }],
    security: [{ [bearer]: [] }],
    tags: areas.map((area) => ({ name: area })),
    paths,
    components: {
      schemas: converter.components(),
      parameters: headers,
      responses: {
        [errorResponse]: {
          description:
            'An error: code is the HTTP status and type one of the documented error types, each with its status (S13).',
          content: { 'application/json': { schema: errorSchema } },
        },
      },
      securitySchemes: { [bearer]: { type: 'http', scheme: 'bearer', description: 'Authorization: Bearer <token>' } },
    },
    'x-query-string': { library: 'qs', stringify: vendorQueryOptions },
  }
}

/** The document as the committed file holds it. */
export function openApiText(document: RuntimeChatDocument = buildOpenApiDocument()): string {
  return `${JSON.stringify(document, null, 2)}\n`
}
