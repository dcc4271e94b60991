// Reading settings from the environment, with a .env file underneath it (the environment wins).
// The harness, the reference server and the tools read their variables through these, so a bad
// value is always one ConfigError naming the variable.
import { config as loadDotenv } from 'dotenv'
import { ConfigError } from './configError.ts'

export type Env = Record<string, string | undefined>

let dotenvLoaded = false
/** process.env with .env underneath it; .env never overrides a variable that is set. */
export function environment(): Env {
  if (!dotenvLoaded) {
    loadDotenv({ quiet: true })
    dotenvLoaded = true
  }
  return process.env
}

/** A variable's trimmed value; undefined when unset or blank. */
export function textValue(env: Env, name: string): string | undefined {
  const value = env[name]?.trim()
  return value ? value : undefined
}

export function parseInteger(env: Env, name: string, range: { min: number; max: number }): number | undefined {
  const value = textValue(env, name)
  if (value === undefined) return undefined
  if (!/^-?\d+$/.test(value)) throw new ConfigError(name, `must be a whole number, got ${JSON.stringify(value)}`)
  const number = Number(value)
  if (number < range.min || number > range.max) {
    throw new ConfigError(name, `must be between ${range.min} and ${range.max}, got ${value}`)
  }
  return number
}
