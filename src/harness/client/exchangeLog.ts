// Every request a test makes and the answer it got, kept so a failing check can show them
// (and a curl command that repeats the request). Whatever leaves this module is masked.
import type { ChatOperationId } from '../../contract/operations.ts'
import type { DocumentedWait, Exchange } from './exchange.ts'
import { replayLog, type RecordedTarget, type ReplayLog } from '../replay/replaySteps.ts'
import type { SecretMask } from './secretMask.ts'

export type { DocumentedWait, Exchange } from './exchange.ts'

/** The attachment a test leaves for the conformance report. */
export interface ExchangeAttachment {
  /** The exchange the failing assertion was about. */
  culprit?: number
  /** The culprit's request body in full (masked) when its record had to shorten it: a curl command needs all of it. */
  culpritRequestBody?: string
  /** Exchanges whose answer broke the contract, or all of them when the check failed. */
  exchanges: Exchange[]
  /** Operation -> how many answers were seen, for the per-operation answer checks. */
  seen: Partial<Record<ChatOperationId, number>>
  /** Operation -> how many of those were error answers. */
  errorsSeen: Partial<Record<ChatOperationId, number>>
  /** Resources the test created and could not delete afterwards. */
  leftovers: string[]
  /** Requests sent again after a 429, over all the test's exchanges. */
  retries?: number
  /**
   * The check marked the part of its log a failure is about (beginReplaySegment): `exchanges`
   * holds only that part — e.g. the shortest failing sequence of a model-based check, replayed
   * alone — so a replay built from them repeats exactly it.
   */
  segmented?: true
  /** The check's requests as replay steps, up to the last one a failure can be about (masked). */
  replay?: ReplayLog
}

export const exchangeAttachmentName = 'conformance-exchanges.json'
const bodyLimit = 4096

function shorten(text: string | undefined): string | undefined {
  if (text === undefined || text.length <= bodyLimit) return text
  return `${text.slice(0, bodyLimit)}… [${text.length - bodyLimit} more characters]`
}

export class ExchangeLog {
  private readonly exchanges: Exchange[] = []
  private culprit: number | undefined
  private readonly leftovers: string[] = []
  private replayStart = 1
  private readonly documentedWaits: DocumentedWait[] = []
  /** The part of the log a failure shows, by seq: after `from`, up to `to` (open: to the end). */
  private segment: { from: number; to?: number } | undefined

  /** target: what a replay of this log's requests needs to know of the target (without it, no replay). */
  constructor(
    private readonly secret: SecretMask,
    private readonly target?: RecordedTarget,
  ) {}

  /**
   * A failure's replay starts here: requests before it are left out, except those whose answers a
   * later request needs. A check that runs a case again to show it (a property's smallest failing
   * case, a model's shrunk sequence) calls this before that last run.
   */
  markReplayStart(): void {
    this.replayStart = this.exchanges.length + 1
  }

  noteWait(ms: number, why: string): void {
    this.documentedWaits.push({ afterSeq: this.exchanges.length, ms, why })
  }

  get waits(): readonly DocumentedWait[] {
    return this.documentedWaits
  }

  add(exchange: Omit<Exchange, 'seq'>): Exchange {
    const recorded = { ...exchange, seq: this.exchanges.length + 1 }
    this.exchanges.push(recorded)
    return recorded
  }

  /** Marks the exchange a failed assertion was about, for the report's reproduction. */
  blame(exchange: Exchange): void {
    this.culprit = exchange.seq
  }

  /**
   * Starts the part of the log a failed check's report shows and a replay repeats: the exchanges
   * before it (earlier runs of a model-based check, its shrinking) are left out of a failure.
   */
  beginReplaySegment(): void {
    this.segment = { from: this.exchanges.length }
    this.markReplayStart()
  }

  /** Ends that part: what follows (the check's cleanup) is left out too. */
  endReplaySegment(): void {
    if (this.segment) this.segment.to = this.exchanges.length
  }

  private inSegment(exchange: Exchange): boolean {
    const segment = this.segment
    return !segment || (exchange.seq > segment.from && (segment.to === undefined || exchange.seq <= segment.to))
  }

  /** The exchange blamed last, if any. */
  get blamed(): Exchange | undefined {
    return this.culprit === undefined ? undefined : this.exchanges.find((e) => e.seq === this.culprit)
  }

  noteLeftover(description: string): void {
    this.leftovers.push(description)
  }

  mask(text: string): string {
    return this.secret.mask(text)
  }

  get all(): readonly Exchange[] {
    return this.exchanges
  }

  /** What a report keeps of an exchange: masked, bodies shortened. */
  masked(exchange: Exchange): Exchange {
    const m = (text: string | undefined) => (text === undefined ? undefined : shorten(this.secret.mask(text)))
    const record: Exchange = {
      ...exchange,
      url: this.secret.mask(exchange.url),
      requestHeaders: this.secret.maskHeaders(exchange.requestHeaders),
      violations: exchange.violations.map((v) => ({ ...v, value: m(v.value) })),
    }
    const authorization = Object.entries(exchange.requestHeaders).find(
      ([name]) => name.toLowerCase() === 'authorization',
    )?.[1]
    record.credential =
      authorization === undefined ? 'none' : this.secret.mask(authorization) === authorization ? 'other' : 'token'
    if (exchange.requestBody !== undefined) {
      const whole = this.secret.mask(exchange.requestBody)
      record.requestBody = shorten(whole)
      if (record.requestBody !== whole) record.requestBodyShortened = true
    }
    if (exchange.responseBody !== undefined) record.responseBody = m(exchange.responseBody)
    if (exchange.responseHeaders) record.responseHeaders = this.secret.maskHeaders(exchange.responseHeaders)
    if (exchange.transportError !== undefined) record.transportError = this.secret.mask(exchange.transportError)
    return record
  }

  /** The attachment for the report: everything when the check failed, else only what broke the contract. */
  attachment(checkFailed: boolean): ExchangeAttachment {
    const seen: Partial<Record<ChatOperationId, number>> = {}
    const errorsSeen: Partial<Record<ChatOperationId, number>> = {}
    for (const { operation, status } of this.exchanges) {
      if (status === undefined) continue
      seen[operation] = (seen[operation] ?? 0) + 1
      if (status >= 400) errorsSeen[operation] = (errorsSeen[operation] ?? 0) + 1
    }
    const kept = this.exchanges.filter((e) => (checkFailed ? this.inSegment(e) : e.violations.length > 0))
    const attachment: ExchangeAttachment = {
      exchanges: kept.map((e) => this.masked(e)),
      seen,
      errorsSeen,
      leftovers: [...this.leftovers],
      retries: this.exchanges.reduce((sum, e) => sum + (e.retries ?? 0), 0),
      ...(checkFailed && this.segment ? { segmented: true as const } : {}),
    }
    if (checkFailed && this.culprit !== undefined) {
      attachment.culprit = this.culprit
      const body = this.exchanges.find((e) => e.seq === this.culprit)?.requestBody
      const whole = body === undefined ? undefined : this.secret.mask(body)
      if (whole !== undefined && shorten(whole) !== whole) attachment.culpritRequestBody = whole
    }
    // A failure is about its culprit (or, without one, the last request); a derived check about an answer that broke the contract.
    const endings = [
      ...(checkFailed ? [this.culprit ?? this.exchanges.at(-1)?.seq] : []),
      ...this.exchanges.filter((e) => e.violations.length > 0).map((e) => e.seq),
    ].filter((seq): seq is number => seq !== undefined)
    const replay =
      this.target && endings.length > 0
        ? replayLog(
            this.exchanges,
            [...new Set(endings)],
            this.replayStart,
            this.target,
            this.secret,
            this.documentedWaits,
          )
        : undefined
    if (replay) attachment.replay = replay
    return attachment
  }
}
