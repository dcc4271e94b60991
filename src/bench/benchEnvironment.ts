// What the processes the bench starts see: the embedded reference with its own defaults, and
// nothing of the user's target (the environment of src/runs/certificationProcess.ts), so a .env
// naming a real bot is never benchmarked by accident.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { referenceDefaults } from '../reference/defaults.ts'

export const reference = { token: referenceDefaults.token, botId: referenceDefaults.botId }

/** How the bench starts a TypeScript entry point of this project in a process of its own. */
export const typescriptEntry = { command: process.execPath, args: (entry: string) => ['--import', 'tsx', entry] }

let scratchRoot: string | undefined

/** A fresh directory for one run's reports; all of them are removed when the bench exits, however it exits. */
export function scratchDir(): string {
  if (!scratchRoot) {
    const root = (scratchRoot = mkdtempSync(join(tmpdir(), 'conformance-bench-')))
    process.once('exit', () => rmSync(root, { recursive: true, force: true }))
  }
  return mkdtempSync(join(scratchRoot, 'run-'))
}
