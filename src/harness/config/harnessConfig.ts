// The harness's configuration: environment variables, with a .env file as fallback (the
// environment wins). Read and checked once; a bad value is one ConfigError naming the variable.
import { isLevel, levels, type Feature, type Level } from '../../contract/levels.ts'
import { contractSchemas } from '../../contract/schemaRegistry.ts'
import { formOf } from '../../contract/valueForms.ts'
import { ConfigError } from '../../environment/configError.ts'
import { environment, parseInteger, textValue as text, type Env } from '../../environment/environmentValues.ts'

export type { Env } from '../../environment/environmentValues.ts'

interface ActionConfig {
  type: string
  input: Record<string, unknown>
}

export interface HarnessConfig {
  /** Base URL of the target, always ending with "/"; undefined: start the embedded reference. */
  baseUrl: string | undefined
  /** The target is the embedded reference implementation. */
  embedded: boolean
  token: string
  botId: string
  integrationId: string | undefined
  action: ActionConfig | undefined
  timeoutMs: number
  reportDir: string
  /**
   * The tag keys checks may use: those the bot declares (CONFORMANCE_TAG_KEYS) less the run
   * marker's key; undefined: any key may be used.
   */
  tagKeys: string[] | undefined
  /** Cases each property check tries (CONFORMANCE_CASES). */
  cases: number
  /** Resources a pagination check creates in one list (CONFORMANCE_LIST_SIZE): enough for several pages. */
  listSize: number
  /** Random sequences of calls each model-based check runs (CONFORMANCE_MODEL_RUNS). */
  modelRuns: number
  /** The most calls a model-based sequence makes (CONFORMANCE_MODEL_LENGTH). */
  modelLength: number
  /** The level this run certifies (CONFORMANCE_LEVEL, default core): it decides the verdict and exit code. */
  level: Level
  /** How the report names the target (CONFORMANCE_TARGET_NAME, CONFORMANCE_TARGET_VERSION). */
  target: { name: string | undefined; version: string | undefined }
  /** The tag key that marks what a run creates with its run id; undefined: no marker tag. */
  runTagKey: string | undefined
  /** Certify the 15 operations beyond the documented 33 (CONFORMANCE_SPEC_SCOPE=on; the embedded reference's default). */
  specScope: boolean
}

/** Internal: set by the harness when it started the embedded reference itself. */
export const embeddedMarker = 'CONFORMANCE_EMBEDDED_REFERENCE'

function parseBaseUrl(value: string): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new ConfigError('CONFORMANCE_BASE_URL', `not a URL: ${JSON.stringify(value)}`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError('CONFORMANCE_BASE_URL', `must be an http:// or https:// URL, got ${url.protocol}//`)
  }
  if (url.search || url.hash) throw new ConfigError('CONFORMANCE_BASE_URL', 'must not carry a query or a fragment')
  if (url.username || url.password) {
    throw new ConfigError('CONFORMANCE_BASE_URL', 'must not carry credentials; put the token in CONFORMANCE_TOKEN')
  }
  // A base URL with a path only keeps it for relative request paths if it ends with a slash.
  if (!url.pathname.endsWith('/')) url.pathname += '/'
  return url.toString()
}

function parseSecret(env: Env, name: string): string | undefined {
  const value = env[name]
  if (value === undefined || value.trim() === '') return undefined
  if (/\s/.test(value.trim())) throw new ConfigError(name, 'contains white space (check for a pasted line break)')
  return value.trim()
}

/** The documented length of an id (S1), read where the contract writes it: a state's botId carries the bot id. */
function idLimits(): { min: number; max: number } {
  const { minLength, maxLength } = contractSchemas().schemaOf('resources/state.json', 'botId')
  return { min: Number(minLength), max: Number(maxLength) }
}

/** An id the target's answers and paths carry (the bot's, an integration's): the documented id length (S1). */
function parseId(env: Env, name: string, carriedAs: string): string | undefined {
  const value = text(env, name)
  if (value === undefined) return undefined
  const { min, max } = idLimits()
  const length = [...value].length
  if (length < min || length > max)
    throw new ConfigError(
      name,
      `must be ${min} to ${max} characters long, the documented length of an id (S1; ${carriedAs}), got ${length}`,
    )
  if (/[\s/?#]/.test(value))
    throw new ConfigError(name, 'must not hold white space, "/", "?" or "#": it is sent in headers and paths')
  return value
}

/** CONFORMANCE_ACTION: an action's type as callAction takes it, in its documented form and length. */
function parseActionType(env: Env): string | undefined {
  const type = text(env, 'CONFORMANCE_ACTION')
  if (type === undefined) return undefined
  const node = contractSchemas().schemaOf('requests/callAction.json', 'type')
  const form = formOf(node)
  if (form && !form.holds(type))
    throw new ConfigError(
      'CONFORMANCE_ACTION',
      `must have the documented form ${form.described} (S12), got ${JSON.stringify(type)}`,
    )
  const max = Number(node.maxLength)
  if ([...type].length > max)
    throw new ConfigError('CONFORMANCE_ACTION', `must be at most ${max} characters long (S3), got ${[...type].length}`)
  return type
}

function parseAction(env: Env): ActionConfig | undefined {
  const type = parseActionType(env)
  const inputText = text(env, 'CONFORMANCE_ACTION_INPUT')
  if (type === undefined) {
    if (inputText !== undefined)
      throw new ConfigError('CONFORMANCE_ACTION_INPUT', 'is set but CONFORMANCE_ACTION is not')
    return undefined
  }
  if (inputText === undefined) {
    return { type, input: {} }
  }
  let input: unknown
  try {
    input = JSON.parse(inputText)
  } catch (error) {
    throw new ConfigError('CONFORMANCE_ACTION_INPUT', `is not JSON: ${(error as Error).message}`)
  }
  if (!input || typeof input !== 'object' || Array.isArray(input)) {
    throw new ConfigError('CONFORMANCE_ACTION_INPUT', 'must be a JSON object, e.g. {"text":"hello"}')
  }
  return { type, input: input as Record<string, unknown> }
}

function parseTagKeys(env: Env): string[] | undefined {
  const value = text(env, 'CONFORMANCE_TAG_KEYS')
  if (value === undefined) return undefined
  const keys = [
    ...new Set(
      value
        .split(',')
        .map((key) => key.trim())
        .filter(Boolean),
    ),
  ]
  if (keys.length === 0) throw new ConfigError('CONFORMANCE_TAG_KEYS', 'names no key; list them separated by commas')
  for (const key of keys) checkTagKey('CONFORMANCE_TAG_KEYS', key)
  return keys
}

/**
 * A tag key the suite may send: one the query forms can carry (tags.key=value, tags[key]=value)
 * and short enough to be listed in discriminateByTags (S3).
 */
function checkTagKey(variable: string, key: string): void {
  if (key.includes('.'))
    throw new ConfigError(
      variable,
      `${JSON.stringify(key)} has a dot, which the query form tags.key=value cannot carry`,
    )
  if (/[[\]\s]/.test(key))
    throw new ConfigError(
      variable,
      `${JSON.stringify(key)} has a bracket or white space, which the query form tags[key]=value cannot carry`,
    )
  const items = contractSchemas().schemaOf('requests/getOrCreateUser.json', 'discriminateByTags').items
  const max = Number((items as { maxLength?: number } | undefined)?.maxLength ?? Infinity)
  if ([...key].length > max)
    throw new ConfigError(
      variable,
      `a key of ${[...key].length} characters cannot be listed in discriminateByTags, whose items are at most ${max} (S3)`,
    )
}

/** Where reports go (CONFORMANCE_REPORT_DIR, default reports/): all npm run report needs to know. */
export function readReportDir(env: Env): string {
  return text(env, 'CONFORMANCE_REPORT_DIR') ?? 'reports'
}

function parseLevel(env: Env): Level {
  const value = text(env, 'CONFORMANCE_LEVEL')?.toLowerCase()
  if (value === undefined) return 'core'
  if (!isLevel(value))
    throw new ConfigError('CONFORMANCE_LEVEL', `must be one of ${levels.join(', ')}, got ${JSON.stringify(value)}`)
  return value
}

/** The run marker's key when none is named; with declared keys, used only if it is one of them. */
const defaultRunTagKey = 'conformanceRun'

function parseRunTagKey(env: Env, declared: string[] | undefined): string | undefined {
  const named = text(env, 'CONFORMANCE_RUN_TAG_KEY')
  if (named === undefined) return !declared || declared.includes(defaultRunTagKey) ? defaultRunTagKey : undefined
  checkTagKey('CONFORMANCE_RUN_TAG_KEY', named)
  if (declared && !declared.includes(named)) {
    throw new ConfigError(
      'CONFORMANCE_RUN_TAG_KEY',
      `${JSON.stringify(named)} is not one of CONFORMANCE_TAG_KEYS; the bot would reject it`,
    )
  }
  return named
}

const switchValues: Record<string, boolean> = { on: true, off: false, true: true, false: false, '1': true, '0': false }

function parseSwitch(env: Env, name: string): boolean {
  const value = text(env, name)?.toLowerCase()
  if (value === undefined) return false
  const on = switchValues[value]
  if (on === undefined) throw new ConfigError(name, `must be on or off, got ${JSON.stringify(value)}`)
  return on
}

/** The optional features a configuration gives the full level: an action, an integration, the spec scope. */
export function configuredFeatures(config: Pick<HarnessConfig, 'action' | 'integrationId' | 'specScope'>): Feature[] {
  return [
    ...(config.action ? (['action'] as const) : []),
    ...(config.integrationId ? (['integration'] as const) : []),
    ...(config.specScope ? (['specScope'] as const) : []),
  ]
}

/** Reads and checks the configuration; throws ConfigError on the first problem. */
export function readHarnessConfig(env: Env = environment()): HarnessConfig {
  const baseUrlText = text(env, 'CONFORMANCE_BASE_URL')
  const baseUrl = baseUrlText === undefined ? undefined : parseBaseUrl(baseUrlText)
  const embedded = baseUrl === undefined || env[embeddedMarker] === '1'

  // For the embedded reference, whoever starts it fills these in (src/runs/embeddedTarget.ts).
  const token = parseSecret(env, 'CONFORMANCE_TOKEN')
  const botId = parseId(env, 'CONFORMANCE_BOT_ID', "sent as x-bot-id, answered as a state's botId")
  if (token === undefined) {
    throw new ConfigError(
      'CONFORMANCE_TOKEN',
      'is required when CONFORMANCE_BASE_URL names a target (the bearer token for its API)',
    )
  }
  if (botId === undefined) {
    throw new ConfigError(
      'CONFORMANCE_BOT_ID',
      'is required when CONFORMANCE_BASE_URL names a target (sent as x-bot-id)',
    )
  }

  const declaredTagKeys = parseTagKeys(env)
  const runTagKey = parseRunTagKey(env, declaredTagKeys)
  return {
    baseUrl,
    embedded,
    token,
    botId,
    integrationId: parseId(
      env,
      'CONFORMANCE_INTEGRATION_ID',
      "sent as x-integration-id, the id of an integration's states",
    ),
    action: parseAction(env),
    timeoutMs: parseInteger(env, 'CONFORMANCE_TIMEOUT_MS', { min: 100, max: 600_000 }) ?? 10_000,
    reportDir: readReportDir(env),
    tagKeys: declaredTagKeys?.filter((key) => key !== runTagKey),
    runTagKey,
    // Each case makes a few requests; ten per property keeps a whole run well under a minute.
    cases: parseInteger(env, 'CONFORMANCE_CASES', { min: 1, max: 10_000 }) ?? 10,
    // The reference's page size is 20; 45 spans three of its pages without assuming any page size.
    listSize: parseInteger(env, 'CONFORMANCE_LIST_SIZE', { min: 2, max: 10_000 }) ?? 45,
    // A sequence makes about one request per call: the defaults keep the model checks to a few
    // seconds of a clean run; a failing sequence is then shrunk, which takes longer.
    modelRuns: parseInteger(env, 'CONFORMANCE_MODEL_RUNS', { min: 1, max: 10_000 }) ?? 10,
    modelLength: parseInteger(env, 'CONFORMANCE_MODEL_LENGTH', { min: 1, max: 1_000 }) ?? 25,
    level: parseLevel(env),
    target: { name: text(env, 'CONFORMANCE_TARGET_NAME'), version: text(env, 'CONFORMANCE_TARGET_VERSION') },
    specScope: parseSwitch(env, 'CONFORMANCE_SPEC_SCOPE'),
  }
}

/** A fresh seed for a run that was given none. */
export function randomSeed(): number {
  return Math.floor(Math.random() * 2 ** 31)
}
