// npm run coverage: writes the table of the 33 operations and the checks covering each into
// README.md (between its coverage markers). With --check it writes nothing and exits 1 when the
// table is stale or an operation lacks a failure-path check (or a rule lacks a check).
import { readFileSync, writeFileSync } from 'node:fs'
import { catalogue } from '../harness/catalogue/catalogue.ts'
import {
  catalogueChecks,
  coverageByOperation,
  coverageGaps,
  coverageTable,
  withCoverageTable,
} from '../harness/reporting/coverage.ts'

const readmePath = 'README.md'

function main(args: string[]): number {
  const checks = catalogueChecks(catalogue().entries)
  const gaps = coverageGaps(checks)
  for (const gap of gaps) console.error(`coverage gap: ${gap}`)
  const readme = readFileSync(readmePath, 'utf8')
  const updated = withCoverageTable(readme, coverageTable(coverageByOperation(checks)))
  if (args.includes('--check')) {
    if (updated !== readme) console.error('README.md: the coverage table is stale; run npm run coverage')
    return gaps.length > 0 || updated !== readme ? 1 : 0
  }
  if (updated !== readme) writeFileSync(readmePath, updated)
  console.log(
    `${checks.length} checks over ${coverageByOperation(checks).length} operations${updated === readme ? '' : ' → README.md'}`,
  )
  return gaps.length > 0 ? 1 : 0
}

process.exit(main(process.argv.slice(2)))
