// npm run coverage: writes the table of the 33 operations and the checks covering each into
// docs/coverage.md (between its coverage markers). With --check it writes nothing and exits 1 when the
// table is stale or an operation lacks a failure-path check (or a rule lacks a check).
import { readFileSync, writeFileSync } from 'node:fs'
import { dataFile } from '../environment/packageLayout.ts'
import { catalogue } from '../harness/catalogue/catalogue.ts'
import {
  catalogueChecks,
  coverageByOperation,
  coverageGaps,
  coverageTable,
  withCoverageTable,
} from '../harness/reporting/coverage.ts'

const pagePath = dataFile('docs/coverage.md')
const pageName = 'docs/coverage.md'

function main(args: string[]): number {
  const checks = catalogueChecks(catalogue().entries)
  const gaps = coverageGaps(checks)
  for (const gap of gaps) console.error(`coverage gap: ${gap}`)
  const page = readFileSync(pagePath, 'utf8')
  const updated = withCoverageTable(page, coverageTable(coverageByOperation(checks)))
  if (args.includes('--check')) {
    if (updated !== page) console.error(`${pageName}: the coverage table is stale; run npm run coverage`)
    return gaps.length > 0 || updated !== page ? 1 : 0
  }
  if (updated !== page) writeFileSync(pagePath, updated)
  console.log(
    `${checks.length} checks over ${coverageByOperation(checks).length} operations${updated === page ? '' : ` → ${pageName}`}`,
  )
  return gaps.length > 0 ? 1 : 0
}

process.exit(main(process.argv.slice(2)))
