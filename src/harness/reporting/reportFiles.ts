// Writes a report in every form: conformance.json (for tools), conformance.md (for a pull
// request or a CI summary), conformance.html (for a person), badge.svg and junit.xml (for CI).
// Each file is written whole or not at all (temporary file, then rename).
import { mkdirSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { badgeSvg } from './badge.ts'
import type { ConformanceReport } from './conformanceReport.ts'
import { htmlReport } from './htmlReport.ts'
import { junitXml, type CheckTiming } from './junitReport.ts'
import { markdownReport } from './markdownReport.ts'
import { reportFileNames } from './reportFileNames.ts'

function writeWhole(path: string, content: string): void {
  writeFileSync(`${path}.tmp`, content)
  renameSync(`${path}.tmp`, path)
}

/** Returns the paths written. timings: each tested check's spec file and duration, for junit.xml. */
export function writeReportFiles(
  dir: string,
  report: ConformanceReport,
  timings: ReadonlyMap<string, CheckTiming> = new Map(),
): string[] {
  mkdirSync(dir, { recursive: true })
  const contents: [string, string][] = [
    [reportFileNames.json, `${JSON.stringify(report, null, 2)}\n`],
    [reportFileNames.markdown, markdownReport(report)],
    [reportFileNames.html, htmlReport(report)],
    [reportFileNames.badge, badgeSvg(report)],
    [reportFileNames.junit, junitXml({ report, timings })],
  ]
  return contents.map(([name, content]) => {
    const path = join(dir, name)
    writeWhole(path, content)
    return path
  })
}
