// What a bench run writes: bench.json (every number), bench.md (tables, targets with met / not
// met) and bench.svg (the targets at a glance); and the table it prints.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { targetChart } from './benchChart.ts'
import { sectionIds, type BenchResults, type SectionId } from './benchResults.ts'
import { formatNumber, growthLimit, judge, limitText, targets, type TargetResult } from './targets.ts'

const ms = (value: number) => formatNumber(value, 'ms')

function table(header: string[], rows: string[][]): string {
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n')
}

function notRun(results: BenchResults, section: SectionId): string {
  return results.errors[section] ? `Not measured: ${results.errors[section]}` : 'Not measured: not run (see --only).'
}

const caseWords = {
  clean: 'clean reference',
  failing: 'every id one short (every-id-one-short)',
  slow: 'getUser 20 s late (slow-get-user)',
} as const

function breakdownText(b: NonNullable<NonNullable<BenchResults['certification']>['breakdown']>): string {
  const s = (value: number) => formatNumber(value / 1000, 's')
  return [
    `Where the time of one clean run at ${b.workers} workers went (an extra run that recorded its requests, ${s(b.wallMs)} wall): start-up (spawn to the first check: node and tsx, the reference, the preflight, Playwright and its workers) ${s(b.startupMs)}; the checks ${s(b.checksMs)}; the end (sweep, reports) ${s(b.endMs)}.`,
    `Within the checks, summed over the ${b.workers} workers: ${b.requests} requests under way ${s(b.requestMs)}, documented waits ${s(b.waitMs)}, and the rest, the harness's and Playwright's own time, **${ms(b.perCheckMs)} per check** (${b.checks} checks, excluding their requests and waits).`,
  ].join(' ')
}

function certificationSection(results: BenchResults): string {
  const c = results.certification
  if (!c) return notRun(results, 'certification')
  const rows = c.summaries.map((s) => [
    caseWords[s.case],
    String(s.workers),
    String(s.runs),
    formatNumber(s.wallMs / 1000, 's'),
    String(s.requests),
    String(s.failed),
    formatNumber(s.requestsPerSecond, ''),
    s.problems.join('; ') || '—',
  ])
  const floorRows = c.floorSummaries.map((f) => [
    'floor: the clean run’s requests, bare undici, with the waits',
    String(f.workers),
    String(c.floors.filter((r) => r.workers === f.workers).length),
    formatNumber(f.wallMs / 1000, 's'),
    String(f.requests),
    '—',
    formatNumber(f.requests / (f.wallMs / 1000), ''),
    f.statusMismatches > 0 ? `${f.statusMismatches} answers differ in status from the run’s` : '—',
  ])
  const each = c.runs.map((run) => `${run.case} ${run.workers}w ${formatNumber(run.wallMs / 1000, 's')}`).join(', ')
  return [
    '`node --import tsx src/cli/certify.ts` (what `npm run certify` runs) against the embedded reference, one seed for every run, the cases interleaved. Wall time from spawn to exit: node and tsx start-up, the reference, the preflight, Playwright and its workers. Requests: answered requests the checks made (`requests` in conformance.json). The floor replays the requests a clean run recorded (`CONFORMANCE_REQUEST_LOG`) with a bare undici client against a fresh reference in a process of its own, check by check over as many lanes as workers, each check’s requests in order with its documented waits (state expiry) in line, ids mapped to those the fresh reference hands out.',
    '',
    table(
      ['target', 'workers', 'runs', 'wall (median)', 'requests', 'failed checks', 'requests/s', 'problems'],
      [...rows, ...floorRows],
    ),
    '',
    c.breakdown ? breakdownText(c.breakdown) : '',
    '',
    `Runs in the order made: ${each}.`,
  ].join('\n')
}

function overheadSection(results: BenchResults): string {
  const o = results.overhead
  if (!o) return notRun(results, 'overhead')
  return [
    `One scenario = ${o.requestsPerScenario} requests (create, read, list, update, delete a user, a conversation and its messages, one 404), ${o.scenarios} scenarios per client, interleaved; medians.`,
    '',
    table(
      ['client', 'one scenario (median)', '/ bare'],
      [
        [
          'harness as it runs (undici transport with kept connections + inspection + exchange log + attachment)',
          ms(o.harnessUndiciMs),
          formatNumber(o.harnessUndiciMs / o.bareMs, '×'),
        ],
        [
          "the same harness on Playwright's APIRequestContext (before)",
          ms(o.harnessMs),
          formatNumber(o.harnessMs / o.bareMs, '×'),
        ],
        ["Playwright's APIRequestContext alone", ms(o.playwrightMs), formatNumber(o.playwrightMs / o.bareMs, '×')],
        ['bare undici', ms(o.bareMs), '1.00×'],
      ],
    ),
  ].join('\n')
}

function referenceSection(results: BenchResults): string {
  const r = results.reference
  if (!r) return notRun(results, 'reference')
  const rows = r.comparisons.flatMap((c) =>
    (['reference', 'bare'] as const).map((server) => [
      c.operation,
      server === 'bare' ? 'bare node:http (same answer bytes)' : 'reference',
      formatNumber(c[server].requestsPerSecond, ''),
      ms(c[server].p50Ms),
      ms(c[server].p99Ms),
      String(c[server].failures),
    ]),
  )
  return [
    `autocannon, ${r.options.connections} connections, ${r.options.durationSeconds} s per run, ${r.options.rounds} interleaved runs per server; medians. Each server in its own process, autocannon in the bench's.`,
    '',
    table(['operation', 'server', 'requests/s', 'p50', 'p99', 'failed answers'], rows),
  ].join('\n')
}

function growthSection(results: BenchResults): string {
  const g = results.growth
  if (!g) return notRun(results, 'growth')
  const { small, large, samples } = g.options
  const rows = g.cases.map((c) => [
    c.operation,
    c.what,
    ms(c.smallMs),
    ms(c.largeMs),
    `${ms(c.smallP90Ms)} / ${ms(c.largeP90Ms)}`,
    formatNumber(c.ratio, '×'),
    c.ratio <= growthLimit ? 'met' : '**not met**',
  ])
  return [
    `Two references in the bench's process, filled directly with ${small.toLocaleString('en')} and ${large.toLocaleString('en')} users, conversations, messages and events each (every other user and conversation updated since; one conversation holds every message and has every user as a participant). Each list operation asks for its first page with no filter, each filter and each sort, and for a later page through nextToken. ${samples} requests per row and store, alternating between the stores; latency through HTTP by the bare client. Each row is judged against ≤ ${formatNumber(growthLimit, '×')}; the targets above take each operation's worst row.`,
    '',
    table(
      [
        'operation',
        'request',
        `p50 at ${small.toLocaleString('en')}`,
        `p50 at ${large.toLocaleString('en')}`,
        'p90 small / large',
        'ratio',
        'verdict',
      ],
      rows,
    ),
  ].join('\n')
}

function propertySection(results: BenchResults): string {
  const p = results.properties
  if (!p) return notRun(results, 'properties')
  if (p.notMeasured)
    return `Not measured: ${p.notMeasured}. Set BENCH_PROPERTY_GREP (and BENCH_PROPERTY_SPEC) to select one.`
  const selection = `--grep ${JSON.stringify(p.grep)}${p.spec ? ` in ${p.spec}` : ''}`
  const problems = (cases: number) =>
    [...new Set(p.runs.filter((r) => r.cases === cases && r.problem).map((r) => r.problem))].join('; ') || '—'
  const rows = p.medians.map((m) => [
    m.cases.toLocaleString('en'),
    formatNumber(m.wallMs / 1000, 's'),
    problems(m.cases),
  ])
  // Linear growth: every added case costs about the same, whichever step it is added in.
  const steps = p.medians.slice(1).flatMap((m, i) => {
    const before = p.medians[i] as { cases: number; wallMs: number }
    const perCase = (m.wallMs - before.wallMs) / (m.cases - before.cases)
    return Number.isFinite(perCase)
      ? [`${before.cases.toLocaleString('en')} → ${m.cases.toLocaleString('en')}: ${ms(perCase)}`]
      : []
  })
  return [
    `Certifications at 1 worker, ${selection} (${p.tests} test${p.tests === 1 ? '' : 's'}), ${p.runs.length} runs interleaved over the case counts; medians. Wall time includes the fixed start-up of a certification.`,
    '',
    table(['CONFORMANCE_CASES', 'wall (median)', 'problems'], rows),
    '',
    steps.length > 0 ? `Time per added case: ${steps.join(', ')}.` : '',
  ].join('\n')
}

export function judged(results: BenchResults): TargetResult[] {
  return targets.map((target) => judge(target, results))
}

export function markdownReport(results: BenchResults): string {
  const m = results.machine
  const verdicts = judged(results)
  return [
    '# Benchmarks',
    '',
    `${results.startedAt} · Node ${m.node} · ${m.cpus} × ${m.cpuModel} · load average ${m.loadAverage.toFixed(2)} at start${results.quick ? ' · **quick run: small sizes, not comparable to the targets**' : ''}`,
    '',
    '## Targets',
    '',
    table(
      ['target', 'measured', 'limit', 'verdict'],
      verdicts.map((t) => [
        t.title,
        formatNumber(t.measured, t.unit),
        limitText(t),
        t.verdict === 'met' ? 'met' : `**${t.verdict}**`,
      ]),
    ),
    '',
    '![targets](bench.svg)',
    '',
    '## 1. Full certification',
    '',
    certificationSection(results),
    '',
    '## 2. Harness overhead',
    '',
    overheadSection(results),
    '',
    '## 3. The reference under load',
    '',
    referenceSection(results),
    '',
    '## 4. Growth: 1,000 versus 100,000 stored resources',
    '',
    growthSection(results),
    '',
    '## 5. Property cases',
    '',
    propertySection(results),
    '',
  ].join('\n')
}

export function writeBenchReports(dir: string, results: BenchResults): string[] {
  mkdirSync(dir, { recursive: true })
  const files = {
    'bench.json': `${JSON.stringify({ ...results, targets: judged(results) }, null, 2)}\n`,
    'bench.md': markdownReport(results),
    'bench.svg': targetChart(judged(results)),
  }
  return Object.entries(files).map(([name, text]) => {
    const path = join(dir, name)
    writeFileSync(path, text)
    return path
  })
}

export const readmeMarkers = { start: '<!-- bench:start', end: '<!-- bench:end -->' } as const

/** The benchmark results of docs/benchmarks.md: the run's machine and its targets, with met / not met. */
export function readmeResults(results: BenchResults): string {
  const m = results.machine
  const missing = sectionIds.filter((id) => results[id] === undefined)
  const partial = missing.length > 0 ? `; sections not measured in this run: ${missing.join(', ')}` : ''
  return [
    `Results of \`npm run bench\` (${results.startedAt.slice(0, 10)}, Node ${m.node}, ${m.cpus} × ${m.cpuModel}, load average ${m.loadAverage.toFixed(2)} at start${partial}; the section tables are in \`reports/bench.md\`):`,
    '',
    table(
      ['target', 'measured', 'limit', 'verdict'],
      judged(results).map((t) => [
        t.title,
        formatNumber(t.measured, t.unit),
        limitText(t),
        t.verdict === 'met' ? 'met' : `**${t.verdict}**`,
      ]),
    ),
  ].join('\n')
}

/** The page with the text between the bench markers replaced (npm run bench writes it after a whole run). */
export function withBenchResults(readme: string, section: string): string {
  const start = readme.indexOf(readmeMarkers.start)
  const end = readme.indexOf(readmeMarkers.end)
  if (start < 0 || end < start)
    throw new Error(`docs/benchmarks.md has no ${readmeMarkers.start} … ${readmeMarkers.end} section`)
  const startLineEnd = readme.indexOf('\n', start)
  return `${readme.slice(0, startLineEnd + 1)}${section}\n${readme.slice(end)}`
}

/** The targets as a plain-text table for the terminal. */
export function targetTable(results: BenchResults): string {
  const rows = judged(results).map((t) => [t.title, formatNumber(t.measured, t.unit), limitText(t), t.verdict])
  const widths = [0, 1, 2, 3].map((column) => Math.max(...rows.map((row) => (row[column] as string).length), 6))
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column] as number)).join('  ')).join('\n')
}
