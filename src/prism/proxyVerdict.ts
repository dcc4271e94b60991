// What Prism's validation proxy found during a certification run, judged exchange by exchange.
//
// The certification sends invalid requests on purpose (a body without a required field, no
// token…) to see the target refuse them. Prism rightly reports those requests, and with
// --errors it would answer them itself (422, 401) instead of letting the reference refuse them:
// the rejection checks would then test Prism. So the proxy forwards everything and we judge:
// - any finding about an answer is a problem: the reference answered outside the document;
// - a finding about a request is a problem only when the reference accepted that request
//   (document and reference disagree); when the reference refused it, both agree;
// - an answer Prism made itself (problem+json), or no answer, is a problem.
import type { PrismViolation, ProxyExchange } from './violationRecorder.ts'

export interface ProxyVerdict {
  exchanges: number
  /** One line per problem; none when the document, Prism and the reference agree. */
  problems: string[]
  /** Findings on requests the reference refused, by message, with how often. */
  refusedRequests: Map<string, number>
  /** Requests that went around Prism (it cannot forward them), by reason, with how often. */
  bypassed: Map<string, number>
}

const where = (violation: PrismViolation) => violation.location.join('.')
const isRequestFinding = (violation: PrismViolation) => violation.location[0] === 'request'
/** A deprecated field or parameter is still allowed by the document. */
const isNotice = (violation: PrismViolation) => violation.code === 'deprecated'

function problemsOf(exchange: ProxyExchange): string[] {
  const at = `${exchange.method} ${exchange.target} → ${exchange.status}`
  if (exchange.transportError !== undefined) return [`${at}: Prism gave no answer (${exchange.transportError})`]
  const problems: string[] = []
  if (exchange.contentType.includes('application/problem+json'))
    problems.push(`${at}: Prism answered itself instead of forwarding to the reference`)
  if (exchange.unreadableViolations !== undefined)
    problems.push(`${at}: Prism's findings could not be read: ${exchange.unreadableViolations}`)
  const accepted = exchange.status < 400
  for (const violation of exchange.violations) {
    if (!isRequestFinding(violation))
      problems.push(`${at}: the answer breaks the document at ${where(violation)}: ${violation.message}`)
    else if (accepted && !isNotice(violation))
      problems.push(
        `${at}: the reference accepted a request the document rejects (${where(violation)}: ${violation.message})`,
      )
  }
  return problems
}

const count = (counts: Map<string, number>, key: string) => counts.set(key, (counts.get(key) ?? 0) + 1)

export function proxyVerdict(exchanges: readonly ProxyExchange[]): ProxyVerdict {
  const refusedRequests = new Map<string, number>()
  const bypassed = new Map<string, number>()
  const problems: string[] = []
  for (const exchange of exchanges) {
    if (exchange.bypassed !== undefined) count(bypassed, exchange.bypassed)
    problems.push(...problemsOf(exchange))
    if (exchange.status < 400) continue
    for (const violation of exchange.violations.filter(isRequestFinding))
      count(refusedRequests, `${where(violation)}: ${violation.message}`)
  }
  return { exchanges: exchanges.length, problems, refusedRequests, bypassed }
}

const shownProblems = 20

export function describeVerdict(verdict: ProxyVerdict): string {
  const refused = [...verdict.refusedRequests].map(([finding, count]) => `  ${count}× ${finding}`)
  const hidden = verdict.problems.length - shownProblems
  return [
    `Prism's validation proxy saw ${verdict.exchanges} exchanges: ${verdict.problems.length} problem${verdict.problems.length === 1 ? '' : 's'}.`,
    ...verdict.problems.slice(0, shownProblems).map((problem) => `  ${problem}`),
    ...(hidden > 0 ? [`  … and ${hidden} more`] : []),
    ...(refused.length > 0
      ? ['Requests outside the document that the reference refused too (the rejection checks):', ...refused]
      : []),
    ...[...verdict.bypassed].map(
      ([reason, times]) => `${times} request${times === 1 ? '' : 's'} went straight to the reference: ${reason}.`,
    ),
  ].join('\n')
}
