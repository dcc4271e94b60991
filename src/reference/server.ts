// The embedded reference implementation of the Runtime API's chat operations: an in-memory
// server, correct per the contract, that the harness certifies when no target is configured.
import type { RequestListener, Server } from 'node:http'
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify'
import qs from 'qs'
import type { ChatRuleId } from '../contract/rules.ts'
import { contractSchemas } from '../contract/schemaRegistry.ts'
import { ApiError } from './apiError.ts'
import { reservedUrl } from './reservedServer.ts'
import { faultsNamed, type Fault } from './faults/index.ts'
import { referenceDefaults } from './defaults.ts'
import { OperationRouter } from './operationRoutes.ts'
import { registerActions } from './routes/actions.ts'
import { registerAnalytics } from './routes/analytics.ts'
import { registerConversations } from './routes/conversations.ts'
import { registerEvents } from './routes/events.ts'
import { registerIngestion } from './routes/ingestion.ts'
import { registerMessages } from './routes/messages.ts'
import { registerParticipants } from './routes/participants.ts'
import { registerStates } from './routes/states.ts'
import { registerTags } from './routes/tags.ts'
import { registerTasks } from './routes/tasks.ts'
import { registerUsers } from './routes/users.ts'
import { registerWorkflows } from './routes/workflows.ts'
import { rejectUndeclaredTagKeys } from './declaredTagKeys.ts'
import { ChatStore } from './store/chatStore.ts'
import { choicesNamed, type OpenChoice } from './openChoices.ts'

export interface ReferenceOptions {
  token: string
  botId: string
  pageSize?: number
  /** Faults to answer with, for tests of the harness; default: those REFERENCE_FAULT names (none when unset). */
  faults?: readonly Fault<ChatRuleId>[]
  /** A store filled beforehand (the bench's growth measurements); a new empty one by default. */
  store?: ChatStore
  /** The tag keys the bot declares; any other key is rejected (declaredTagKeys.ts). Unset: every key. */
  tagKeys?: readonly string[] | undefined
  /** Open choices answered the strict way (openChoices.ts); default: those REFERENCE_CHOICES names (none when unset). */
  openChoices?: readonly OpenChoice[]
  /** A server already listening (reserveLoopbackServer) that the reference answers on, instead of one of its own. */
  server?: Server
}

/** Fastify's own errors (bad JSON, wrong media type, body too large) as documented error types. */
function asApiError(error: FastifyError): ApiError {
  if (error instanceof ApiError) return error
  switch (error.statusCode) {
    case 400:
      return new ApiError('InvalidPayload', `body is not valid JSON: ${error.message}`)
    case 413:
      return new ApiError('PayloadTooLarge', error.message)
    case 415:
      return new ApiError('UnsupportedMediaType', 'bodies are JSON: send Content-Type: application/json')
    default:
      return new ApiError('Internal', 'the reference failed to answer')
  }
}

function authenticate(options: ReferenceOptions) {
  // Callback style: no promise per request; an error passed to done is the error answer.
  return (
    request: { headers: Record<string, string | string[] | undefined> },
    _reply: unknown,
    done: (error?: ApiError) => void,
  ) => {
    const authorization = request.headers.authorization
    if (!authorization) return done(new ApiError('Unauthorized', 'missing Authorization: Bearer <token>'))
    if (authorization !== `Bearer ${options.token}`)
      return done(new ApiError('Unauthorized', 'the bearer token is not valid'))
    const botId = request.headers['x-bot-id']
    if (!botId) return done(new ApiError('Unauthorized', 'missing x-bot-id header'))
    if (botId !== options.botId)
      return done(new ApiError('ResourceNotFound', `bot ${JSON.stringify(botId)} does not exist`))
    done()
  }
}

/**
 * The longest path parameter the router lets through to validation: a state name one past its
 * limit (S3), every code point percent-encoded (4 UTF-8 bytes, 12 characters), so a name at the
 * limit is served and one past it answers 400 rather than the router's 414.
 */
function maxParamLength(): number {
  const { maxLength } = contractSchemas().schemaOf('params/state.json', 'name') as { maxLength: number }
  return (maxLength + 1) * 12
}

export function buildReferenceServer(options: ReferenceOptions): FastifyInstance {
  const { server } = options
  const app = Fastify({
    logger: false,
    forceCloseConnections: true,
    ...(server
      ? {
          serverFactory: (handler: RequestListener) => {
            server.on('request', handler)
            return server
          },
        }
      : {}),
    routerOptions: {
      maxParamLength: maxParamLength(),
      // Query strings as the vendor's client writes them (tags.foo=a, ids=a&ids=b), brackets too (S7).
      querystringParser: (text) => qs.parse(text, { allowDots: true, depth: 2, arrayLimit: 100, parameterLimit: 1000 }),
    },
  })

  // An empty JSON body is an absent body (the schema then says what is missing), never a crash.
  app.removeContentTypeParser('application/json')
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = String(body)
    if (text.trim() === '') return done(null, undefined)
    try {
      done(null, JSON.parse(text))
    } catch (error) {
      done(new ApiError('InvalidPayload', `body is not valid JSON: ${(error as Error).message}`), undefined)
    }
  })

  const store = options.store ?? new ChatStore(options.botId, options.pageSize ?? referenceDefaults.pageSize)
  const router = new OperationRouter(app)
  // Faults come first, so a fault's hook can act before authentication; with none, nothing is added.
  for (const fault of options.faults ?? faultsNamed(process.env.REFERENCE_FAULT)) {
    fault.install({
      app,
      store,
      token: options.token,
      wrap: (id, wrapper) => router.wrap(id, wrapper),
      correctCall: (id) => router.correctCall(id),
    })
  }
  const choices = options.openChoices ?? choicesNamed(process.env.REFERENCE_CHOICES)
  for (const choice of choices) choice.install({ store, wrap: (id, wrapper) => router.wrap(id, wrapper) })
  app.addHook('onRequest', authenticate(options))
  if (options.tagKeys) rejectUndeclaredTagKeys(app, options.tagKeys)

  app.setErrorHandler((error: FastifyError, _request, reply) => {
    const apiError = asApiError(error)
    return reply.code(apiError.status).send(apiError.body())
  })
  app.setNotFoundHandler((request, reply) => {
    const error = new ApiError('ResourceNotFound', `no operation ${request.method} ${request.url.split('?')[0]}`)
    return reply.code(error.status).send(error.body())
  })

  registerUsers(router, store)
  registerConversations(router, store)
  registerParticipants(router, store)
  registerMessages(router, store)
  registerEvents(router, store)
  registerStates(router, store)
  registerActions(router)
  registerTags(router, store)
  // The spec scope: the 15 operations of the published API beyond the documented 33 (S14-S19).
  registerIngestion(router, store)
  registerTasks(router, store)
  registerWorkflows(router, store)
  registerAnalytics(router)
  return app
}

/** Starts the reference on 127.0.0.1 (port 0: any free port) and returns its base URL. */
export async function startReferenceServer(
  options: ReferenceOptions & { port?: number },
): Promise<{ url: string; close: () => Promise<void> }> {
  const app = buildReferenceServer(options)
  const { server } = options
  if (server) {
    // Listening already: Fastify neither listens on it nor closes it.
    await app.ready()
    const close = async (): Promise<void> => {
      await app.close()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
    return { url: reservedUrl(server), close }
  }
  await app.listen({ host: '127.0.0.1', port: options.port ?? 0 })
  const address = app.server.address()
  const port = typeof address === 'object' && address ? address.port : options.port
  return { url: `http://127.0.0.1:${port}/`, close: () => app.close() }
}
