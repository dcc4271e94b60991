// reports/conformance.md: the report for a pull request, a CI summary or a chat message.
import { levelMeaning, levels } from '../../contract/levels.ts'
import { ruleTitles } from '../../contract/rules.ts'
import { derivedKindMeaning, derivedKinds } from '../../../fixtures/derivedCases.ts'
import type { CheckEntry, ConformanceReport } from './conformanceReport.ts'
import { caseCountText } from './derivedCoverage.ts'
import { exchangeTitle, requestText, responseText } from './exchangeText.ts'
import { cellCount, matrixRules, reportMatrix } from './reportMatrix.ts'
import {
  checksLine,
  durationText,
  levelNote,
  operationsLine,
  statusSymbol,
  targetName,
  verdictCounts,
  verdictWords,
} from './reportWording.ts'

/** Text inside a table cell: no pipe or line break may end the cell early. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')
}

/** A fenced block whose fence is longer than any run of backticks inside it. */
function fenced(text: string, language = ''): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length))
  const fence = '`'.repeat(Math.max(3, longest + 1))
  return `${fence}${language}\n${text}\n${fence}`
}

function header(report: ConformanceReport): string[] {
  const certified = report.levels[report.level]
  const rows: [string, string][] = [
    ['Target', targetName(report)],
    ['Base URL', report.baseUrl],
    ['Harness version', report.harnessVersion ?? 'unknown'],
    ['Seed', report.seed === undefined ? 'unknown' : `${report.seed} (replay with CONFORMANCE_SEED=${report.seed})`],
    ['Run id', report.runId ?? 'unknown'],
    ['Started', report.startedAt],
    ['Finished', `${report.finishedAt} (${durationText(report)})`],
  ]
  return [
    `# Runtime API conformance: ${targetName(report)}`,
    '',
    `**${statusSymbol[certified.status]} ${report.level}${levelNote(report, report.level)}: ${verdictWords[certified.verdict]}** — ${verdictCounts(certified, report.level)}.`,
    '',
    '| | |',
    '|---|---|',
    ...rows.map(([name, value]) => `| ${name} | ${cell(value)} |`),
  ]
}

function levelTable(report: ConformanceReport): string[] {
  return [
    '## Levels',
    '',
    '| level | verdict | operations | checks | covers |',
    '|---|---|---|---|---|',
    ...levels.map((level) => {
      const result = report.levels[level]
      const name = level === report.level ? `**${level}** (certified)` : level
      return `| ${name} | ${statusSymbol[result.status]} ${verdictWords[result.verdict]} | ${operationsLine(result)} | ${checksLine(result.checks)} | ${cell(levelMeaning[level] + levelNote(report, level))} |`
    }),
  ]
}

function matrix(report: ConformanceReport): string[] {
  const rows = reportMatrix(report)
  const ruleIds = matrixRules(report)
  return [
    '## Operations × rules',
    '',
    `${statusSymbol.passed} passed · ${statusSymbol.failed} failed · ${statusSymbol.skipped} skipped · ${statusSymbol['not run']} not run · blank: no check. A number counts the checks of the cell (failed/all). The level columns give the operation's status at each level (${statusSymbol.unchecked}: no check at that level).`,
    '',
    `| operation | ${levels.join(' | ')} | ${ruleIds.join(' | ')} |`,
    `|---|${levels.map(() => ':-:').join('|')}|${ruleIds.map(() => ':-:').join('|')}|`,
    ...rows.map(({ operation, cells }) => {
      const levelCells = levels.map((level) => statusSymbol[operation.status[level]])
      const ruleCells = ruleIds.map((rule) => {
        const c = cells[rule]
        return c.status === undefined ? ' ' : `${statusSymbol[c.status]} ${cellCount(c)}`
      })
      return `| ${operation.id} | ${levelCells.join(' | ')} | ${ruleCells.join(' | ')} |`
    }),
  ]
}

function derivedCoverageTable(report: ConformanceReport): string[] {
  const coverage = report.derivedCoverage
  if (!coverage) return []
  const rows = coverage.operations.filter((row) => row.derivable > 0)
  const notRun = rows.flatMap((row) => (row.notRun ?? []).map((why) => `- \`${row.operation}\` ${cell(why)}`))
  return [
    '## Derived coverage',
    '',
    `Cases derived from the contract's schemas rather than written by hand: ${coverage.run} of ${coverage.derivable} sent (cases run / cases derivable). ${derivedKinds.map((kind) => `**${kind}**: ${derivedKindMeaning[kind]}`).join('; ')}.`,
    '',
    `| operation | ${derivedKinds.join(' | ')} | all |`,
    `|---|${derivedKinds.map(() => '--:').join('|')}|--:|`,
    ...rows.map(
      (row) =>
        `| ${row.operation} | ${derivedKinds.map((kind) => caseCountText(row.kinds[kind])).join(' | ')} | ${caseCountText(row)} |`,
    ),
    `| **all** | ${derivedKinds.map((kind) => caseCountText(coverage.kinds[kind])).join(' | ')} | ${caseCountText(coverage)} |`,
    ...(notRun.length > 0
      ? ['', '<details><summary>Cases not run, and why</summary>', '', ...notRun, '', '</details>']
      : []),
  ]
}

function failure(check: CheckEntry): string[] {
  const details = check.failure
  const lines = [
    `### ${statusSymbol.failed} ${check.id}`,
    '',
    `Rule **${check.rule}** (${ruleTitles[check.rule]}) · operation \`${check.operation}\` · level ${check.level}`,
    '',
    `> ${cell(check.reason ?? 'failed')}`,
  ]
  if (!details) return lines
  if (details.replayScript) {
    const steps = details.replay?.steps.length ?? 0
    lines.push(
      '',
      `Replay it: \`npm run replay -- ${check.id}\` sends the ${steps} request${steps === 1 ? '' : 's'} that led to the failure again and says whether the answer is the same; or save this script and run it with bash (export CONFORMANCE_TOKEN first):`,
      '',
      '<details><summary>replay script</summary>',
      '',
      fenced(details.replayScript, 'sh'),
      '',
      '</details>',
    )
  }
  if (details.curl) {
    lines.push('', 'The failing request alone (export CONFORMANCE_TOKEN first):', '', fenced(details.curl, 'sh'))
    if (details.curlIncomplete)
      lines.push('', '_The report kept only the start of this request body: the command sends that start._')
  }
  if (details.culprit) {
    lines.push(
      '',
      'Request:',
      '',
      fenced(requestText(details.culprit), 'http'),
      '',
      'Response:',
      '',
      fenced(responseText(details.culprit), 'http'),
    )
  }
  const rest = details.exchanges.filter((e) => e.seq !== details.culprit?.seq)
  const more = details.message.split('\n').length > 1 || rest.length > 0
  if (more) {
    lines.push(
      '',
      '<details><summary>Full message and the check’s other exchanges</summary>',
      '',
      fenced(details.message),
    )
    for (const exchange of rest) {
      lines.push(
        '',
        `${exchangeTitle(exchange)}`,
        '',
        fenced(`${requestText(exchange)}\n\n${responseText(exchange)}`, 'http'),
      )
    }
    lines.push('', '</details>')
  }
  return lines
}

function checkTable(title: string, checks: readonly CheckEntry[]): string[] {
  return [
    title,
    '',
    '| check | rule | operation | level | status | reason |',
    '|---|---|---|---|---|---|',
    ...checks.map(
      (c) =>
        `| ${cell(c.id)} | ${c.rule} | ${c.operation} | ${c.level} | ${statusSymbol[c.status]} ${c.status} | ${cell(c.reason ?? '')} |`,
    ),
  ]
}

/** Checks a run did not run, by reason: a filtered run lists hundreds, and they are in "All checks". */
function notRunLines(checks: readonly CheckEntry[]): string[] {
  const byReason = new Map<string, number>()
  for (const check of checks)
    byReason.set(check.reason ?? 'not run', (byReason.get(check.reason ?? 'not run') ?? 0) + 1)
  return [
    'A run that did not run every check of a level cannot certify it (the level is **partial**).',
    '',
    ...[...byReason].map(([reason, count]) => `- ${count} ${count === 1 ? 'check' : 'checks'}: ${cell(reason)}`),
  ]
}

/** GitHub's limit for a comment or a job summary: the report is shortened to stay under it. */
export const markdownLimit = 65_536

/** A one-line cell: at most `max` characters. */
function shortCell(text: string, max = 200): string {
  const one = cell(text)
  return one.length > max ? `${one.slice(0, max - 1)}…` : one
}

/** Lines that fit in `budget` characters, in order, each counted with its line break. */
function fitting(lines: readonly string[], budget: number): { taken: string[]; used: number } {
  const taken: string[] = []
  let used = 0
  for (const line of lines) {
    if (used + line.length + 1 > budget) break
    taken.push(line)
    used += line.length + 1
  }
  return { taken, used }
}

/**
 * The report shortened to `limit` characters: header, levels and matrix whole; then the
 * failures, the first ones in full (up to half of what is left), the others one line each while
 * they fit; then the skipped checks while they fit. What is left out is counted, and the page
 * points at conformance.html and conformance.json, which have everything.
 */
function shortenedReport(report: ConformanceReport, limit: number): string {
  const failed = report.checks.filter((c) => c.status === 'failed')
  const skipped = report.checks.filter((c) => c.status === 'skipped')
  const head = [header(report), levelTable(report), matrix(report)].map((lines) => lines.join('\n')).join('\n\n')
  const notice = `> This report is shortened to stay under GitHub's ${limit.toLocaleString('en-US')}-character limit for a comment or a job summary. **conformance.html** beside it (and conformance.json) has every check, failure and exchange.`
  const rowHead = ['| check | rule | operation | reason |', '|---|---|---|---|']
  const row = (c: CheckEntry) => `| ${shortCell(c.id)} | ${c.rule} | ${c.operation} | ${shortCell(c.reason ?? '')} |`
  // Room for the headings, the table heads and the lines counting what was left out.
  let budget = limit - head.length - notice.length - 1_000
  const parts = [head, notice]

  if (failed.length > 0) {
    const detailed: string[] = []
    let detailBudget = Math.floor(budget / 2)
    for (const c of failed) {
      const text = failure(c).join('\n')
      if (text.length + 2 > detailBudget) break
      detailed.push(text)
      detailBudget -= text.length + 2
      budget -= text.length + 2
    }
    const rest = failed.slice(detailed.length)
    const listed = fitting(rest.map(row), budget)
    budget -= listed.used
    const lines = [`## Failures (${failed.length})`, '', ...detailed.flatMap((text) => [text, ''])]
    if (rest.length > 0) {
      lines.push(detailed.length > 0 ? 'The other failures, one line each:' : 'One line each:', '', ...rowHead)
      lines.push(...listed.taken)
      const left = rest.length - listed.taken.length
      if (left > 0) lines.push('', `_…and ${left} more failures: see conformance.html._`)
    }
    parts.push(lines.join('\n').trimEnd())
  }
  if (skipped.length > 0) {
    const listed = fitting(skipped.map(row), budget)
    const lines = [`## Skipped (${skipped.length})`, '', ...rowHead, ...listed.taken]
    const left = skipped.length - listed.taken.length
    if (left > 0) lines.push('', `_…and ${left} more skipped checks: see conformance.html._`)
    parts.push(lines.join('\n'))
  }
  const notRun = report.checks.filter((c) => c.status === 'not run')
  if (notRun.length > 0) parts.push([`## Not run (${notRun.length})`, '', ...notRunLines(notRun)].join('\n'))
  parts.push(`All ${report.checks.length} checks are listed in conformance.html, conformance.json and junit.xml.`)
  return `${parts.join('\n\n')}\n`
}

/** The Markdown report; past `limit` characters (GitHub's), a shortened one that points at the HTML report. */
export function markdownReport(report: ConformanceReport, limit = markdownLimit): string {
  const full = completeReport(report)
  return full.length <= limit ? full : shortenedReport(report, limit)
}

function completeReport(report: ConformanceReport): string {
  const failed = report.checks.filter((c) => c.status === 'failed')
  const skipped = report.checks.filter((c) => c.status === 'skipped')
  const sections = [header(report), levelTable(report), matrix(report)]
  const coverage = derivedCoverageTable(report)
  if (coverage.length > 0) sections.push(coverage)
  if (failed.length > 0)
    sections.push([`## Failures (${failed.length})`, ...failed.flatMap((c) => ['', ...failure(c)])])
  if (skipped.length > 0) sections.push(checkTable(`## Skipped (${skipped.length})`, skipped))
  const notRun = report.checks.filter((c) => c.status === 'not run')
  if (notRun.length > 0) sections.push([`## Not run (${notRun.length})`, '', ...notRunLines(notRun)])
  const observed = report.checks.filter((c) => c.observations)
  if (observed.length > 0) {
    sections.push([
      '## Observations',
      '',
      'What the target did where the documents allow more than one answer: facts, not verdicts.',
      '',
      ...observed.flatMap((c) => (c.observations ?? []).map((o) => `- \`${c.id}\`: ${cell(o)}`)),
    ])
  }
  sections.push([
    '<details><summary>All checks</summary>',
    '',
    ...checkTable(`## All checks (${report.checks.length})`, report.checks),
    '',
    '</details>',
  ])
  return `${sections.map((lines) => lines.join('\n')).join('\n\n')}\n`
}
