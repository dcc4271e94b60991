// Where the package's own files are, wherever it runs: from a clone (TypeScript, run through tsx)
// or installed from npm (compiled JavaScript under dist/). Code is found next to this module, data
// (schemas/, openapi/, package.json) at the package's root; nothing is looked up from the folder
// the user runs in, which is where reports and .env belong.
import { readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = fileURLToPath(import.meta.url)
/** Whether this is the compiled package (dist/…/*.js) rather than the TypeScript sources. */
const compiled = here.endsWith('.js')
/** The folder of src/, tests/, fixtures/ and playwright.config: the root, or dist/ when compiled. */
const codeRoot = resolve(dirname(here), '..', '..')
/** The package's root: package.json, schemas/, openapi/. */
const packageRoot = compiled ? dirname(codeRoot) : codeRoot

/** A code file named by its source path without extension ('src/cli/certify'): its .ts or its compiled .js. */
export function codeFile(path: string): string {
  return join(codeRoot, `${path}${compiled ? '.js' : '.ts'}`)
}

/** A data file or folder of the package ('schemas', 'openapi/runtime-chat-api.json'). */
export function dataFile(path: string): string {
  return join(packageRoot, path)
}

/** node's arguments that run a code file: compiled JavaScript as it is, TypeScript through tsx. */
export function nodeArguments(entry: string, args: readonly string[] = []): string[] {
  // tsx is resolved from here, not from the working directory, which may be any folder.
  return compiled ? [codeFile(entry), ...args] : ['--import', import.meta.resolve('tsx'), codeFile(entry), ...args]
}

/** The package's name and version, from its package.json. */
export const packageInfo = JSON.parse(readFileSync(dataFile('package.json'), 'utf8')) as {
  name: string
  version: string
}
