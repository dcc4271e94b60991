// Sends a failure's replay to a target: every step in order (steps recorded as simultaneous go
// out together), each value an earlier answer gave taken from the answer this replay got, the
// run id a fresh one; prints every exchange (masked); judges the last answer against the one
// recorded; deletes what the replay created. Reproduced means the failing request got the same
// answer again (same status, the same breaches of the contract, the same body once what differs
// between any two runs is set aside: comparableAnswer.ts).
import { randomBytes } from 'node:crypto'
import { setTimeout } from 'node:timers/promises'
import { chatOperation } from '../../contract/operations.ts'
import { contractSchemas } from '../../contract/schemaRegistry.ts'
import { answerBody } from '../client/answerBody.ts'
import { inspectAnswer } from '../client/answerInspection.ts'
import { wrongToken } from '../client/runtimeClient.ts'
import type { SecretMask } from '../client/secretMask.ts'
import { comparableAnswer, differences, EarlierAnswers, type ComparableAnswer } from './comparableAnswer.ts'
import type { Piece, Replay, ReplayStep } from './replaySteps.ts'

export interface ReplayTarget {
  baseUrl: string
  token: string
  botId: string
  integrationId: string | undefined
  timeoutMs: number
}

export interface ReplayOutcome {
  reproduced: boolean
  /** One line: reproduced or not, and how the answer differs. */
  verdict: string
}

interface Answer {
  status: number | undefined
  contentType: string
  text: string
  json: unknown
  /** Why no answer came. */
  transportError?: string
}

/** A value a step needs and an earlier answer did not give. */
class MissingValue extends Error {}

function valueAt(json: unknown, path: readonly (string | number)[]): unknown {
  let node = json
  for (const key of path) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined
  return node
}

function parsed(text: string): unknown {
  try {
    return text === '' ? undefined : (JSON.parse(text) as unknown)
  } catch {
    return undefined
  }
}

const shownLength = 300

function short(text: string): string {
  return text.length > shownLength ? `${text.slice(0, shownLength)}… (${text.length} characters)` : text
}

export class ReplayRun {
  private readonly answers: Answer[] = []
  /** The replay's own run id, as long as the recorded one: lengths the steps probe stay as they were. */
  readonly runId: string

  constructor(
    private readonly replay: Replay,
    private readonly target: ReplayTarget,
    private readonly mask: SecretMask,
    private readonly print: (line: string) => void,
  ) {
    this.runId = randomBytes(64).toString('hex').slice(0, replay.target.runIdLength)
  }

  private text(pieces: readonly Piece[]): string {
    return pieces
      .map((piece) => {
        if (typeof piece === 'string') return piece
        if ('setting' in piece)
          return piece.setting === 'runId'
            ? this.runId
            : piece.setting === 'botId'
              ? this.target.botId
              : (this.target.integrationId ?? '')
        const value = valueAt(this.answers[piece.from - 1]?.json, piece.path)
        if (typeof value !== 'string')
          throw new MissingValue(
            `step ${piece.from}'s answer has no ${piece.path.join('.')}, which a later step needs (step ${piece.from} answered ${this.answers[piece.from - 1]?.status ?? 'nothing'})`,
          )
        return piece.encode === 'uri'
          ? encodeURIComponent(value)
          : piece.encode === 'json'
            ? JSON.stringify(value).slice(1, -1)
            : value
      })
      .join('')
  }

  private async send(step: ReplayStep): Promise<Answer> {
    const url = new URL(this.text(step.path), this.target.baseUrl).toString()
    const headers: Record<string, string> = {}
    for (const header of step.headers) headers[header.name] = this.text(header.value)
    if (step.credential !== 'none')
      headers.authorization = `Bearer ${step.credential === 'token' ? this.target.token : wrongToken}`
    const body = step.body ? this.text(step.body) : undefined
    try {
      const response = await fetch(url, {
        method: step.method,
        headers,
        ...(body === undefined ? {} : { body }),
        redirect: 'manual',
        signal: AbortSignal.timeout(this.target.timeoutMs),
      })
      const text = answerBody(Buffer.from(await response.arrayBuffer())).text
      return {
        status: response.status,
        contentType: response.headers.get('content-type') ?? '',
        text,
        json: parsed(text),
      }
    } catch (error) {
      const cause =
        error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)
      return { status: undefined, contentType: '', text: '', json: undefined, transportError: this.mask.mask(cause) }
    }
  }

  private show(number: number, step: ReplayStep, answer: Answer): void {
    const request = `${step.method} /${this.mask.mask(this.text(step.path))}`
    const body = step.body ? ` ${short(this.mask.mask(this.text(step.body)))}` : ''
    this.print(`→ ${number} ${step.operation} ${request}${body}`)
    this.print(
      answer.status === undefined
        ? `← no answer: ${answer.transportError ?? 'unknown'}`
        : `← ${answer.status} ${short(this.mask.mask(answer.text))}`,
    )
  }

  /** The last answer as the replay compares it. */
  private comparable(): ComparableAnswer {
    const last = this.replay.steps.at(-1) as ReplayStep
    const answer = this.answers.at(-1) as Answer
    const earlier = new EarlierAnswers()
    this.answers.slice(0, -1).forEach((a, i) => earlier.add(i + 1, a.json))
    const violations =
      answer.status === undefined
        ? []
        : inspectAnswer(
            chatOperation(last.operation),
            answer.status,
            answer.contentType,
            answer.text,
            contractSchemas(),
          ).violations
    return comparableAnswer({ status: answer.status, json: answer.json, violations }, earlier, this.runId)
  }

  /** Sends every step, then the cleanup; the verdict compares the failing request's answer with the recorded one. */
  async run(): Promise<ReplayOutcome> {
    const { steps } = this.replay
    let outcome: ReplayOutcome | undefined
    try {
      for (let i = 0; i < steps.length;) {
        let end = i + 1
        while (steps[end]?.concurrent) end++
        const group = steps.slice(i, end)
        // The time the check let pass before these requests, as the documents require.
        const waitMs = Math.max(0, ...group.map((step) => step.waitMs ?? 0))
        if (waitMs > 0) await setTimeout(waitMs)
        const answers = await Promise.all(group.map((step) => this.send(step)))
        answers.forEach((answer, k) => {
          this.answers.push(answer)
          this.show(i + k + 1, group[k] as ReplayStep, answer)
        })
        i = end
      }
    } catch (error) {
      if (!(error instanceof MissingValue)) throw error
      outcome = { reproduced: false, verdict: `not reproduced: the sequence could not go on: ${error.message}` }
    }
    await this.cleanUp()
    return outcome ?? this.judge()
  }

  private judge(): ReplayOutcome {
    const operationId = this.replay.steps.at(-1)?.operation ?? 'the last request'
    const now = this.comparable()
    const found = differences(this.replay.answer, now)
    if (found.length === 0) {
      const broken = now.violations.length > 0 ? `, breaking the contract at ${now.violations.join(', ')}` : ''
      return {
        reproduced: true,
        verdict: `reproduced: ${operationId} answered ${now.status ?? 'nothing'} again, as recorded${broken}`,
      }
    }
    return { reproduced: false, verdict: `not reproduced: ${operationId} ${found.join('; ')}` }
  }

  /** Deletes what the steps created; what cannot be resolved or deleted is left (as a run's leftovers would be). */
  private async cleanUp(): Promise<void> {
    for (const step of this.replay.cleanup) {
      try {
        await this.send(step)
      } catch {
        // A value the cleanup needs never came: nothing was created there.
      }
    }
  }
}
