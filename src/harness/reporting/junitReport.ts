// junit.xml, written from the conformance report rather than by Playwright's junit reporter: a
// failed check may be marked expected-to-fail to keep its worker (runner/failureMode.ts), which
// Playwright's reporter would count as passed. The layout is the one Playwright writes (a suite per
// spec file, a test case per check titled by its test, the check's facts as properties) with the
// checks judged from every answer in one more suite, so CI counts the same checks as the report.
import { catalogue } from '../catalogue/catalogue.ts'
import type { CheckEntry, ConformanceReport } from './conformanceReport.ts'

/** Where a tested check ran and how long it took; derived checks have none. */
export interface CheckTiming {
  /** The spec file, as Playwright's junit names it (users.spec.ts). */
  file: string
  durationMs: number
}

/** The suite of the checks judged from every answer: no spec registers them. */
const derivedSuite = 'answers'

function escaped(text: string): string {
  return (
    text
      // Characters XML 1.0 cannot carry at all.
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
  )
}

const seconds = (ms: number) => String(ms / 1000)

/** A tested check's `path` annotation: whether it drives its operation into an error answer. */
function pathOf(id: string): string | undefined {
  const entry = catalogue().get(id)
  if (!entry || entry.derived) return undefined
  return entry.failurePath ? 'failure' : 'success'
}

function properties(check: CheckEntry): string[] {
  const path = pathOf(check.id)
  const facts: [string, string | undefined][] = [
    ['rule', check.rule],
    ['operation', check.operation],
    ['level', check.level],
    ['path', path],
    ['needs', check.needs],
    ...(check.observations ?? []).map((o): [string, string] => ['observation', o]),
  ]
  const present = facts.filter((f): f is [string, string] => f[1] !== undefined)
  if (present.length === 0) return []
  return [
    '<properties>',
    ...present.map(([name, value]) => `<property name="${name}" value="${escaped(value)}">\n</property>`),
    '</properties>',
  ]
}

function failureText(check: CheckEntry): string {
  const details = check.failure
  const lines = [details?.message ?? check.reason ?? 'failed']
  const culprit = details?.culprit
  if (culprit) lines.push('', `${culprit.method} ${culprit.url} → ${culprit.status ?? culprit.transportError ?? ''}`)
  if (details?.curl) lines.push('', 'Reproduce it (export CONFORMANCE_TOKEN first):', details.curl)
  return lines.join('\n')
}

function testCase(check: CheckEntry, suite: string, timing: CheckTiming | undefined): string[] {
  const open = `<testcase name="${escaped(check.title)}" classname="${escaped(suite)}" time="${seconds(timing?.durationMs ?? 0)}">`
  const body = properties(check)
  if (check.status === 'failed')
    body.push(
      `<failure message="${escaped(check.reason ?? 'failed')}" type="FAILURE">`,
      escaped(failureText(check)),
      '</failure>',
    )
  if (check.status === 'skipped') body.push(`<skipped message="${escaped(check.reason ?? 'skipped')}">\n</skipped>`)
  return [open, ...body, '</testcase>']
}

export interface JunitInput {
  report: ConformanceReport
  /** Per tested check id: its spec file and duration. */
  timings: ReadonlyMap<string, CheckTiming>
}

export function junitXml({ report, timings }: JunitInput): string {
  const suites = new Map<string, CheckEntry[]>()
  for (const check of report.checks) {
    const suite = timings.get(check.id)?.file ?? derivedSuite
    suites.set(suite, [...(suites.get(suite) ?? []), check])
  }
  const count = (checks: readonly CheckEntry[], status: CheckEntry['status']) =>
    checks.filter((c) => c.status === status).length
  const time = (checks: readonly CheckEntry[]) =>
    checks.reduce((sum, c) => sum + (timings.get(c.id)?.durationMs ?? 0), 0)
  const all = report.checks
  const wallMs = Date.parse(report.finishedAt) - Date.parse(report.startedAt)
  const lines = [
    `<testsuites id="" name="" tests="${all.length}" failures="${count(all, 'failed')}" skipped="${count(all, 'skipped')}" errors="0" time="${seconds(Number.isFinite(wallMs) ? wallMs : 0)}">`,
  ]
  for (const [name, checks] of [...suites].sort(([a], [b]) =>
    a === derivedSuite ? 1 : b === derivedSuite ? -1 : a < b ? -1 : 1,
  )) {
    lines.push(
      `<testsuite name="${escaped(name)}" timestamp="${report.startedAt}" hostname="" tests="${checks.length}" failures="${count(checks, 'failed')}" skipped="${count(checks, 'skipped')}" time="${seconds(time(checks))}" errors="0">`,
      ...checks.flatMap((check) => testCase(check, name, timings.get(check.id))),
      '</testsuite>',
    )
  }
  lines.push('</testsuites>')
  return `${lines.join('\n')}\n`
}
