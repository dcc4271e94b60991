// The exit code of a certification, shared by npm run certify and npm run report: 0 only when
// the certified level conforms (every check of it passed, none skipped).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ConfigError } from '../harness/config/configError.ts'
import type { ConformanceReport } from '../harness/reporting/conformanceReport.ts'
import { reportFileNames } from '../harness/reporting/reportFiles.ts'

export const exitCodes = { conforms: 0, doesNotConform: 1, configuration: 2, preflight: 3, targetStopped: 3, noReport: 4 } as const

export function readReport(reportDir: string): ConformanceReport | undefined {
  try {
    return JSON.parse(readFileSync(join(reportDir, reportFileNames.json), 'utf8')) as ConformanceReport
  } catch {
    return undefined
  }
}

export function exitCodeOf(report: ConformanceReport): number {
  return report.levels[report.level].verdict === 'conforms' ? exitCodes.conforms : exitCodes.doesNotConform
}

/**
 * Ends the process with the command's exit code. A configuration error is one line and exit 2;
 * `known` maps the command's own errors to a line and a code; anything else means no report.
 */
export function exitWhenDone(name: string, done: Promise<number>, known: (error: unknown) => [string, number] | undefined = () => undefined): void {
  done.then(
    (code) => process.exit(code),
    (error: unknown) => {
      const [line, code] =
        error instanceof ConfigError ? [`configuration error: ${error.message}`, exitCodes.configuration] : (known(error) ?? [`${name}: ${(error as Error).message}`, exitCodes.noReport])
      console.error(line)
      process.exit(code)
    },
  )
}
