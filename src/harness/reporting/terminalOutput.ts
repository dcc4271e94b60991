// What a certifier reads on the terminal while a run goes on: what will run, progress with counts,
// one line per failing check (its id, rule, expected versus actual, the request and the answer's
// status, where to replay it) and the verdict. No test titles, no code frames of the harness.
import type { CheckEntry } from './conformanceReport.ts'

const reasonLimit = 220

/** "Running 472 checks: 320 as tests on 2 workers, 152 judged from every answer at the end". */
export function startLine(tests: number, derived: number, workers: number): string {
  const on = `on ${workers} worker${workers === 1 ? '' : 's'}`
  return `Running ${tests + derived} checks: ${tests} as tests ${on}, ${derived} judged from every answer at the end`
}

export interface Progress {
  done: number
  total: number
  failed: number
  skipped: number
  elapsedMs: number
}

export function progressLine(p: Progress): string {
  const skipped = p.skipped > 0 ? ` · ${p.skipped} skipped` : ''
  return `  ${p.done}/${p.total} tests run · ${p.failed} failed${skipped} · ${(p.elapsedMs / 1000).toFixed(1)} s`
}

/** Progress lines when the output is not a terminal (CI logs): about one per tenth of the run. */
export function progressStep(total: number): number {
  return Math.max(1, Math.ceil(total / 10))
}

/** The request line of the exchange a failure is about, without the origin: "POST /v1/chat/users → 201". */
function requestLine(entry: CheckEntry): string | undefined {
  const culprit = entry.failure?.culprit
  if (!culprit) return undefined
  let target = culprit.url
  try {
    const url = new URL(culprit.url)
    target = `${url.pathname}${url.search}`
  } catch {
    // not a URL: shown as it is
  }
  const answer = culprit.status === undefined ? 'no answer' : String(culprit.status)
  return `${culprit.method} ${target} → ${answer}`
}

/** The command that replays a failure's whole sequence, when the report recorded one. */
function replayOf(entry: CheckEntry): string | undefined {
  return entry.failure?.replay ? `npx runtime-chat-conformance replay ${entry.id}` : undefined
}

function shortened(text: string): string {
  return text.length > reasonLimit ? `${text.slice(0, reasonLimit)}…` : text
}

/** One line per failing check. */
export function failureLine(entry: CheckEntry): string {
  const parts = [`✗ ${entry.id} [${entry.rule}] ${shortened(entry.reason ?? 'failed')}`]
  const request = requestLine(entry)
  if (request) parts.push(request)
  const replay = replayOf(entry)
  if (replay) parts.push(`replay: ${replay}`)
  return parts.join(' · ')
}

/** Said once after the failures: where each one's requests and a curl command are. */
export function failuresFooter(failed: number, markdownReport: string): string {
  const what = failed === 1 ? 'the failure' : `each of the ${failed} failures`
  return `Requests, answers, a curl command and a replay script for ${what}: ${markdownReport}`
}
