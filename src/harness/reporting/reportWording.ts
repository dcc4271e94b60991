// The words every rendering of a report shares (console, Markdown, HTML, badge), so they say
// the same thing the same way.
import { levels, type Level } from '../../contract/levels.ts'
import type { CheckStatus, ConformanceReport, LevelResult, OperationStatus, Verdict } from './conformanceReport.ts'

export const statusSymbol: Record<OperationStatus, string> = {
  passed: '✓',
  failed: '✗',
  skipped: '–',
  'not run': '○',
  unchecked: '·',
}

export const verdictWords: Record<Verdict, string> = {
  conforms: 'conforms',
  'does not conform': 'does not conform',
  partial: 'partial: not every check ran',
  incomplete: 'incomplete: checks were skipped',
}

export function targetName(report: ConformanceReport): string {
  const { name, version } = report.target
  if (name) return version ? `${name} ${version}` : name
  return report.embedded ? 'the embedded reference implementation' : report.baseUrl
}

/** "19 of 33 operations passed", "2 of 33 operations failed, 1 skipped". */
export function operationsLine(result: LevelResult): string {
  const { passed, failed, skipped, unchecked, total } = result.operations
  const parts = [`${passed} of ${total} operations passed`]
  if (failed > 0) parts.push(`${failed} failed`)
  if (result.operations['not run'] > 0) parts.push(`${result.operations['not run']} with checks not run`)
  if (skipped > 0) parts.push(`${skipped} skipped`)
  if (unchecked > 0) parts.push(`${unchecked} without a check at this level`)
  return parts.join(', ')
}

export function checksLine(counts: Record<CheckStatus, number>): string {
  const notRun = counts['not run'] > 0 ? `, ${counts['not run']} not run` : ''
  return `${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped${notRun}`
}

/** "3 of 472 checks of core ran": what a partial verdict rests on. */
function ranLine(result: LevelResult, level: Level): string {
  const total = Object.values(result.checks).reduce((sum, n) => sum + n, 0)
  return `${total - result.checks['not run']} of ${total} checks of ${level} ran`
}

/** The verdict's one line of counts: how many checks ran when not all did, else the operations. */
export function verdictCounts(result: LevelResult, level: Level): string {
  return result.complete ? operationsLine(result) : `${ranLine(result, level)}, ${operationsLine(result)}`
}

/** What full covered: a full verdict without a feature must not read as if that feature were certified. */
export function levelNote(report: ConformanceReport, level: Level): string {
  if (level !== 'full') return ''
  const { configured, notConfigured } = report.features
  if (configured.length === 0) return ' (no optional feature configured: only the checks of core)'
  return notConfigured.length === 0
    ? ` (${configured.join(', ')})`
    : ` (${configured.join(', ')}; not configured: ${notConfigured.join(', ')})`
}

export function durationText(report: ConformanceReport): string {
  const ms = Date.parse(report.finishedAt) - Date.parse(report.startedAt)
  return Number.isFinite(ms) ? `${(ms / 1000).toFixed(1)} s` : ''
}

/** The run's last lines on the console; the very last one is the plain "N passed, N failed, N skipped". */
export function consoleSummary(report: ConformanceReport, files: readonly string[]): string {
  const certified = report.levels[report.level]
  const perLevel = levels
    .map((level) => `${level}: ${report.levels[level].verdict}${levelNote(report, level)}`)
    .join(' · ')
  return [
    `Conformance at ${report.level}${levelNote(report, report.level)}: ${targetName(report)} ${verdictWords[certified.verdict]} — ${verdictCounts(certified, report.level)} (seed ${report.seed})`,
    `  ${perLevel}`,
    `  reports: ${files.join(', ')}`,
    `Conformance: ${checksLine(report.summary)}`,
  ].join('\n')
}
