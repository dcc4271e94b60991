import assert from 'node:assert/strict'
import { test } from 'node:test'
import { ConfigError } from '../../src/environment/configError.ts'
import { configuredFeatures, readHarnessConfig } from '../../src/harness/config/harnessConfig.ts'
import { referenceDefaults } from '../../src/reference/defaults.ts'
import { withEmbeddedTarget } from '../../src/runs/embeddedTarget.ts'

const target = {
  CONFORMANCE_BASE_URL: 'https://staging.example.test/api',
  CONFORMANCE_TOKEN: 'tok',
  CONFORMANCE_BOT_ID: 'bot',
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
    withEmbeddedTarget({ CONFORMANCE_ACTION: 'other:action', CONFORMANCE_BOT_ID: 'mine' }),
  )
  assert.equal(config.botId, 'mine')
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
  configError({ CONFORMANCE_BASE_URL: target.CONFORMANCE_BASE_URL, CONFORMANCE_BOT_ID: 'bot' }, 'CONFORMANCE_TOKEN')
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
