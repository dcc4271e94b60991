// The arguments `npm run certify -- …` passes to `playwright test`, checked before anything
// starts: an option Playwright does not know, a count that is not one, a trace (it would record
// the token) or shards without one run identity are one ConfigError, exit 2, instead of an error
// from Playwright once the reference is up. The options are Playwright's own list (its CLI
// program), so a Playwright upgrade cannot leave this list behind.
import { createRequire } from 'node:module'
import { ConfigError } from '../environment/configError.ts'
import type { Env } from '../environment/environmentValues.ts'

interface CliOption {
  short?: string
  long?: string
  /** Takes a value: <value> (required) or [value] (optional). */
  required: boolean
  optional: boolean
}

interface CliCommand {
  name(): string
  options: readonly CliOption[]
}

/** Playwright's `test` options, read from its own command-line program (loaded only when there are arguments). */
function playwrightTestOptions(): readonly CliOption[] {
  const load = createRequire(createRequire(import.meta.url).resolve('@playwright/test/cli'))
  const { program } = load('playwright/lib/program') as { program: { commands: readonly CliCommand[] } }
  const test = program.commands.find((command) => command.name() === 'test')
  if (!test) throw new Error('harness bug: Playwright has no test command')
  return test.options
}

/** Options whose value is a count: what Playwright would refuse once started. */
const counts: Record<string, { min: number; percent?: true }> = {
  '--workers': { min: 1, percent: true },
  '--max-failures': { min: 0 },
  '--repeat-each': { min: 1 },
  '--retries': { min: 0 },
  '--timeout': { min: 0 },
  '--global-timeout': { min: 0 },
}

function checkValue(name: string, value: string | undefined): void {
  const count = counts[name]
  if (count && value !== undefined) {
    const percent = count.percent && /^\d+%$/.test(value)
    if (!percent && (!/^\d+$/.test(value) || Number(value) < count.min))
      throw new ConfigError(name, `must be a whole number of at least ${count.min}, got ${JSON.stringify(value)}`)
  }
  if (name === '--shard' && value !== undefined) {
    const [current, total] = value.split('/').map(Number)
    if (!/^\d+\/\d+$/.test(value) || !current || !total || current > total)
      throw new ConfigError('--shard', `must be <shard>/<shards>, e.g. 1/3, got ${JSON.stringify(value)}`)
  }
  if (name === '--trace' && value !== 'off')
    throw new ConfigError(
      '--trace',
      'a trace records every request with its Authorization header (the token); certify runs without one',
    )
}

/** Every option of the arguments, with its value, by Playwright's list; an unknown one is a ConfigError. */
function optionsOf(args: readonly string[]): { name: string; value: string | undefined }[] {
  const known = playwrightTestOptions()
  const found: { name: string; value: string | undefined }[] = []
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string
    if (arg === '--') break
    if (!arg.startsWith('-') || arg === '-') continue
    const [flag = arg, inline] = arg.startsWith('--') ? (arg.split(/=(.*)/s) as [string, string?]) : [arg]
    const option = known.find((o) => o.long === flag || o.short === flag)
    if (!option)
      throw new ConfigError(
        flag,
        'is not an option of playwright test, which certify passes its arguments to (see npx playwright test --help)',
      )
    const name = option.long ?? flag
    let value = inline
    const next = args[i + 1]
    if (value === undefined && option.required) {
      if (next === undefined) throw new ConfigError(name, 'needs a value')
      value = next
      i++
    } else if (value === undefined && option.optional && next !== undefined && !next.startsWith('-')) {
      value = next
      i++
    }
    found.push({ name, value })
  }
  return found
}

/** Checks certify's arguments for Playwright; throws ConfigError naming the argument. */
export function checkPlaywrightArguments(args: readonly string[], env: Env): void {
  if (args.length === 0) return
  const options = optionsOf(args)
  for (const { name, value } of options) checkValue(name, value)
  if (options.some((o) => o.name === '--shard')) {
    for (const name of ['CONFORMANCE_SEED', 'CONFORMANCE_RUN_ID']) {
      if (!env[name]?.trim())
        throw new ConfigError(
          name,
          'a sharded run needs it set, to the same value on every shard, so that the merged report is one run',
        )
    }
  }
}
