// What the processes the bench starts see: the embedded reference with its own defaults, and
// nothing of the user's target, so a .env naming a real bot is never benchmarked by accident.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { referenceDefaults } from '../reference/defaults.ts'

/** Where the processes the bench starts run: the project's root, whatever the bench's directory. */
export const projectRoot = fileURLToPath(new URL('../../', import.meta.url))

export const reference = { token: referenceDefaults.token, botId: referenceDefaults.botId }

/** process.env with every CONFORMANCE_* blanked (dotenv leaves a set variable alone), plus `extra`. */
export function childEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env }
  for (const name of Object.keys(env)) if (name.startsWith('CONFORMANCE_')) env[name] = ''
  return { ...env, ...extra }
}

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
