// The self-test's results: a table of faults (rule, caught or not, by which check, seconds) and
// the kill rate, as console text, Markdown (reports/mutants.md), JSON (reports/mutants.json)
// and the kill-rate line of docs/self-test.md.
import { median } from '../bench/samples.ts'
import type { Fault, FaultSide } from '../reference/faults/fault.ts'
import type { FaultVerdict } from './faultVerdict.ts'

export interface FaultResult extends FaultVerdict {
  fault: string
  rule: string
  level: string
  side: FaultSide
  summary: string
  seconds: number
  /** Where the run's own reports are (conformance.json, playwright.log). */
  reportDir: string
}

export interface MutantsReport {
  startedAt: string
  seconds: number
  seed: number
  clean: { passed: boolean; checks: number; seconds: number; problem?: string; reportDir: string }
  faults: FaultResult[]
  caught: number
  total: number
  /** Caught faults in percent, rounded down. */
  killRate: number
  /** Everything held: the clean reference passed and every fault was caught by its rule. */
  passed: boolean
}

export function faultResult(fault: Fault, verdict: FaultVerdict, seconds: number, reportDir: string): FaultResult {
  return {
    fault: fault.name,
    rule: fault.breaks,
    level: fault.level ?? 'core',
    side: fault.side,
    summary: fault.summary,
    seconds,
    reportDir,
    ...verdict,
  }
}

export function summariseMutants(
  parts: Omit<MutantsReport, 'caught' | 'total' | 'killRate' | 'passed'>,
): MutantsReport {
  const caught = parts.faults.filter((f) => f.status === 'caught').length
  const total = parts.faults.length
  return {
    ...parts,
    caught,
    total,
    killRate: total === 0 ? 0 : Math.floor((100 * caught) / total),
    passed: parts.clean.passed && caught === total,
  }
}

function checksShown(ids: readonly string[], most = 2): string {
  if (ids.length === 0) return '—'
  return ids.slice(0, most).join(', ') + (ids.length > most ? ` +${ids.length - most}` : '')
}

function ruleOf(result: FaultResult): string {
  return result.level === 'core' ? result.rule : `${result.rule} (${result.level})`
}

/** One line: the kill rate and the clean reference, as docs/self-test.md and the console show it. */
export function killRateLine(report: Pick<MutantsReport, 'caught' | 'total' | 'killRate' | 'clean'>): string {
  return `kill rate ${report.killRate}%: ${report.caught} of ${report.total} faults caught by a check of the rule they break; the clean reference ${report.clean.passed ? 'passes' : 'FAILS'}`
}

/**
 * Where the self-test's time went: its whole run and the median certification (most of which is
 * starting one: a fault's certification runs a few checks), so a faster start shows here.
 */
export function timingLine(report: Pick<MutantsReport, 'seconds' | 'faults' | 'clean'>): string {
  const runs = [report.clean.seconds, ...report.faults.map((result) => result.seconds)]
  return `${runs.length} certifications in ${report.seconds.toFixed(0)} s, the median one ${median(runs).toFixed(1)} s`
}

function columns(result: FaultResult): string[] {
  const mark = result.status === 'caught' ? 'yes' : `NO: ${result.status}`
  return [
    result.fault,
    ruleOf(result),
    result.side,
    mark,
    result.status === 'caught' ? checksShown(result.caughtBy) : (result.problem ?? ''),
    result.seconds.toFixed(1),
  ]
}

const headings = ['fault', 'rule', 'side', 'caught?', 'by (or why not)', 'seconds']

export function consoleTable(report: MutantsReport): string {
  const rows = [headings, ...report.faults.map(columns)]
  const widths = headings.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length)))
  const line = (row: string[]) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
  return [
    line(headings),
    ...report.faults.map((result) => line(columns(result))),
    '',
    `clean reference: ${report.clean.passed ? `passed (${report.clean.checks} checks, ${report.clean.seconds.toFixed(1)} s)` : `FAILED: ${report.clean.problem ?? ''}`}`,
    `${killRateLine(report)} (seed ${report.seed})`,
    timingLine(report),
  ].join('\n')
}

const cell = (text: string) => text.replace(/\|/g, '\\|')

export function markdownTable(report: MutantsReport): string {
  return [
    '# Mutation self-test',
    '',
    `${killRateLine(report)}.`,
    '',
    `Clean reference: ${report.clean.passed ? `passed, ${report.clean.checks} checks` : `**failed**: ${report.clean.problem ?? ''}`}. Seed ${report.seed}, started ${report.startedAt}: ${timingLine(report)}.`,
    '',
    `| ${headings.join(' | ')} | what the fault does |`,
    `|${headings.map(() => '---').join('|')}|---|`,
    ...report.faults.map((result) => `| ${columns(result).map(cell).join(' | ')} | ${cell(result.summary)} |`),
    '',
  ].join('\n')
}

export const readmeMarkers = { start: '<!-- mutants:start', end: '<!-- mutants:end -->' } as const

/** docs/self-test.md's kill-rate line, between its markers (npm run mutants writes it after a whole run). */
export function withKillRate(readme: string, line: string): string {
  const start = readme.indexOf(readmeMarkers.start)
  const end = readme.indexOf(readmeMarkers.end)
  if (start < 0 || end < start)
    throw new Error(`docs/self-test.md has no ${readmeMarkers.start} … ${readmeMarkers.end} section`)
  const startLineEnd = readme.indexOf('\n', start)
  return `${readme.slice(0, startLineEnd + 1)}${line}\n${readme.slice(end)}`
}
