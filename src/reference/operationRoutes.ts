// Registers a documented operation on the server from schemas/operations.json: its method and
// path, strict validation of path, query and body against schemas/ (an unknown property is a
// 400, never dropped), and its documented success status.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { operation, type OperationId } from '../harness/contract/operations.ts'
import { SchemaRegistry } from '../harness/contract/schemaRegistry.ts'
import { describeViolations, violationLine } from '../harness/contract/violations.ts'
import { ApiError, type ErrorType } from './apiError.ts'

export interface OperationRequest<TBody = unknown> {
  params: Record<string, string>
  query: Record<string, unknown>
  body: TBody
  /** Present when the caller acts in an integration's context. */
  integrationId: string | undefined
}

export type OperationHandler<TBody = never> = (request: OperationRequest<TBody>) => unknown

export class OperationRouter {
  // Bodies and paths are validated as sent; queries may carry a one-element array as a plain value.
  private readonly strict = new SchemaRegistry()
  private readonly forQueries = new SchemaRegistry({ coerceArrays: true })

  constructor(private readonly app: FastifyInstance) {
    this.strict.compileAll()
  }

  private check(registry: SchemaRegistry, schema: string | undefined, value: unknown, what: string, type: ErrorType): void {
    if (!schema) return
    const errors = registry.validate(schema, value)
    if (errors.length === 0) return
    const lines = describeViolations(errors, 'SHAPE').map(violationLine)
    throw new ApiError(type, `${what} is not valid: ${lines.join('; ')}`)
  }

  /** The handler returns the success body; an ApiError it throws becomes the error answer. */
  register<TBody>(id: OperationId, handler: OperationHandler<TBody>): void {
    const op = operation(id)
    this.app.route({
      method: op.method,
      url: op.path.replace(/\{(\w+)\}/g, ':$1'),
      handler: async (request: FastifyRequest, reply) => {
        const params = { ...(request.params as Record<string, string>) }
        const query = { ...(request.query as Record<string, unknown>) }
        this.check(this.strict, op.params, params, 'path', 'InvalidPayload')
        this.check(this.forQueries, op.query, query, 'query', 'InvalidQuery')
        this.check(this.strict, op.request, request.body, 'body', 'InvalidPayload')
        const integrationId = request.headers['x-integration-id']
        const result = await handler({
          params,
          query,
          body: request.body as TBody,
          integrationId: typeof integrationId === 'string' && integrationId ? integrationId : undefined,
        })
        return reply.code(op.status).send(result)
      },
    })
  }
}
