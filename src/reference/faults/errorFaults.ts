// S13: every error answer is {id, code, type, message} with code equal to the HTTP status; a
// body that fails its schema answers 400; a missing or wrong token 401; an unknown id 404.
import { ApiError } from '../apiError.ts'
import type { Fault } from './fault.ts'
import { errorFault, requestFault, withBody } from './operationFaults.ts'
import { beforeAuthentication } from './routeHooks.ts'

/** An error whose body names another status than the one it is sent with. */
class MislabeledError extends ApiError {
  constructor(
    error: ApiError,
    private readonly code: number,
  ) {
    super(error.type, error.message)
  }

  override body(): ReturnType<ApiError['body']> {
    return { ...super.body(), code: this.code }
  }
}

export const errorFaults: Fault[] = [
  errorFault({
    name: 'error-code-differs-from-status',
    breaks: 'S13',
    side: 'answer',
    summary: "getMessage's error answers carry code 400 whatever their HTTP status",
    operation: 'getMessage',
    concerns: ['S13.getMessage.unknown-id-404'],
    recover: (error) => {
      if (error.status !== 400) throw new MislabeledError(error, 400)
      return undefined
    },
  }),
  {
    name: 'wrong-token-answers-403',
    breaks: 'S13',
    side: 'answer',
    summary: 'updateUser answers a wrong bearer token with 403 Forbidden instead of 401 Unauthorized',
    concerns: ['S13.updateUser.wrong-token-401'],
    install({ app, token }) {
      beforeAuthentication(app, 'updateUser', (request) => {
        const authorization = request.headers.authorization
        if (authorization && authorization !== `Bearer ${token}`)
          throw new ApiError('Forbidden', 'this token may not update users')
      })
    },
  },
  {
    name: 'no-token-accepted',
    breaks: 'S13',
    side: 'request',
    summary: 'listMessages answers a request without a bearer token as if it carried the right one',
    concerns: ['S13.listMessages.no-token-401'],
    install({ app, token }) {
      beforeAuthentication(app, 'listMessages', (request) => {
        request.headers.authorization ??= `Bearer ${token}`
      })
    },
  },
  requestFault({
    name: 'missing-required-field-accepted',
    breaks: 'S13',
    side: 'request',
    summary: 'createEvent fills in a missing type or payload instead of answering 400 InvalidPayload',
    operation: 'createEvent',
    concerns: ['S13.createEvent.invalid-body-400'],
    rewrite: (request) => withBody(request, (body) => ({ type: 'event', payload: {}, ...body })),
  }),
  errorFault({
    name: 'unknown-id-delete-succeeds',
    breaks: 'S13',
    side: 'behaviour',
    summary: 'deleteConversation of an id that never existed answers {} instead of 404 ResourceNotFound',
    operation: 'deleteConversation',
    concerns: ['S13.deleteConversation.unknown-id-404'],
    recover: (error) => (error.status === 404 ? {} : undefined),
  }),
]
