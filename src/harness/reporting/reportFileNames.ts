// The names of a run's report files, apart from the code that writes them: the commands that only
// look for a report or remove an old one (certify, report, replay) need not load the report
// writers, which load the whole catalogue of checks.
import { rmSync } from 'node:fs'
import { join } from 'node:path'

export const reportFileNames = {
  json: 'conformance.json',
  markdown: 'conformance.md',
  html: 'conformance.html',
  badge: 'badge.svg',
  junit: 'junit.xml',
} as const

/** Before a run: a report left by an earlier run must not pass for this one's. */
export function removeReportFiles(dir: string): void {
  for (const name of Object.values(reportFileNames)) rmSync(join(dir, name), { force: true })
}
