// The exit code of a certification, shared by every command that judges a report: 0 only when
// the certified level conforms (every check of it ran and passed, none skipped); 5 when no check
// failed but the run did not run every check of the level (a filtered run: partial).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ConformanceReport } from './conformanceReport.ts'
import { reportFileNames } from './reportFileNames.ts'

export const exitCodes = {
  conforms: 0,
  doesNotConform: 1,
  configuration: 2,
  preflight: 3,
  targetStopped: 3,
  noReport: 4,
  partial: 5,
} as const

/** The report a run wrote in reportDir; undefined when there is none (or it is not JSON). */
export function readReport(reportDir: string): ConformanceReport | undefined {
  try {
    return JSON.parse(readFileSync(join(reportDir, reportFileNames.json), 'utf8')) as ConformanceReport
  } catch {
    return undefined
  }
}

export function exitCodeOf(report: ConformanceReport): number {
  const { verdict } = report.levels[report.level]
  if (verdict === 'conforms') return exitCodes.conforms
  return verdict === 'partial' ? exitCodes.partial : exitCodes.doesNotConform
}
