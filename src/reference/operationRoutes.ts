// Registers a chat operation (any of the 48 of schemas/operations.json) on the server: its method
// and path, strict validation of path, query and body against schemas/ (an unknown property is a
// 400, never dropped), and its documented success status.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { chatOperation, type ChatOperationId } from '../contract/operations.ts'
import { SchemaRegistry } from '../contract/schemaRegistry.ts'
import { describeViolations, violationLine } from '../contract/violations.ts'
import { ApiError, type ErrorType } from './apiError.ts'

export interface OperationRequest<TBody = unknown> {
  params: Record<string, string>
  query: Record<string, unknown>
  body: TBody
  /** Present when the caller acts in an integration's context. */
  integrationId: string | undefined
}

/** The Fastify URL of an operation's path: /v1/chat/users/{id} → /v1/chat/users/:id. */
export function routeUrl(path: string): string {
  return path.replace(/\{(\w+)\}/g, ':$1')
}

export type OperationHandler<TBody = never> = (request: OperationRequest<TBody>) => unknown

/** An operation as served: the request as received in, its success body out (an ApiError thrown is the error answer). */
export type OperationCall = (request: OperationRequest) => Promise<unknown>

/**
 * Wraps an operation (faults only, src/reference/faults/): it sees the request as received,
 * before validation, and may change it, answer itself, or call `next` (validation and the
 * correct handler) and change what it answers.
 */
export type OperationWrapper = (request: OperationRequest, next: OperationCall) => unknown

export class OperationRouter {
  // Bodies and paths are validated as sent; queries may carry a one-element array as a plain value.
  private readonly strict = new SchemaRegistry()
  private readonly forQueries = new SchemaRegistry({ coerceArrays: true })
  private readonly wrappers = new Map<ChatOperationId, OperationWrapper[]>()
  private readonly correct = new Map<ChatOperationId, OperationCall>()

  constructor(private readonly app: FastifyInstance) {
    this.strict.compileAll()
  }

  private check(
    registry: SchemaRegistry,
    schema: string | undefined,
    value: unknown,
    what: string,
    type: ErrorType,
  ): void {
    if (!schema) return
    const errors = registry.validate(schema, value)
    if (errors.length === 0) return
    const lines = describeViolations(errors, 'SHAPE').map(violationLine)
    throw new ApiError(type, `${what} is not valid: ${lines.join('; ')}`)
  }

  /** Wraps an operation registered later; wrappers are composed once, at registration, so an unwrapped operation pays nothing. */
  wrap(id: ChatOperationId, wrapper: OperationWrapper): void {
    if (this.correct.has(id)) throw new Error(`${id} is registered already: wrap it before its routes are registered`)
    this.wrappers.set(id, [...(this.wrappers.get(id) ?? []), wrapper])
  }

  /** An operation as the reference serves it without any wrapper: validation, then its handler. */
  correctCall(id: ChatOperationId): OperationCall {
    const call = this.correct.get(id)
    if (!call) throw new Error(`${id} is not registered`)
    return call
  }

  /** The handler returns the success body; an ApiError it throws becomes the error answer. */
  register<TBody>(id: ChatOperationId, handler: OperationHandler<TBody>): void {
    const op = chatOperation(id)
    const validated = (request: OperationRequest): unknown => {
      this.check(this.strict, op.params, request.params, 'path', 'InvalidPayload')
      this.check(this.forQueries, op.query, request.query, 'query', 'InvalidQuery')
      this.check(this.strict, op.request, request.body, 'body', 'InvalidPayload')
      return handler(request as OperationRequest<TBody>)
    }
    const correct: OperationCall = async (request) => await validated(request)
    this.correct.set(id, correct)
    const wrappers = this.wrappers.get(id) ?? []
    // Without a wrapper (always, outside the mutation self-test) the operation runs synchronously:
    // no promise per request between Fastify and the handler.
    const served =
      wrappers.length === 0
        ? validated
        : wrappers.reduce<OperationCall>((next, wrapper) => async (request) => await wrapper(request, next), correct)
    this.app.route({
      method: op.method,
      url: routeUrl(op.path),
      handler: (request: FastifyRequest, reply: FastifyReply) => {
        const integrationId = request.headers['x-integration-id']
        const result = served({
          // Copies: validation may coerce them in place, and a wrapper may see them before it.
          params: { ...(request.params as Record<string, string>) },
          query: { ...(request.query as Record<string, unknown>) },
          body: request.body,
          integrationId: typeof integrationId === 'string' && integrationId ? integrationId : undefined,
        })
        if (result instanceof Promise) return result.then((body) => reply.code(op.status).send(body))
        // Sent here; returning the reply would make Fastify send it a second time.
        void reply.code(op.status).send(result)
        return undefined
      },
    })
  }
}
