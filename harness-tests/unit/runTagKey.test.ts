import assert from 'node:assert/strict'
import { test } from 'node:test'
import { ConfigError } from '../../src/environment/configError.ts'
import { readHarnessConfig } from '../../src/harness/config/harnessConfig.ts'
import { readTrafficPolicy } from '../../src/harness/config/trafficPolicy.ts'

const target = {
  CONFORMANCE_BASE_URL: 'https://staging.example.test/',
  CONFORMANCE_TOKEN: 'tok',
  CONFORMANCE_BOT_ID: 'bot_01JD2X3Y4Z5A6B7C8D9E0F1G2H',
}

test('the run marker key: conformanceRun, unless the declared keys leave it out', () => {
  assert.equal(readHarnessConfig(target).runTagKey, 'conformanceRun')
  const declared = readHarnessConfig({ ...target, CONFORMANCE_TAG_KEYS: 'a,b,conformanceRun' })
  assert.equal(declared.runTagKey, 'conformanceRun')
  assert.deepEqual(declared.tagKeys, ['a', 'b'], 'checks never get the marker key')
  assert.equal(readHarnessConfig({ ...target, CONFORMANCE_TAG_KEYS: 'a,b' }).runTagKey, undefined)
  const named = readHarnessConfig({ ...target, CONFORMANCE_TAG_KEYS: 'a,b,run', CONFORMANCE_RUN_TAG_KEY: 'run' })
  assert.equal(named.runTagKey, 'run')
  assert.deepEqual(named.tagKeys, ['a', 'b'])
})

test('a marker key the bot does not declare is a configuration error', () => {
  assert.throws(
    () => readHarnessConfig({ ...target, CONFORMANCE_TAG_KEYS: 'a,b', CONFORMANCE_RUN_TAG_KEY: 'run' }),
    (error: unknown) => error instanceof ConfigError && error.variable === 'CONFORMANCE_RUN_TAG_KEY',
  )
  assert.throws(() => readHarnessConfig({ ...target, CONFORMANCE_RUN_TAG_KEY: 'a.b' }), ConfigError)
})

test('traffic policy: defaults and bounds', () => {
  assert.deepEqual(readTrafficPolicy({}), {
    maxRps: undefined,
    rateLimitRetries: 5,
    unansweredLimit: 3,
    timeoutsPerOperation: 2,
  })
  assert.deepEqual(
    readTrafficPolicy({
      CONFORMANCE_MAX_RPS: '8',
      CONFORMANCE_RATE_LIMIT_RETRIES: '0',
      CONFORMANCE_UNANSWERED_LIMIT: '10',
      CONFORMANCE_TIMEOUTS_PER_OPERATION: '1',
    }),
    {
      maxRps: 8,
      rateLimitRetries: 0,
      unansweredLimit: 10,
      timeoutsPerOperation: 1,
    },
  )
  for (const [name, value] of [
    ['CONFORMANCE_MAX_RPS', '0'],
    ['CONFORMANCE_RATE_LIMIT_RETRIES', '-1'],
    ['CONFORMANCE_UNANSWERED_LIMIT', 'many'],
    ['CONFORMANCE_TIMEOUTS_PER_OPERATION', '0'],
  ]) {
    assert.throws(
      () => readTrafficPolicy({ [name as string]: value }),
      (error: unknown) => error instanceof ConfigError && error.variable === name,
    )
  }
})
