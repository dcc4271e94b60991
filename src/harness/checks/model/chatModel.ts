// The model of the documented behaviour the model-based checks compare a target with: what a
// sequence of calls made, as the target last answered it (once the answer was found to be one the
// documents allow), what it deleted, and which facts the documents leave open ([open]: a
// conversation's messages after it is deleted, a user's participations after it is deleted…).
// The model holds no rule of its own beyond S1-S13: each command says what it expects and why.
import type { RuleId } from '../../../contract/rules.ts'
import type { Payload, Tags } from '../../../contract/types.ts'
import type { Reply } from '../../client/runtimeClient.ts'
import type { CheckContext } from '../checkContext.ts'
import { ConformanceFailure, expectError, expectSuccess, expectThat, type ExpectedError } from '../expectations.ts'

/** What the model knows of one resource: the target's last answer, and whether it may be gone. */
export interface Known {
  id: string
  resource: Record<string, unknown>
  /** The documents leave open whether it still exists (it went with what it belonged to, or not). */
  maybeGone?: true
}

export type TaggedKindName = 'user' | 'conversation' | 'message'

export interface StateEntry {
  name: string
  /** The stored payload; undefined: never set (or deleted); 'open': the documents leave it open. */
  payload: Payload | undefined | 'open'
}

/** A disagreement between the target and the documents, under the rule that states what was expected. */
export class Disagreement extends ConformanceFailure {
  constructor(
    readonly rule: RuleId,
    message: string,
  ) {
    super(message)
  }
}

function asDisagreement(rule: RuleId, error: unknown): unknown {
  return error instanceof ConformanceFailure && !(error instanceof Disagreement)
    ? new Disagreement(rule, error.message)
    : error
}

/**
 * Runs assertions (expectSuccess, expectThat, a list walk…) under a rule: a failure becomes a
 * disagreement of that rule. Works for assertions that return a promise too.
 */
export function under<T>(rule: RuleId, assertions: () => T): T {
  try {
    const result = assertions()
    if (result instanceof Promise)
      return result.catch((error: unknown) => {
        throw asDisagreement(rule, error)
      }) as T
    return result
  } catch (error) {
    throw asDisagreement(rule, error)
  }
}

/**
 * A valid call's success body. A valid call that fails is the operation's own checks' concern
 * (SHAPE), and so is a body that breaks the contract: the model stops there rather than judge.
 */
export function succeeded<T>(rule: RuleId, reply: Reply<T>, context?: string): T {
  const shapeOnly = reply.status === reply.operation.status || reply.status >= 500
  return under(shapeOnly ? 'SHAPE' : rule, () => expectSuccess(reply, context))
}

export function failedWith(rule: RuleId, reply: Reply, expected: ExpectedError, context?: string): void {
  under(rule, () => expectError(reply, expected, context))
}

export function agrees(rule: RuleId, condition: boolean, reply: Reply, message: string): asserts condition {
  under(rule, () => expectThat(condition, reply, message))
}

/** Comparable JSON: what a target can keep of a value (-0 is 0, key order is free). */
export function sameJson(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b)
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  )
}

/** Which of the check's own expectations a sequence is held to: [doc] rules (core), or [usage] too (strict). */
export interface ModelSettings {
  /** The rule whose check this is: a disagreement under another rule stops the sequence instead. */
  rule: RuleId
  strict: boolean
}

export class ChatModel {
  readonly users: Known[] = []
  readonly conversations: Known[] = []
  readonly messages: Known[] = []
  readonly events: Known[] = []
  /** Ids deleted by the sequence, by kind: a get of one must answer 404. */
  readonly deleted: Record<TaggedKindName, string[]> = { user: [], conversation: [], message: [] }
  /** What deleted resources were like, for requests that ask for what they had (a get-or-create of their tags). */
  readonly graveyard: Record<TaggedKindName, Known[]> = { user: [], conversation: [], message: [] }
  /** conversation id → user ids that take part, as far as the documents say; and those that may. */
  readonly participants = new Map<string, Set<string>>()
  readonly maybeParticipants = new Map<string, Set<string>>()
  /** (conversation, user) pairs removed by the sequence. */
  readonly removedParticipants = new Set<string>()
  readonly states: StateEntry[]
  /** The calls of the sequence so far, with the ids they used, for the failure's replay. */
  readonly transcript: string[] = []
  /** Set when a disagreement under another rule stopped the sequence. */
  stoppedBy: Disagreement | undefined

  constructor(
    readonly settings: ModelSettings,
    /** Names only this sequence uses: its scope tag, channels, event types, state names. */
    readonly scope: Scope,
  ) {
    this.states = scope.stateNames.map((name) => ({ name, payload: undefined }))
  }

  collection(kind: TaggedKindName): Known[] {
    return kind === 'user' ? this.users : kind === 'conversation' ? this.conversations : this.messages
  }

  /** Resources of a kind that exist for sure. */
  live(kind: TaggedKindName): Known[] {
    return this.collection(kind).filter((k) => !k.maybeGone)
  }

  find(kind: TaggedKindName, id: string): Known | undefined {
    return this.collection(kind).find((k) => k.id === id)
  }

  forget(kind: TaggedKindName, id: string): void {
    const list = this.collection(kind)
    const index = list.findIndex((k) => k.id === id)
    if (index >= 0) list.splice(index, 1)
  }

  participantsOf(conversationId: string): Set<string> {
    let set = this.participants.get(conversationId)
    if (!set) this.participants.set(conversationId, (set = new Set()))
    return set
  }

  maybeParticipantsOf(conversationId: string): Set<string> {
    let set = this.maybeParticipants.get(conversationId)
    if (!set) this.maybeParticipants.set(conversationId, (set = new Set()))
    return set
  }

  /** A conversation with a participant that surely takes part, for a message to be written in. */
  chats(): { conversation: Known; user: Known }[] {
    return this.live('conversation').flatMap((conversation) =>
      [...this.participantsOf(conversation.id)].flatMap((userId) => {
        const user = this.live('user').find((u) => u.id === userId)
        return user ? [{ conversation, user }] : []
      }),
    )
  }

  /** What the documents leave open after a delete ([open]): what belonged to it may have gone with it. */
  afterDelete(kind: TaggedKindName, id: string): void {
    const known = this.find(kind, id)
    if (known) this.graveyard[kind].push(known)
    this.forget(kind, id)
    this.deleted[kind].push(id)
    const mayGo = (k: Known, linked: boolean) => {
      if (linked) k.maybeGone = true
    }
    if (kind === 'conversation') {
      for (const m of this.messages) mayGo(m, m.resource.conversationId === id)
      this.participants.delete(id)
      this.maybeParticipants.delete(id)
    }
    if (kind === 'user') {
      for (const m of this.messages) mayGo(m, m.resource.userId === id)
      for (const [conversationId, users] of this.participants)
        if (users.delete(id)) this.maybeParticipantsOf(conversationId).add(id)
    }
    for (const e of this.events) mayGo(e, e.resource[`${kind}Id`] === id)
  }

  stop(disagreement: Disagreement): void {
    this.stoppedBy = disagreement
  }
}

/** The names one sequence uses, so that nothing another sequence or check made can match them. */
export interface Scope {
  /** The tag every resource of the sequence carries, and every list and get-or-create names. */
  tagKey: string
  tagValue: string
  /** Tag keys the sequence varies. */
  keys: string[]
  channels: string[]
  eventTypes: string[]
  stateNames: string[]
  /** The conversation the sequence's states belong to, made before it starts (states only). */
  stateOwner?: string
}

export function scopeTag(scope: Scope): Tags {
  return { [scope.tagKey]: scope.tagValue }
}

/** What a command runs against: the check's client, values and prerequisites. */
export type ModelTarget = CheckContext
