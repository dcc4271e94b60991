import assert from 'node:assert/strict'
import { test } from 'node:test'
import { ConfigError } from '../../src/environment/configError.ts'
import { configuredFeatures, readHarnessConfig } from '../../src/harness/config/harnessConfig.ts'
import { referenceDefaults } from '../../src/reference/defaults.ts'
import { withEmbeddedTarget } from '../../src/runs/embeddedTarget.ts'

const target = {
  CONFORMANCE_BASE_URL: 'https://staging.example.test/api',
  CONFORMANCE_TOKEN: 'tok',
  CONFORMANCE_BOT_ID: 'bot_01JD2X3Y4Z5A6B7C8D9E0F1G2H',
}

function configError(env: Record<string, string>, variable: string): void {
  assert.throws(
    () => readHarnessConfig(env),
    (error: unknown) => error instanceof ConfigError && error.variable === variable,
    `expected a ConfigError naming ${variable}`,
  )
}

test('no base URL: the embedded reference, with its defaults', () => {
  const config = readHarnessConfig(withEmbeddedTarget({}))
  assert.equal(config.baseUrl, undefined)
  assert.equal(config.embedded, true)
  assert.equal(config.token, referenceDefaults.token)
  assert.equal(config.botId, referenceDefaults.botId)
  assert.equal(config.action?.type, referenceDefaults.action)
  assert.deepEqual(config.action?.input, referenceDefaults.actionInput)
  assert.equal(config.integrationId, referenceDefaults.integrationId)
})

test('no base URL: the user’s own settings win over the embedded reference’s defaults', () => {
  const config = readHarnessConfig(
    withEmbeddedTarget({ CONFORMANCE_ACTION: 'other:action', CONFORMANCE_BOT_ID: 'bot_mine_01JD2X3Y4Z5A6B7C8D9E0F' }),
  )
  assert.equal(config.botId, 'bot_mine_01JD2X3Y4Z5A6B7C8D9E0F')
  assert.deepEqual(config.action, { type: 'other:action', input: {} })
})

test('a base URL with a path keeps it for relative request paths', () => {
  const config = readHarnessConfig(target)
  assert.equal(config.baseUrl, 'https://staging.example.test/api/')
  assert.equal(new URL('v1/chat/users', config.baseUrl).toString(), 'https://staging.example.test/api/v1/chat/users')
  assert.equal(config.embedded, false)
  assert.equal(config.action, undefined)
  assert.equal(config.integrationId, undefined)
})

test('cases per property and list size: defaults, and what is set', () => {
  const defaults = readHarnessConfig(target)
  assert.ok(defaults.cases >= 1)
  assert.ok(defaults.listSize >= 2)
  const set = readHarnessConfig({ ...target, CONFORMANCE_CASES: '3', CONFORMANCE_LIST_SIZE: '60' })
  assert.equal(set.cases, 3)
  assert.equal(set.listSize, 60)
})

test('a named target needs a token and a bot id', () => {
  configError(
    { CONFORMANCE_BASE_URL: target.CONFORMANCE_BASE_URL, CONFORMANCE_BOT_ID: target.CONFORMANCE_BOT_ID },
    'CONFORMANCE_TOKEN',
  )
  configError({ CONFORMANCE_BASE_URL: target.CONFORMANCE_BASE_URL, CONFORMANCE_TOKEN: 'tok' }, 'CONFORMANCE_BOT_ID')
})

test('malformed values name their variable', () => {
  configError({ ...target, CONFORMANCE_BASE_URL: 'staging.example.test' }, 'CONFORMANCE_BASE_URL')
  configError({ ...target, CONFORMANCE_BASE_URL: 'ftp://staging.example.test' }, 'CONFORMANCE_BASE_URL')
  configError({ ...target, CONFORMANCE_BASE_URL: 'https://user:pw@staging.example.test' }, 'CONFORMANCE_BASE_URL')
  configError({ ...target, CONFORMANCE_TOKEN: 'tok\nen' }, 'CONFORMANCE_TOKEN')
  configError({ ...target, CONFORMANCE_TIMEOUT_MS: 'soon' }, 'CONFORMANCE_TIMEOUT_MS')
  configError({ ...target, CONFORMANCE_CASES: 'many' }, 'CONFORMANCE_CASES')
  configError({ ...target, CONFORMANCE_CASES: '0' }, 'CONFORMANCE_CASES')
  configError({ ...target, CONFORMANCE_LIST_SIZE: '4.5' }, 'CONFORMANCE_LIST_SIZE')
  configError({ ...target, CONFORMANCE_LIST_SIZE: '1' }, 'CONFORMANCE_LIST_SIZE')
  configError({ ...target, CONFORMANCE_ACTION_INPUT: '{}' }, 'CONFORMANCE_ACTION_INPUT')
  configError(
    { ...target, CONFORMANCE_ACTION: 'slack:send', CONFORMANCE_ACTION_INPUT: '[1]' },
    'CONFORMANCE_ACTION_INPUT',
  )
  configError(
    { ...target, CONFORMANCE_ACTION: 'slack:send', CONFORMANCE_ACTION_INPUT: '{oops' },
    'CONFORMANCE_ACTION_INPUT',
  )
})

test('a configuration error never repeats the token', () => {
  const token = 'secret-token-with a space'
  try {
    readHarnessConfig({ ...target, CONFORMANCE_TOKEN: token })
    assert.fail('expected a ConfigError')
  } catch (error) {
    assert.ok(error instanceof ConfigError)
    assert.ok(!error.message.includes(token))
  }
})

test('an action and its input', () => {
  const config = readHarnessConfig({
    ...target,
    CONFORMANCE_ACTION: 'slack:send',
    CONFORMANCE_ACTION_INPUT: '{"text":"hi"}',
  })
  assert.deepEqual(config.action, { type: 'slack:send', input: { text: 'hi' } })
  assert.deepEqual(readHarnessConfig({ ...target, CONFORMANCE_ACTION: 'slack:send' }).action, {
    type: 'slack:send',
    input: {},
  })
})

test('the level to certify: core unless CONFORMANCE_LEVEL names another', () => {
  assert.equal(readHarnessConfig(target).level, 'core')
  assert.equal(readHarnessConfig({ ...target, CONFORMANCE_LEVEL: 'strict' }).level, 'strict')
  assert.equal(readHarnessConfig({ ...target, CONFORMANCE_LEVEL: ' Full ' }).level, 'full')
  configError({ ...target, CONFORMANCE_LEVEL: 'extended' }, 'CONFORMANCE_LEVEL')
})

test('the target name and version are optional', () => {
  assert.deepEqual(readHarnessConfig(target).target, { name: undefined, version: undefined })
  const named = readHarnessConfig({
    ...target,
    CONFORMANCE_TARGET_NAME: 'Acme chat',
    CONFORMANCE_TARGET_VERSION: '2.4.1',
  })
  assert.deepEqual(named.target, { name: 'Acme chat', version: '2.4.1' })
})

test('the spec scope: off for a named target unless CONFORMANCE_SPEC_SCOPE=on; on for the embedded reference unless set off', () => {
  assert.equal(readHarnessConfig(target).specScope, false)
  assert.equal(readHarnessConfig({ ...target, CONFORMANCE_SPEC_SCOPE: 'on' }).specScope, true)
  assert.equal(readHarnessConfig({ ...target, CONFORMANCE_SPEC_SCOPE: 'OFF' }).specScope, false)
  configError({ ...target, CONFORMANCE_SPEC_SCOPE: 'yes please' }, 'CONFORMANCE_SPEC_SCOPE')
  assert.equal(readHarnessConfig(withEmbeddedTarget({})).specScope, true)
  assert.equal(readHarnessConfig(withEmbeddedTarget({ CONFORMANCE_SPEC_SCOPE: 'off' })).specScope, false)
  assert.deepEqual(configuredFeatures(readHarnessConfig(withEmbeddedTarget({}))), [
    'action',
    'integration',
    'specScope',
  ])
  assert.deepEqual(configuredFeatures(readHarnessConfig(target)), [])
})

test('values the contract constrains are checked against it: ids, the action’s form, tag keys', () => {
  const id = (length: number) => 'b'.repeat(length)
  for (const length of [27, 37]) {
    configError({ ...target, CONFORMANCE_BOT_ID: id(length) }, 'CONFORMANCE_BOT_ID')
    configError({ ...target, CONFORMANCE_INTEGRATION_ID: id(length) }, 'CONFORMANCE_INTEGRATION_ID')
  }
  for (const length of [28, 36]) {
    assert.equal(readHarnessConfig({ ...target, CONFORMANCE_BOT_ID: id(length) }).botId, id(length))
    assert.equal(readHarnessConfig({ ...target, CONFORMANCE_INTEGRATION_ID: id(length) }).integrationId, id(length))
  }
  for (const action of ['echo', 'a:b:c', ':send', 'slack:', `slack:${'s'.repeat(200)}`])
    configError({ ...target, CONFORMANCE_ACTION: action }, 'CONFORMANCE_ACTION')
  for (const keys of ['a.b', 'a[b]', 'a b,c', `${'k'.repeat(501)}`])
    configError({ ...target, CONFORMANCE_TAG_KEYS: keys }, 'CONFORMANCE_TAG_KEYS')
  configError({ ...target, CONFORMANCE_RUN_TAG_KEY: 'run marker' }, 'CONFORMANCE_RUN_TAG_KEY')
  assert.deepEqual(readHarnessConfig({ ...target, CONFORMANCE_TAG_KEYS: `alpha,${'k'.repeat(500)}` }).tagKeys, [
    'alpha',
    'k'.repeat(500),
  ])
})

test('a configuration error about a constrained value names the rule', () => {
  assert.throws(
    () => readHarnessConfig({ ...target, CONFORMANCE_BOT_ID: 'bot' }),
    /CONFORMANCE_BOT_ID: must be 28 to 36 characters long, the documented length of an id \(S1/,
  )
  assert.throws(
    () => readHarnessConfig({ ...target, CONFORMANCE_ACTION: 'echo' }),
    /CONFORMANCE_ACTION: must have the documented form <integration>:<action>.*\(S12\)/,
  )
})
