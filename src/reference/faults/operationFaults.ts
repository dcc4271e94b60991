// Most faults are a few lines around the correct handler of one operation: rewrite the request
// before it is validated and served, or rewrite the answer it gives. These build such faults.
import type { ChatOperationId } from '../../contract/operations.ts'
import type { ChatRuleId, RuleId } from '../../contract/rules.ts'
import { ApiError } from '../apiError.ts'
import type { OperationRequest } from '../operationRoutes.ts'
import type { ChatStore } from '../store/chatStore.ts'
import { isJsonObject, type Fault } from './fault.ts'

type Described<Rule extends ChatRuleId> = Omit<Fault<Rule>, 'install'>

/** A fault that changes the success answer of one operation. */
export function answerFault<Rule extends ChatRuleId = RuleId>(
  spec: Described<Rule> & {
    operation: ChatOperationId
    rewrite: (answer: Record<string, unknown>, request: OperationRequest) => unknown
  },
): Fault<Rule> {
  const { operation, rewrite, ...described } = spec
  return {
    ...described,
    install({ wrap }) {
      wrap(operation, async (request, next) => {
        const answer = await next(request)
        return isJsonObject(answer) ? rewrite(answer, request) : answer
      })
    },
  }
}

/** A fault that changes a request of one operation before it is validated and served. */
export function requestFault<Rule extends ChatRuleId = RuleId>(
  spec: Described<Rule> & { operation: ChatOperationId; rewrite: (request: OperationRequest) => OperationRequest },
): Fault<Rule> {
  const { operation, rewrite, ...described } = spec
  return {
    ...described,
    install({ wrap }) {
      wrap(operation, (request, next) => next(rewrite(request)))
    },
  }
}

/**
 * A fault in how one operation fails: `recover` gets the correct error (and the store) and returns a
 * success answer to give instead, throws another error, or returns undefined to keep it.
 */
export function errorFault<Rule extends ChatRuleId = RuleId>(
  spec: Described<Rule> & {
    operation: ChatOperationId
    recover: (error: ApiError, request: OperationRequest, store: ChatStore) => unknown
  },
): Fault<Rule> {
  const { operation, recover, ...described } = spec
  return {
    ...described,
    install({ wrap, store }) {
      wrap(operation, async (request, next) => {
        try {
          return await next(request)
        } catch (error) {
          const answer = error instanceof ApiError ? recover(error, request, store) : undefined
          if (answer === undefined) throw error
          return answer
        }
      })
    },
  }
}

/** The request with its JSON body changed (a body that is not an object is left alone for validation to refuse). */
export function withBody(
  request: OperationRequest,
  change: (body: Record<string, unknown>) => Record<string, unknown>,
): OperationRequest {
  return isJsonObject(request.body) ? { ...request, body: change({ ...request.body }) } : request
}

/** The request with one field of its JSON body changed, when the body has it. */
export function withBodyField(
  request: OperationRequest,
  key: string,
  change: (value: unknown) => unknown,
): OperationRequest {
  return withBody(request, (body) => (key in body ? { ...body, [key]: change(body[key]) } : body))
}

/** The answer with the resource under `key` changed ({user: …} → {user: change(…)}). */
export function withResource(
  answer: Record<string, unknown>,
  key: string,
  change: (resource: Record<string, unknown>) => Record<string, unknown>,
): Record<string, unknown> {
  const resource = answer[key]
  return isJsonObject(resource) ? { ...answer, [key]: change({ ...resource }) } : answer
}

/** The answer with every item of the list under `key` changed. */
export function withItems(
  answer: Record<string, unknown>,
  key: string,
  change: (item: Record<string, unknown>) => Record<string, unknown>,
): Record<string, unknown> {
  const items = answer[key]
  return Array.isArray(items)
    ? { ...answer, [key]: items.map((item: unknown) => (isJsonObject(item) ? change({ ...item }) : item)) }
    : answer
}
