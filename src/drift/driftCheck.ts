// The drift check: our 48 operations (the 33 documented and the 15 of the spec scope), flattened from the OpenAPI document schemas/ give, against
// the operations of any OpenAPI document of the Runtime API.
import { buildOpenApiDocument } from '../openapi/openapiDocument.ts'
import { OpenApiSource, type JsonObject } from './documentLoading.ts'
import { compareOperations, type DriftResult } from './driftComparison.ts'
import { operationShapes, type OperationShape } from './operationShapes.ts'

/** Our operations, as the export of schemas/ describes them. */
export function ourOperationShapes(): OperationShape[] {
  return operationShapes(new OpenApiSource(buildOpenApiDocument() as unknown as JsonObject, 'schemas/'))
}

export function driftAgainst(theirs: OpenApiSource, ours: OperationShape[] = ourOperationShapes()): DriftResult {
  return compareOperations(ours, operationShapes(theirs))
}
