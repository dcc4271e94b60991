// The reference serves the 15 spec-scope operations as rules S14-S19 say, proved over HTTP
// without the harness's checks: each scenario on a fresh reference.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { specScopeRules } from './specScopeRules.ts'
import { assertError, referenceApi } from './support/referenceApi.ts'

for (const scenario of specScopeRules) {
  test(scenario.name, async () => {
    const api = await referenceApi(scenario.pageSize ? { pageSize: scenario.pageSize } : {})
    try {
      await scenario.run(api)
    } finally {
      await api.close()
    }
  })
}

test('a bot that declares its tag keys refuses others nested in importMessages and initializeIncomingMessage too', async () => {
  const api = await referenceApi({ tagKeys: ['handle'] })
  try {
    const user = (await api.ok<{ user: { id: string } }>('createUser', { body: { tags: { handle: 'a' } } })).user
    const conversation = (
      await api.ok<{ conversation: { id: string } }>('createConversation', { body: { channel: 'web', tags: {} } })
    ).conversation
    const message = {
      payload: {},
      userId: user.id,
      conversationId: conversation.id,
      type: 'text',
      createdAt: new Date().toISOString(),
    }
    const imports = (tags: Record<string, string>, discriminateByTags: string[]) =>
      api.call('importMessages', { body: { messages: [{ ...message, tags, discriminateByTags }] } })
    assertError(await imports({ other: 'x' }, []), [400], 'InvalidPayload')
    assertError(await imports({}, ['other']), [400], 'InvalidPayload')
    assert.equal((await imports({ handle: 'b' }, ['handle'])).status, 200)
    const initializes = (tags: Record<string, string>) =>
      api.call('initializeIncomingMessage', {
        body: { user: { tags, discriminateByTags: [] }, conversationId: conversation.id },
      })
    assertError(await initializes({ other: 'x' }), [400], 'InvalidPayload')
    assert.equal((await initializes({ handle: 'c' })).status, 200)
  } finally {
    await api.close()
  }
})
