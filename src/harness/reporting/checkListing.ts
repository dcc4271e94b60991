// The suite's checks as Playwright lists them (`playwright test --list --reporter=json`): every
// title and annotation, without starting a target or running a test.
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { codeFile } from '../../environment/packageLayout.ts'
import { checksFromListing, type ListedCheck } from './coverage.ts'

const playwrightCli = createRequire(import.meta.url).resolve('@playwright/test/cli')

export function listChecks(cwd: string = process.cwd()): ListedCheck[] {
  // The json reporter replaces the configured ones: listing writes no conformance report.
  const run = spawnSync(
    process.execPath,
    [playwrightCli, 'test', `--config=${codeFile('playwright.config')}`, '--list', '--reporter=json'],
    {
      cwd,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  )
  if (run.status !== 0)
    throw new Error(`playwright test --list failed (${run.status}): ${run.stderr.split('\n')[0] ?? ''}`)
  return checksFromListing(JSON.parse(run.stdout) as Parameters<typeof checksFromListing>[0])
}
