// A probe breaks one constraint and keeps every other one. The generated checks (lengths, ranges,
// enumerations) run here against the embedded reference, and every request they send is held to
// the request schemas, the forms of x-form (an action's <integration>:<action>, a URL) and the
// references a request must keep (an id in a body names a resource that exists; a state's id is
// an owner of its type): any violation but of the probed constraint at the probed field fails.
// The model-based checks' requests are held to the schemas and forms likewise, with no exception.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { request, type APIRequestContext } from '@playwright/test'
import { anyItem, anyKey, contractFields, fieldName, type FieldRow } from '../../fixtures/contractFields.ts'
import { enumerations } from '../../fixtures/enumerations.ts'
import { lengthBoundaries } from '../../fixtures/lengthBoundaries.ts'
import { rangeBoundaries } from '../../fixtures/rangeBoundaries.ts'
import { valuesFor } from '../../fixtures/values.ts'
import { chatOperation, type ChatOperationId } from '../../src/contract/operations.ts'
import { contractSchemas } from '../../src/contract/schemaRegistry.ts'
import { formOf } from '../../src/contract/valueForms.ts'
import { catalogue, type TestedEntry } from '../../src/harness/catalogue/catalogue.ts'
import type { CheckContext, ResolvedHarness } from '../../src/harness/checks/checkContext.ts'
import { Prerequisites } from '../../src/harness/checks/prerequisites.ts'
import { ExchangeLog } from '../../src/harness/client/exchangeLog.ts'
import { ResourceLedger } from '../../src/harness/client/resourceLedger.ts'
import { RuntimeClient, type CallOptions } from '../../src/harness/client/runtimeClient.ts'
import { SecretMask } from '../../src/harness/client/secretMask.ts'
import { readHarnessConfig } from '../../src/harness/config/harnessConfig.ts'
import { referenceDefaults } from '../../src/reference/defaults.ts'
import { startReferenceServer } from '../../src/reference/server.ts'
import { ChatStore } from '../../src/reference/store/chatStore.ts'
import { embeddedTargetSettings } from '../../src/runs/embeddedTarget.ts'

/** The probed constraint of a row: the schema keywords a probe of it may break, and the value's type. */
interface Probed extends FieldRow {
  keywords: readonly string[]
  type: 'string' | 'number'
}

/** The generated checks and the field each probes, by check id (the ids the checks are given). */
function probedFields(): Map<string, Probed> {
  const rows = new Map<string, Probed>()
  for (const row of lengthBoundaries())
    rows.set(`${row.rule}.${row.operation}.${fieldName(row)}.length-limits`, {
      ...row,
      keywords: ['maxLength', 'minLength'],
      type: 'string',
    })
  for (const row of rangeBoundaries())
    rows.set(`${row.rule}.${row.operation}.${fieldName(row)}.range-limits`, {
      ...row,
      keywords: ['minimum', 'maximum'],
      type: 'number',
    })
  for (const row of enumerations())
    for (const suffix of ['documented-values-accepted', 'outside-values-rejected'])
      rows.set(`${row.rule}.${row.operation}.${fieldName(row)}.${suffix}`, {
        ...row,
        keywords: ['enum'],
        type: 'string',
      })
  return rows
}

interface Violation {
  location: FieldRow['location']
  path: string[]
  problem: string
  /** A schema keyword, or "form" / "reference". */
  keyword: string
}

function segmentsOf(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
}

/** Every concrete path of a field pattern in a value (map keys and array items expanded). */
function concretePaths(
  value: unknown,
  pattern: readonly string[],
  at: string[] = [],
): { path: string[]; value: unknown }[] {
  if (pattern.length === 0) return [{ path: at, value }]
  if (!value || typeof value !== 'object') return []
  const [head, ...rest] = pattern as [string, ...string[]]
  const keys = head === anyKey || head === anyItem ? Object.keys(value) : head in value ? [head] : []
  return keys.flatMap((key) => concretePaths((value as Record<string, unknown>)[key], rest, [...at, key]))
}

function matches(path: readonly string[], pattern: readonly string[]): boolean {
  return (
    path.length === pattern.length &&
    pattern.every(
      (segment, i) => segment === anyKey || (segment === anyItem ? /^\d+$/.test(path[i] ?? '') : segment === path[i]),
    )
  )
}

const schemaOfLocation = { params: 'params', query: 'query', body: 'request' } as const

/** What a request breaks: its schemas, the forms, and the references it must keep. */
function violationsOf(
  id: ChatOperationId,
  options: CallOptions,
  store: ChatStore,
  harness: ResolvedHarness,
): Violation[] {
  const op = chatOperation(id)
  const parts = { params: options.params ?? {}, query: options.query ?? {}, body: options.body }
  const found: Violation[] = []
  for (const location of ['params', 'query', 'body'] as const) {
    const schema = op[schemaOfLocation[location]]
    if (!schema) continue
    for (const error of contractSchemas().validate(schema, parts[location]))
      found.push({
        location,
        path: segmentsOf(error.instancePath),
        problem: error.message ?? error.keyword,
        keyword: error.keyword,
      })
  }
  for (const field of contractFields().filter((f) => f.operation === id)) {
    const form = formOf(field.node)
    if (!form) continue
    // A form is of strings: a value of another type the schema allows (null, to unset) keeps it.
    for (const { path, value } of concretePaths(parts[field.location], field.path))
      if (typeof value === 'string' && !form.holds(value))
        found.push({
          location: field.location,
          path,
          problem: `${JSON.stringify(value)} is not ${form.described}`,
          keyword: 'form',
        })
  }
  // References a request must keep: ids in a body name what exists; a state's id is an owner of its type.
  const kinds: Record<string, (value: string) => boolean> = {
    userId: (v) => store.users.has(v),
    conversationId: (v) => store.conversations.has(v),
    messageId: (v) => store.messages.has(v),
    workflowId: () => false,
  }
  const body = (parts.body ?? {}) as Record<string, unknown>
  for (const [name, exists] of Object.entries(kinds))
    if (typeof body[name] === 'string' && !exists(body[name]))
      found.push({ location: 'body', path: [name], problem: `names no existing resource`, keyword: 'reference' })
  const { type, id: owner } = parts.params
  const owners: Record<string, (value: string) => boolean> = {
    user: (v) => store.users.has(v),
    conversation: (v) => store.conversations.has(v),
    bot: (v) => v === harness.botId,
    integration: (v) => v === harness.integrationId,
  }
  if (op.params && type && owner && owners[type] && !owners[type](owner))
    found.push({ location: 'params', path: ['id'], problem: `is no ${type}'s id`, keyword: 'reference' })
  // get-or-create discriminates by keys among the tags.
  const listed = Array.isArray(body.discriminateByTags) ? (body.discriminateByTags as string[]) : []
  listed.forEach((key, index) => {
    if (!(key in ((body.tags as Record<string, string> | undefined) ?? {})))
      found.push({
        location: 'body',
        path: ['discriminateByTags', String(index)],
        problem: 'lists a key the tags do not hold',
        keyword: 'reference',
      })
  })
  return found
}

/** A violation the probe is there to make: of the probed constraint, at the probed field, in the probed operation. */
function isProbed(violation: Violation, id: ChatOperationId, options: CallOptions, row: Probed): boolean {
  if (id !== row.operation || violation.location !== row.location || !matches(violation.path, row.path)) return false
  if (violation.keyword === 'form') return false
  // An id of a probed length names nothing: the reference it breaks is the probe's own.
  if (violation.keyword === 'reference') return true
  const parts = { params: options.params, query: options.query, body: options.body }
  const value = concretePaths(parts[row.location], violation.path)[0]?.value
  // Outside a nullable field's anyOf, a value of the probed type breaks only the probed keywords.
  return typeof value === row.type && [...row.keywords, 'anyOf', 'type'].includes(violation.keyword)
}

let store: ChatStore
let reference: { url: string; close: () => Promise<void> }
let http: APIRequestContext
let harness: ResolvedHarness

before(async () => {
  store = new ChatStore(referenceDefaults.botId, referenceDefaults.pageSize)
  reference = await startReferenceServer({
    token: referenceDefaults.token,
    botId: referenceDefaults.botId,
    store,
    faults: [],
  })
  http = await request.newContext()
  const config = readHarnessConfig({
    ...embeddedTargetSettings({}),
    CONFORMANCE_BASE_URL: reference.url,
    CONFORMANCE_CASES: '3',
  })
  harness = { ...config, baseUrl: reference.url, seed: 20260601, runId: 'crprobeaudit' }
})

after(async () => {
  await http.dispose()
  await reference.close()
})

const rows = probedFields()
const probing = catalogue().entries.filter((e): e is TestedEntry => !e.derived && rows.has(e.id))

test('every generated check is found by its field', () => {
  const generated = catalogue().entries.filter((e) => ['boundaries', 'enumerations'].includes(e.area))
  assert.deepEqual(
    generated.map((e) => e.id).filter((id) => !rows.has(id)),
    [],
  )
  assert.ok(probing.length >= 40, `${probing.length} generated checks`)
})

/**
 * Runs a check against the reference with every request it sends held to the contract; returns
 * the requests' violations that `expected` does not allow, and how many requests were sent.
 */
async function audit(
  check: TestedEntry,
  expected: (violation: Violation, id: ChatOperationId, options: CallOptions) => boolean,
): Promise<{ problems: string[]; sent: number }> {
  const values = valuesFor({ runSeed: harness.seed, runId: harness.runId, checkTitle: check.id })
  const log = new ExchangeLog(new SecretMask(harness.token))
  const api = new RuntimeClient(http, { ...harness, runMarker: undefined }, log, new ResourceLedger())
  const problems: string[] = []
  let sent = 0
  const call = api.call.bind(api)
  api.call = (id: ChatOperationId, options: CallOptions = {}) => {
    sent++
    for (const violation of violationsOf(id, options, store, harness))
      if (!expected(violation, id, options))
        problems.push(`${id} ${violation.location}.${violation.path.join('.')} ${violation.problem}`)
    return call(id, options)
  }
  const context: CheckContext = { api, harness, values, make: new Prerequisites(api, values) }
  try {
    await check.run(context)
  } finally {
    await api.cleanUp()
  }
  return { problems: [...new Set(problems)], sent }
}

for (const check of probing) {
  test(`${check.id} keeps every constraint but the one it probes`, async () => {
    const row = rows.get(check.id) as Probed
    const { problems, sent } = await audit(check, (violation, id, options) => isProbed(violation, id, options, row))
    assert.ok(sent > 0)
    assert.deepEqual(problems, [], `${check.id} sent requests that break more than ${fieldName(row)}`)
  })
}

// The model-based checks draw whole requests from the schemas (modelValues.ts): every one must keep
// every schema and form. A sequence may name what it deleted before, so references are not held.
const sequences = catalogue().entries.filter((e): e is TestedEntry => !e.derived && e.area === 'model')

test('the model-based checks are found', () => {
  assert.ok(sequences.length >= 5, `${sequences.length} model-based checks`)
})

for (const check of sequences) {
  test(`${check.id} sends only requests the contract allows`, async () => {
    const { problems, sent } = await audit(check, (violation) => violation.keyword === 'reference')
    assert.ok(sent > 0)
    assert.deepEqual(problems, [], `${check.id} sent requests the contract does not allow`)
  })
}
