// The Runtime API client the checks use: one typed function per documented operation, on
// Playwright's APIRequestContext. Every answer is inspected against the contract and recorded.
import { setTimeout as sleep } from 'node:timers/promises'
import type { APIRequestContext } from '@playwright/test'
import { chatOperation, fillPath, type ChatOperation, type ChatOperationId } from '../../contract/operations.ts'
import { contractSchemas } from '../../contract/schemaRegistry.ts'
import type * as T from '../../contract/types.ts'
import type { Violation } from '../../contract/violations.ts'
import { answerBody, oversizeAnswer } from './answerBody.ts'
import { inspectAnswer } from './answerInspection.ts'
import type { Exchange, ExchangeLog } from './exchangeLog.ts'
import { encodeQuery } from './queryString.ts'
import { describeTracked, removalOf, type ResourceLedger } from './resourceLedger.ts'
import { hideRunMarker, withRunMarker, type RunMarker } from './runMarker.ts'
import { RateLimitExhausted, TargetGuard, type GuardedAnswer } from './targetGuard.ts'
import { playwrightTransport, type Transport } from './transport.ts'
import { TransportFailure } from './transportFailure.ts'

export interface ClientTarget {
  baseUrl: string
  token: string
  botId: string
  integrationId: string | undefined
  timeoutMs: number
  /** Tag added to what the client creates, so leftovers can be found (runMarker.ts). */
  runMarker?: RunMarker | undefined
}

export interface CallOptions {
  params?: Record<string, string>
  query?: Record<string, unknown>
  /** A query string as written (without "?"), instead of query. */
  rawQuery?: string
  body?: unknown
  /** A body sent as is, for bodies that are not JSON on purpose. */
  rawBody?: string
  /** valid (default), none: no Authorization header, wrong: a token the target cannot know. */
  auth?: 'valid' | 'none' | 'wrong'
  /** Call in an integration's context: sends x-integration-id. */
  asIntegration?: boolean
  /** Extra headers; undefined removes a header the client would send. */
  headers?: Record<string, string | undefined>
}

export interface Reply<TBody = unknown> {
  operation: ChatOperation
  status: number
  contentType: string
  /** The parsed body, whatever its shape; undefined when the answer was not JSON. */
  json: unknown
  /** The body as the contract types it; only meaningful when the reply succeeded without violations. */
  body: TBody
  violations: Violation[]
  exchange: Exchange
  /** Marks this exchange as the one a failed check is about (its request becomes the report's curl). */
  blame(): void
}

export const wrongToken = 'conformance-wrong-token'

export class RuntimeClient {
  private readonly transport: Transport

  constructor(
    /** What carries the requests: a Transport, or Playwright's APIRequestContext. */
    http: APIRequestContext | Transport,
    readonly target: ClientTarget,
    readonly log: ExchangeLog,
    readonly ledger: ResourceLedger,
    /** Rate cap, 429 retries, the run's verdict on a silent target. */
    private readonly guard: TargetGuard = TargetGuard.direct(),
  ) {
    this.transport = 'send' in http ? http : playwrightTransport(http)
  }

  urlOf(op: ChatOperation, options: CallOptions): string {
    const path = fillPath(op.path, options.params ?? {}).replace(/^\//, '')
    const query = options.rawQuery ?? encodeQuery(options.query)
    return new URL(path, this.target.baseUrl).toString() + (query ? `?${query}` : '')
  }

  private headersOf(options: CallOptions, hasBody: boolean): Record<string, string> {
    const headers: Record<string, string | undefined> = {
      'x-bot-id': this.target.botId,
      accept: 'application/json',
    }
    const auth = options.auth ?? 'valid'
    if (auth !== 'none') headers.authorization = `Bearer ${auth === 'valid' ? this.target.token : wrongToken}`
    if (hasBody) headers['content-type'] = 'application/json'
    if (options.asIntegration && this.target.integrationId) headers['x-integration-id'] = this.target.integrationId
    Object.assign(headers, options.headers)
    return Object.fromEntries(
      Object.entries(headers).filter((entry): entry is [string, string] => entry[1] !== undefined),
    )
  }

  /**
   * Calls an operation and inspects the answer. Throws TransportFailure when no answer came,
   * TargetStopped when the run found the target stopped, RateLimitExhausted when 429s outlast the retries.
   */
  async call<TBody = unknown>(id: ChatOperationId, options: CallOptions = {}): Promise<Reply<TBody>> {
    const op = chatOperation(id)
    const body = withRunMarker(id, options.body, this.target.runMarker)
    const data = options.rawBody ?? (body === undefined ? undefined : JSON.stringify(body))
    const url = this.urlOf(op, options)
    const requestHeaders = this.headersOf(options, data !== undefined)
    const startedAt = new Date()
    const base = {
      operation: id,
      method: op.method,
      url,
      requestHeaders,
      requestBody: data,
      startedAt: startedAt.toISOString(),
    }
    const elapsed = () => Date.now() - startedAt.getTime()

    let answer: GuardedAnswer
    try {
      answer = await this.guard.send(id, this.target.timeoutMs, () =>
        this.transport.send({
          method: op.method,
          url,
          headers: requestHeaders,
          body: data,
          timeoutMs: this.target.timeoutMs,
        }),
      )
    } catch (error) {
      if (error instanceof TransportFailure) {
        const exchange = this.log.add({ ...base, transportError: error.cause, violations: [], durationMs: elapsed() })
        this.log.blame(exchange)
        throw error.withMask((t) => this.log.mask(t))
      }
      if (error instanceof RateLimitExhausted) this.record(op, base, error.answer, elapsed()).blame()
      throw error
    }
    return this.record<TBody>(op, base, answer, elapsed(), options)
  }

  /** Inspects an answer, logs the exchange and tracks what it created or deleted. */
  private record<TBody>(
    op: ChatOperation,
    base: Omit<Exchange, 'seq' | 'violations' | 'durationMs'>,
    answer: GuardedAnswer,
    durationMs: number,
    request: CallOptions = {},
  ): Reply<TBody> {
    const { status, headers: responseHeaders, retries } = answer
    const contentType = responseHeaders['content-type'] ?? ''
    const raw = answerBody(answer.body)
    // Masked before anything quotes it: a page that echoes the token, cut at its first bytes,
    // would otherwise leak the token's start.
    const text = { ...raw, text: this.log.mask(raw.text) }
    const inspected = text.overLimit
      ? oversizeAnswer(status, contentType, text)
      : inspectAnswer(op, status, contentType, text.text, contractSchemas())
    const { violations } = inspected
    const json = hideRunMarker(inspected.json, this.target.runMarker, text.text)
    const exchange = this.log.add({
      ...base,
      status,
      responseHeaders,
      responseBody: text.text,
      violations,
      durationMs,
      ...(retries ? { retries } : {}),
    })
    if (status >= 200 && status < 300) this.ledger.observe(op.id, request, json)
    return {
      operation: op,
      status,
      contentType,
      json,
      body: json as TBody,
      violations,
      exchange,
      blame: () => this.log.blame(exchange),
    }
  }

  /**
   * Lets time pass that the documents require (an expiry, a timestamp that must move): recorded
   * in the log, so a measurement can tell it from the harness's own time (npm run bench).
   */
  async wait(ms: number, why: string): Promise<void> {
    this.log.noteWait(ms, why)
    await sleep(ms)
  }

  /** Deletes what the test created and did not delete; returns what could not be deleted. */
  async cleanUp(): Promise<string[]> {
    const leftovers: string[] = []
    for (const tracked of this.ledger.pending()) {
      const removal = removalOf(tracked)
      try {
        const reply = await this.call(removal.operation, { params: removal.params, body: removal.body })
        if (removal.errorIsLeftover && reply.status >= 300 && reply.status !== 404) {
          leftovers.push(`${describeTracked(tracked)} (delete answered ${reply.status})`)
        }
      } catch (error) {
        leftovers.push(`${describeTracked(tracked)} (${(error as Error).message.split('\n')[0]})`)
      }
    }
    return leftovers
  }

  private byId<TBody>(id: ChatOperationId, resourceId: string, options: CallOptions = {}): Promise<Reply<TBody>> {
    return this.call<TBody>(id, { ...options, params: { id: resourceId, ...options.params } })
  }

  // Users
  createUser = (body: T.CreateUserBody, o?: CallOptions) => this.call<{ user: T.User }>('createUser', { ...o, body })

  // Conversations
  createConversation = (body: T.CreateConversationBody, o?: CallOptions) =>
    this.call<{ conversation: T.Conversation }>('createConversation', { ...o, body })

  // Participants
  addParticipant = (conversationId: string, userId: string, o?: CallOptions) =>
    this.call<{ participant: T.User }>('addParticipant', { ...o, params: { id: conversationId }, body: { userId } })
  getParticipant = (conversationId: string, userId: string, o?: CallOptions) =>
    this.call<{ participant: T.User }>('getParticipant', { ...o, params: { id: conversationId, userId } })
  removeParticipant = (conversationId: string, userId: string, o?: CallOptions) =>
    this.call<T.Empty>('removeParticipant', { ...o, params: { id: conversationId, userId } })

  // Events
  createEvent = (body: T.CreateEventBody, o?: CallOptions) =>
    this.call<{ event: T.Event }>('createEvent', { ...o, body })
  getEvent = (id: string, o?: CallOptions) => this.byId<{ event: T.Event }>('getEvent', id, o)

  // Messages
  createMessage = (body: T.CreateMessageBody, o?: CallOptions) =>
    this.call<{ message: T.Message }>('createMessage', { ...o, body })

  // States
  getState = (at: T.StateAddress, o?: CallOptions) =>
    this.call<{ state: T.State; meta: { cached: boolean } }>('getState', { ...o, params: { ...at } })
  setState = (at: T.StateAddress, body: T.SetStateBody, o?: CallOptions) =>
    this.call<{ state: T.State }>('setState', { ...o, params: { ...at }, body })
  patchState = (at: T.StateAddress, body: { payload: T.Payload }, o?: CallOptions) =>
    this.call<{ state: T.State }>('patchState', { ...o, params: { ...at }, body })
  getOrSetState = (at: T.StateAddress, body: T.GetOrSetStateBody, o?: CallOptions) =>
    this.call<{ state: T.State; meta: { cached: boolean } }>('getOrSetState', { ...o, params: { ...at }, body })
  setStateExpiry = (at: T.StateAddress, expiry: number | null, o?: CallOptions) =>
    this.call<{ state: T.State }>('setStateExpiry', { ...o, params: { ...at }, body: { expiry } })

  // Actions, integrations, tags
  callAction = (body: T.CallActionBody, o?: CallOptions) =>
    this.call<{ output: T.Payload; meta: { cached: boolean } }>('callAction', { ...o, body })
  configureIntegration = (body: T.ConfigureIntegrationBody, o?: CallOptions) =>
    this.call<T.Empty>('configureIntegration', { asIntegration: true, ...o, body })
}
