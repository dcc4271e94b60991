// reports/conformance.html: one self-contained page (no script, no network: a Content Security
// Policy forbids both) that opens from the file system. Verdict first, then the levels, the
// operations × rules matrix, and every failure with its request, response and curl command.
// Everything the target sent is escaped: a report must not run what a target answered.
import { levelMeaning, levels } from '../../contract/levels.ts'
import { ruleTitles } from '../../contract/rules.ts'
import { derivedKindMeaning, derivedKinds } from '../../../fixtures/derivedCases.ts'
import type { CheckEntry, ConformanceReport, OperationStatus } from './conformanceReport.ts'
import { caseCountText } from './derivedCoverage.ts'
import { exchangeTitle, requestText, responseText } from './exchangeText.ts'
import { cellCount, matrixRules, reportMatrix, type MatrixCell } from './reportMatrix.ts'
import {
  checksLine,
  durationText,
  levelNote,
  statusSymbol,
  targetName,
  verdictCounts,
  verdictWords,
} from './reportWording.ts'

function html(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

const style = `
:root { --pass: #1b7f3b; --pass-bg: #e6f4ea; --fail: #b3261e; --fail-bg: #fdecea; --skip: #8a5a00; --skip-bg: #fff4d6;
  --none: #9aa0a6; --none-bg: #f4f5f7; --notrun: #6e7781; --notrun-bg: #eaeef2; --ink: #1f2328; --muted: #59636e; --line: #d8dee4; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: var(--ink); background: #fff; }
main { max-width: 1280px; margin: 0 auto; padding: 0 24px 48px; }
code, pre, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 12.5px; }
h2 { font-size: 18px; margin: 32px 0 12px; padding-bottom: 6px; border-bottom: 1px solid var(--line); }
.banner { padding: 22px 24px; color: #fff; }
.banner.passed { background: var(--pass); } .banner.failed { background: var(--fail); } .banner.skipped { background: var(--skip); } .banner.not-run { background: var(--notrun); }
.banner .inner { max-width: 1232px; margin: 0 auto; display: flex; gap: 24px; align-items: center; flex-wrap: wrap; }
.banner .eyebrow { text-transform: uppercase; letter-spacing: .08em; font-size: 12px; opacity: .85; }
.banner h1 { margin: 2px 0 0; font-size: 22px; font-weight: 600; }
.banner .verdict { font-size: 30px; font-weight: 700; margin-left: auto; text-align: right; }
.banner .verdict small { display: block; font-size: 14px; font-weight: 400; opacity: .9; }
.banner a { color: #fff; }
.facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 8px 24px; margin: 18px 0 0; }
.facts div { border-left: 3px solid var(--line); padding-left: 10px; }
.facts dt { color: var(--muted); font-size: 12px; } .facts dd { margin: 0; overflow-wrap: anywhere; }
.levels { display: grid; grid-template-columns: repeat(3, 1fr); gap: 12px; }
.level { border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; border-top-width: 5px; }
.level.passed { border-top-color: var(--pass); } .level.failed { border-top-color: var(--fail); } .level.skipped { border-top-color: var(--skip); } .level.not-run { border-top-color: var(--notrun); }
.level.certified { box-shadow: 0 0 0 2px var(--ink) inset; }
.level h3 { margin: 0; font-size: 15px; display: flex; justify-content: space-between; gap: 8px; }
.level .v { font-size: 20px; font-weight: 700; margin: 4px 0; }
.level.passed .v { color: var(--pass); } .level.failed .v { color: var(--fail); } .level.skipped .v { color: var(--skip); } .level.not-run .v { color: var(--notrun); }
.level p { margin: 2px 0; color: var(--muted); }
.tag { font-size: 11px; font-weight: 600; border-radius: 10px; padding: 1px 8px; background: var(--ink); color: #fff; }
.legend { display: flex; gap: 16px; flex-wrap: wrap; color: var(--muted); margin-bottom: 8px; }
.legend span { display: inline-flex; align-items: center; gap: 6px; }
.swatch { width: 14px; height: 14px; border-radius: 3px; display: inline-block; }
table { border-collapse: collapse; }
.matrix { width: 100%; font-size: 12.5px; }
.matrix th, .matrix td { border: 1px solid #fff; padding: 3px 4px; text-align: center; white-space: nowrap; }
.matrix thead th { background: #f6f8fa; color: var(--muted); font-weight: 600; position: sticky; top: 0; }
.matrix th.op { text-align: left; font-weight: 500; color: var(--ink); background: #fff; }
.matrix th.op small { color: var(--muted); font-weight: 400; margin-left: 6px; }
.matrix tr.area th { text-align: left; background: #fff; color: var(--muted); font-size: 11px; text-transform: uppercase; letter-spacing: .06em; padding-top: 10px; }
.matrix td.level-col { border-right: 2px solid var(--line); }
.s-passed { background: var(--pass-bg); color: var(--pass); } .s-failed { background: var(--fail); color: #fff; font-weight: 700; }
.s-skipped { background: var(--skip-bg); color: var(--skip); font-weight: 600; } .s-not-run { background: var(--notrun-bg); color: var(--notrun); } .s-unchecked, .s-none { background: var(--none-bg); color: var(--none); }
.swatch.s-failed { background: var(--fail); }
.failure { border: 1px solid var(--line); border-left: 5px solid var(--fail); border-radius: 8px; padding: 14px 16px; margin: 0 0 18px; }
.failure h3 { margin: 0 0 6px; font-size: 16px; }
.failure .meta { color: var(--muted); margin-bottom: 8px; }
.failure .reason { background: var(--fail-bg); border-radius: 6px; padding: 8px 10px; margin: 8px 0 12px; font-weight: 500; }
.failure h4 { margin: 12px 0 4px; font-size: 13px; color: var(--muted); text-transform: uppercase; letter-spacing: .05em; }
pre { background: #f6f8fa; border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; margin: 0; overflow: auto; max-height: 360px; white-space: pre-wrap; overflow-wrap: anywhere; }
pre.curl, pre.script { background: #0d1117; color: #e6edf3; border-color: #0d1117; }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; }
.note { color: var(--muted); font-size: 12.5px; }
details { margin: 8px 0; } summary { cursor: pointer; color: var(--muted); }
.checks { width: 100%; font-size: 12.5px; } .checks th, .checks td { border-bottom: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
.checks td.st { white-space: nowrap; }
footer { color: var(--muted); font-size: 12px; margin-top: 32px; }
@media (max-width: 900px) { .levels, .pair { grid-template-columns: 1fr; } }
`

function banner(report: ConformanceReport): string {
  const certified = report.levels[report.level]
  const failures = report.checks.filter((c) => c.status === 'failed').length
  const link = failures > 0 ? ` · <a href="#failures">${failures} failed check${failures === 1 ? '' : 's'} ↓</a>` : ''
  return `<header class="banner ${slug(certified.status)}"><div class="inner">
<div><div class="eyebrow">Runtime API conformance</div><h1>${html(targetName(report))}</h1></div>
<div class="verdict" id="verdict">${statusSymbol[certified.status]} ${html(report.level)}: ${html(verdictWords[certified.verdict])}
<small>${html(verdictCounts(certified, report.level) + levelNote(report, report.level))}${link}</small></div>
</div></header>`
}

function facts(report: ConformanceReport): string {
  const items: [string, string][] = [
    ['Base URL', report.baseUrl],
    ['Harness version', report.harnessVersion ?? 'unknown'],
    ['Seed (CONFORMANCE_SEED replays it)', report.seed === undefined ? 'unknown' : String(report.seed)],
    ['Run id', report.runId ?? 'unknown'],
    ['Started', report.startedAt],
    ['Finished', report.finishedAt],
    ['Duration', durationText(report)],
  ]
  return `<dl class="facts">${items.map(([name, value]) => `<div><dt>${html(name)}</dt><dd class="mono">${html(value)}</dd></div>`).join('')}</dl>`
}

function levelCards(report: ConformanceReport): string {
  const cards = levels.map((level) => {
    const result = report.levels[level]
    const certified = level === report.level
    return `<div class="level ${slug(result.status)}${certified ? ' certified' : ''}" id="level-${level}">
<h3><span>${level}</span>${certified ? '<span class="tag">certified level</span>' : ''}</h3>
<div class="v">${statusSymbol[result.status]} ${html(verdictWords[result.verdict])}</div>
<p>${html(verdictCounts(result, level))}</p><p>checks: ${html(checksLine(result.checks))}</p>
<p>${html(levelMeaning[level] + levelNote(report, level))}</p></div>`
  })
  return `<section><h2>Levels</h2><div class="levels">${cards.join('\n')}</div></section>`
}

function cellTitle(operation: string, rule: string, cell: MatrixCell): string {
  return [
    `${operation} × ${rule}`,
    ...cell.checks.map(
      (c) => `${statusSymbol[c.status]} ${c.id} (${c.level}) ${c.status}${c.reason ? `: ${c.reason}` : ''}`,
    ),
  ].join('\n')
}

/** A status as a CSS class name: "not run" is "not-run". */
function slug(status: OperationStatus): string {
  return status.replace(' ', '-')
}

function statusClass(status: OperationStatus | undefined): string {
  return `s-${status === undefined ? 'none' : slug(status)}`
}

function matrix(report: ConformanceReport): string {
  const rows = reportMatrix(report)
  const ruleIds = matrixRules(report)
  const head = `<tr><th class="op">operation</th>${levels.map((l) => `<th title="the operation's status at the ${l} level">${l}</th>`).join('')}${ruleIds
    .map((rule) => `<th title="${html(ruleTitles[rule])}">${rule}</th>`)
    .join('')}</tr>`
  let area = ''
  const body: string[] = []
  for (const { operation, cells } of rows) {
    if (operation.area !== area) {
      area = operation.area
      body.push(`<tr class="area"><th colspan="${1 + levels.length + ruleIds.length}">${html(area)}</th></tr>`)
    }
    const levelCells = levels.map((level, i) => {
      const status = operation.status[level]
      const last = i === levels.length - 1 ? ' level-col' : ''
      return `<td class="${statusClass(status)}${last}" title="${html(`${operation.id} at ${level}: ${status === 'unchecked' ? 'no check at this level' : status}`)}">${statusSymbol[status]}</td>`
    })
    const ruleCells = ruleIds.map((rule) => {
      const cell = cells[rule]
      if (cell.status === undefined)
        return `<td class="s-none" title="${html(`${operation.id} × ${rule}: no check`)}"></td>`
      return `<td class="${statusClass(cell.status)}" title="${html(cellTitle(operation.id, rule, cell))}">${statusSymbol[cell.status]} ${cellCount(cell)}</td>`
    })
    body.push(
      `<tr data-operation="${operation.id}"><th class="op" title="${html(`${operation.method} ${operation.path}`)}">${operation.id}<small>${html(operation.method)}</small></th>${levelCells.join('')}${ruleCells.join('')}</tr>`,
    )
  }
  const legend = `<div class="legend"><span><i class="swatch s-passed"></i>${statusSymbol.passed} passed</span><span><i class="swatch s-failed"></i>${statusSymbol.failed} failed</span><span><i class="swatch s-skipped"></i>${statusSymbol.skipped} skipped</span><span><i class="swatch s-not-run"></i>${statusSymbol['not run']} not run</span><span><i class="swatch s-none"></i>no check</span><span>numbers: checks in the cell (failed or skipped / all) · hover a cell for its checks and reasons</span></div>`
  return `<section><h2>Operations × rules</h2>${legend}<table class="matrix" id="matrix"><thead>${head}</thead><tbody>${body.join('\n')}</tbody></table></section>`
}

function derivedCoverageSection(report: ConformanceReport): string | undefined {
  const coverage = report.derivedCoverage
  if (!coverage) return undefined
  const rows = coverage.operations.filter((row) => row.derivable > 0)
  const head = `<tr><th>operation</th>${derivedKinds.map((kind) => `<th title="${html(derivedKindMeaning[kind])}">${kind}</th>`).join('')}<th>all</th></tr>`
  const line = (name: string, counts: string[]) =>
    `<tr><td class="mono">${html(name)}</td>${counts.map((c) => `<td>${c}</td>`).join('')}</tr>`
  const body = [
    ...rows.map((row) =>
      line(row.operation, [...derivedKinds.map((kind) => caseCountText(row.kinds[kind])), caseCountText(row)]),
    ),
    line('all', [...derivedKinds.map((kind) => caseCountText(coverage.kinds[kind])), caseCountText(coverage)]),
  ]
  const notRun = rows.flatMap((row) =>
    (row.notRun ?? []).map((why) => `<li><code>${html(row.operation)}</code> ${html(why)}</li>`),
  )
  const reasons =
    notRun.length > 0 ? `<details><summary>Cases not run, and why</summary><ul>${notRun.join('')}</ul></details>` : ''
  return `<section id="derived-coverage"><h2>Derived coverage</h2><p class="note">Cases derived from the contract's schemas rather than written by hand: ${coverage.run} of ${coverage.derivable} sent (cases run / cases derivable). ${derivedKinds.map((kind) => `<b>${kind}</b>: ${html(derivedKindMeaning[kind])}`).join('; ')}.</p><table class="checks"><thead>${head}</thead><tbody>${body.join('\n')}</tbody></table>${reasons}</section>`
}

function failure(check: CheckEntry): string {
  const details = check.failure
  const parts = [
    `<article class="failure" id="failure-${html(check.id)}">`,
    `<h3 class="mono">${statusSymbol.failed} ${html(check.id)}</h3>`,
    `<div class="meta">rule <b>${check.rule}</b> ${html(ruleTitles[check.rule])} · operation <code>${html(check.operation)}</code> · level ${check.level}</div>`,
    `<div class="reason">${html(check.reason ?? 'failed')}</div>`,
  ]
  if (details?.replayScript) {
    const steps = details.replay?.steps.length ?? 0
    parts.push(
      `<h4>Replay the whole sequence</h4><p class="note"><code>npm run replay -- ${html(check.id)}</code> sends the ${steps} request${steps === 1 ? '' : 's'} that led to the failure again and says whether the answer is the same; or run this script with bash (export CONFORMANCE_TOKEN first).</p><details class="replay"><summary>replay script</summary><pre class="script">${html(details.replayScript)}</pre></details>`,
    )
  }
  if (details?.curl) {
    parts.push(
      `<h4>The failing request alone (export CONFORMANCE_TOKEN first)</h4><pre class="curl">${html(details.curl)}</pre>`,
    )
    if (details.curlIncomplete)
      parts.push(
        '<p class="note">The report kept only the start of this request body: the command sends that start.</p>',
      )
  }
  if (details?.culprit) {
    parts.push(
      `<div class="pair"><div><h4>Request</h4><pre>${html(requestText(details.culprit))}</pre></div><div><h4>Response</h4><pre>${html(responseText(details.culprit))}</pre></div></div>`,
    )
  }
  if (details) {
    const rest = details.exchanges.filter((e) => e.seq !== details.culprit?.seq)
    const others = rest.map(
      (e) =>
        `<h4>${html(exchangeTitle(e))}</h4><div class="pair"><pre>${html(requestText(e))}</pre><pre>${html(responseText(e))}</pre></div>`,
    )
    parts.push(
      `<details><summary>Full message${rest.length > 0 ? ` and ${rest.length} other exchange${rest.length === 1 ? '' : 's'} of the check` : ''}</summary><pre>${html(details.message)}</pre>${others.join('')}</details>`,
    )
  }
  parts.push('</article>')
  return parts.join('\n')
}

function checkRows(checks: readonly CheckEntry[]): string {
  return checks
    .map(
      (c) =>
        `<tr><td class="st ${statusClass(c.status)}">${statusSymbol[c.status]} ${c.status}</td><td class="mono">${html(c.id)}</td><td>${c.rule}</td><td>${html(c.operation)}</td><td>${c.level}</td><td>${html(c.reason ?? '')}</td></tr>`,
    )
    .join('\n')
}

function checkTable(checks: readonly CheckEntry[], id: string): string {
  return `<table class="checks" id="${id}"><thead><tr><th>status</th><th>check</th><th>rule</th><th>operation</th><th>level</th><th>reason</th></tr></thead><tbody>${checkRows(checks)}</tbody></table>`
}

export function htmlReport(report: ConformanceReport): string {
  const certified = report.levels[report.level]
  const failed = report.checks.filter((c) => c.status === 'failed')
  const skipped = report.checks.filter((c) => c.status === 'skipped')
  const sections = [levelCards(report), matrix(report)]
  const coverage = derivedCoverageSection(report)
  if (coverage) sections.push(coverage)
  if (failed.length > 0)
    sections.push(
      `<section id="failures"><h2>Failures (${failed.length})</h2>${failed.map(failure).join('\n')}</section>`,
    )
  if (skipped.length > 0)
    sections.push(
      `<section id="skipped"><h2>Skipped (${skipped.length})</h2>${checkTable(skipped, 'skipped-checks')}</section>`,
    )
  const notRun = report.checks.filter((c) => c.status === 'not run')
  if (notRun.length > 0) {
    const byReason = new Map<string, number>()
    for (const c of notRun) byReason.set(c.reason ?? 'not run', (byReason.get(c.reason ?? 'not run') ?? 0) + 1)
    const items = [...byReason].map(
      ([reason, count]) => `<li>${count} ${count === 1 ? 'check' : 'checks'}: ${html(reason)}</li>`,
    )
    sections.push(
      `<section id="not-run"><h2>Not run (${notRun.length})</h2><p class="note">A run that did not run every check of a level cannot certify it (the level is partial).</p><ul>${items.join('')}</ul></section>`,
    )
  }
  const observed = report.checks.filter((c) => c.observations)
  if (observed.length > 0) {
    const items = observed.flatMap((c) =>
      (c.observations ?? []).map((o) => `<li><code>${html(c.id)}</code>: ${html(o)}</li>`),
    )
    sections.push(
      `<section id="observations"><h2>Observations</h2><p class="note">What the target did where the documents allow more than one answer: facts, not verdicts.</p><ul>${items.join('')}</ul></section>`,
    )
  }
  sections.push(
    `<section><h2>All checks (${report.checks.length})</h2><details><summary>show every check</summary>${checkTable(report.checks, 'all-checks')}</details></section>`,
  )
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${html(`${targetName(report)}: ${report.level} ${verdictWords[certified.verdict]} — Runtime API conformance`)}</title>
<style>${style}</style></head>
<body>
${banner(report)}
<main>
${facts(report)}
${sections.join('\n')}
<footer>Runtime API chat conformance harness ${html(report.harnessVersion ?? '')} · seed ${report.seed ?? 'unknown'} · run ${html(report.runId ?? 'unknown')} · the token is never written here: requests show it as *** and curl commands read $CONFORMANCE_TOKEN.</footer>
</main>
</body></html>
`
}
