// An answer in a form two runs of the same sequence can compare: what differs between any two
// runs (ids the target made, dates, the run's own marks) is replaced by what it stands for, so a
// replay "reproduces" a failure when the failing request gets the same answer again, and says
// how the answer differs when it does not.
//
// - a value an earlier answer of the sequence gave becomes "@<step>:<path>" (the update answered
//   the user's old updatedAt; the list held the user step 1 created);
// - a date-time equal to one an earlier answer gave for the same field of the same resource
//   becomes that too; any other date-time becomes "<date #n>", n its rank among the answer's new
//   dates (updatedAt before createdAt stays visible);
// - a new id or page token is "<new>"; the run id inside a value is "<run>";
// - an error answer is its status, code and type: its id and message are free text ([open]).

/** What a replay compares: the status (or that no answer came), the contract violations, the body in comparable form. */
export interface ComparableAnswer {
  /** Undefined: no answer came (refused, reset, timed out). */
  status?: number
  /** "<rule> <path>" of every contract violation of the answer, sorted. */
  violations: string[]
  /** The body in comparable form; undefined when there was none or it was not JSON. */
  body?: unknown
}

/** An answer as received: status, parsed body, violations found by the answer inspection. */
export interface ReceivedAnswer {
  status?: number | undefined
  json?: unknown
  violations: readonly { rule: string; path: string }[]
}

/** Values shorter than this are never taken for an earlier answer's value: too likely to coincide. */
const shortest = 8
const isoDate = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/

type Json = unknown

function isObject(value: Json): value is Record<string, Json> {
  return !!value && typeof value === 'object' && !Array.isArray(value)
}

/** What earlier answers gave: values by themselves, dates by resource and field. */
export class EarlierAnswers {
  private readonly values = new Map<string, string>()
  private readonly dates = new Map<string, string>()

  /** Takes in answer number `step` (1-based, in the order of the sequence). */
  add(step: number, json: Json): void {
    this.walk(json, [], (value, path, owner) => {
      const symbol = `@${step}:${path.join('.')}`
      if (isoDate.test(value)) {
        const key = `${owner}\u0000${path.at(-1) ?? ''}\u0000${value}`
        if (!this.dates.has(key)) this.dates.set(key, symbol)
      } else if (value.length >= shortest && !this.values.has(value)) this.values.set(value, symbol)
      return undefined
    })
  }

  /** The symbol of a value an earlier answer gave; undefined when none did. */
  symbolOf(value: string): string | undefined {
    return this.values.get(value)
  }

  dateSymbol(owner: string, field: string, value: string): string | undefined {
    return this.dates.get(`${owner}\u0000${field}\u0000${value}`)
  }

  /**
   * Visits every string of a body, ids of an object first, with the symbol of the object's id
   * (its owner, for dates): an earlier answer's symbol for it, or its own place.
   */
  walk(
    json: Json,
    path: (string | number)[],
    visit: (value: string, path: (string | number)[], owner: string) => Json,
    owner = '',
  ): Json {
    if (Array.isArray(json)) return json.map((item, i) => this.walk(item, [...path, i], visit, owner))
    if (!isObject(json)) {
      if (typeof json !== 'string') return json
      return visit(json, path, owner) ?? json
    }
    const out: Record<string, Json> = {}
    let own = owner
    if (typeof json.id === 'string') {
      // The id first: an earlier answer's symbol for it, or (added just now) its own place.
      out.id = this.walk(json.id, [...path, 'id'], visit, owner)
      own = this.symbolOf(json.id) ?? `<new ${path.join('.')}.id>`
    }
    for (const key of Object.keys(json)) if (key !== 'id') out[key] = this.walk(json[key], [...path, key], visit, own)
    return out
  }
}

/**
 * An answer in comparable form. earlier: the answers before it in the sequence; runId: the run
 * id the sequence's values carry (the recorded run's, or the replay's own).
 */
export function comparableAnswer(answer: ReceivedAnswer, earlier: EarlierAnswers, runId: string): ComparableAnswer {
  const violations = [...new Set(answer.violations.map((v) => `${v.rule} ${v.path}`))].sort()
  const result: ComparableAnswer = { violations }
  if (answer.status === undefined) return result
  result.status = answer.status
  const json = answer.json
  if (json === undefined) return result
  if (answer.status >= 400) {
    const { code, type } = isObject(json) ? json : {}
    result.body = { code, type }
    return result
  }
  const newDates = new Set<string>()
  earlier.walk(json, [], (value, path, owner) => {
    const field = String(path.at(-1) ?? '')
    if (isoDate.test(value) && !earlier.dateSymbol(owner, field, value)) newDates.add(value)
    return undefined
  })
  const ranks = [...newDates].sort((a, b) => Date.parse(a) - Date.parse(b) || (a < b ? -1 : a > b ? 1 : 0))
  const rankOf = (value: string) => {
    const time = Date.parse(value)
    return ranks.findIndex((date) => Date.parse(date) === time)
  }
  result.body = earlier.walk(json, [], (value, path, owner) => {
    const field = String(path.at(-1) ?? '')
    if (isoDate.test(value)) return earlier.dateSymbol(owner, field, value) ?? `<date #${rankOf(value)}>`
    const symbol = earlier.symbolOf(value)
    if (symbol) return symbol
    if (field === 'id' || field.endsWith('Id') || field === 'nextToken') return '<new>'
    return runId && value.includes(runId) ? value.split(runId).join('<run>') : value
  })
  return result
}

/** A value as a difference line shows it: short. */
function shown(value: Json): string {
  if (value === undefined) return 'absent'
  const text = JSON.stringify(value)
  return text.length > 80 ? `${text.slice(0, 80)}…` : text
}

function bodyDifferences(recorded: Json, now: Json, path: string[], found: string[]): void {
  if (found.length >= 3) return
  if (isObject(recorded) && isObject(now)) {
    for (const key of [...new Set([...Object.keys(recorded), ...Object.keys(now)])])
      bodyDifferences(recorded[key], now[key], [...path, key], found)
    return
  }
  if (Array.isArray(recorded) && Array.isArray(now)) {
    if (recorded.length !== now.length)
      found.push(`${path.join('.') || 'the body'} has ${now.length} items (recorded ${recorded.length})`)
    else recorded.forEach((item, i) => bodyDifferences(item, now[i], [...path, String(i)], found))
    return
  }
  if (JSON.stringify(recorded) !== JSON.stringify(now))
    found.push(`${path.join('.') || 'the body'} is ${shown(now)} (recorded ${shown(recorded)})`)
}

/** How the answer now differs from the recorded one, a few lines at most; empty: the same answer. */
export function differences(recorded: ComparableAnswer, now: ComparableAnswer): string[] {
  const status = (s: number | undefined) => (s === undefined ? 'no answer' : String(s))
  if (recorded.status !== now.status) {
    const type = isObject(now.body) && typeof now.body.type === 'string' ? ` ${now.body.type}` : ''
    return [`answered ${status(now.status)}${type} (recorded ${status(recorded.status)})`]
  }
  const found: string[] = []
  const gone = recorded.violations.filter((v) => !now.violations.includes(v))
  const added = now.violations.filter((v) => !recorded.violations.includes(v))
  if (gone.length > 0) found.push(`no longer breaks the contract at ${gone.join(', ')}`)
  if (added.length > 0) found.push(`now breaks the contract at ${added.join(', ')}`)
  bodyDifferences(recorded.body, now.body, [], found)
  return found.slice(0, 3)
}
