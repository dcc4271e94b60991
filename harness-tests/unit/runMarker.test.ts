import assert from 'node:assert/strict'
import { mkdtempSync, appendFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { answerBody, answerBodyLimit } from '../../src/harness/client/answerBody.ts'
import { hideRunMarker, withRunMarker } from '../../src/harness/client/runMarker.ts'
import { runStartedAt } from '../../src/harness/config/runIdentity.ts'
import { JournaledLedger, pendingInJournal } from '../../src/harness/run/runJournal.ts'

const marker = { key: 'conformanceRun', value: 'crabc123def456' }

test('the marker goes into the tags of what creates a user, conversation or message, nowhere else', () => {
  assert.deepEqual(withRunMarker('createUser', { tags: { a: '1' } }, marker), {
    tags: { a: '1', conformanceRun: 'crabc123def456' },
  })
  assert.deepEqual(withRunMarker('getOrCreateConversation', { channel: 'c', tags: {} }, marker), {
    channel: 'c',
    tags: { conformanceRun: 'crabc123def456' },
  })
  // A body without tags stays without: a check may omit a required field on purpose.
  assert.deepEqual(withRunMarker('createUser', { name: 'x' }, marker), { name: 'x' })
  assert.deepEqual(withRunMarker('createUser', { tags: 'not a map' }, marker), { tags: 'not a map' })
  assert.deepEqual(withRunMarker('updateUser', { tags: {} }, marker), { tags: {} })
  assert.deepEqual(withRunMarker('createUser', { tags: {} }, undefined), { tags: {} })
})

test('the marker goes into the tags of tasks and workflows, and of each part import and initialize make', () => {
  const mark = { conformanceRun: marker.value }
  assert.deepEqual(withRunMarker('createTask', { type: 't', conversationId: 'c', tags: {} }, marker), {
    type: 't',
    conversationId: 'c',
    tags: mark,
  })
  assert.deepEqual(withRunMarker('getOrCreateWorkflow', { name: 'w', tags: { a: '1' } }, marker), {
    name: 'w',
    tags: { a: '1', ...mark },
  })
  assert.deepEqual(
    withRunMarker(
      'importMessages',
      {
        messages: [
          { type: 'text', tags: {} },
          { type: 'text', tags: { a: '1' } },
        ],
      },
      marker,
    ),
    {
      messages: [
        { type: 'text', tags: mark },
        { type: 'text', tags: { a: '1', ...mark } },
      ],
    },
  )
  assert.deepEqual(
    withRunMarker(
      'initializeIncomingMessage',
      { userId: 'u', conversation: { channel: 'web', tags: {} }, message: { type: 'text', tags: {} } },
      marker,
    ),
    { userId: 'u', conversation: { channel: 'web', tags: mark }, message: { type: 'text', tags: mark } },
  )
  assert.deepEqual(withRunMarker('updateTask', { tags: {} }, marker), { tags: {} })
  assert.deepEqual(withRunMarker('trackAnalytics', { name: 'n', count: 1 }, marker), { name: 'n', count: 1 })
})

test('answers hide the marker the client added, wherever tags are', () => {
  const json = {
    users: [{ id: 'u', tags: { a: '1', conformanceRun: marker.value } }],
    message: { tags: { conformanceRun: 'another run' } },
  }
  assert.deepEqual(hideRunMarker(json, marker, JSON.stringify(json)), {
    users: [{ id: 'u', tags: { a: '1' } }],
    message: { tags: { conformanceRun: 'another run' } },
  })
})

test('a run id tells when its run started', () => {
  const at = Date.now() - 5_000
  assert.equal(runStartedAt(`cr${at.toString(36)}0a1b2c`), at)
  assert.equal(runStartedAt('my-own-run-id'), undefined)
})

test('the journal replays to what was created and not deleted; a cut line is skipped', () => {
  const dir = mkdtempSync(join(tmpdir(), 'journal-'))
  try {
    const path = join(dir, 'ledger.jsonl')
    const worker1 = new JournaledLedger(path)
    const worker2 = new JournaledLedger(path)
    worker1.track({ kind: 'user', id: 'u1' })
    worker2.track({ kind: 'conversation', id: 'c1' })
    worker1.track({ kind: 'message', id: 'm1' })
    worker2.forget({ kind: 'conversation', id: 'c1' })
    appendFileSync(path, '{"event":"created","resource":{"kind":"us')
    assert.deepEqual(pendingInJournal(path).pending(), [
      { kind: 'message', id: 'm1' },
      { kind: 'user', id: 'u1' },
    ])
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

test('of a body over the limit only the start is kept', () => {
  const body = answerBody(Buffer.alloc(answerBodyLimit + 10, 'x'))
  assert.equal(body.overLimit, true)
  assert.equal(body.bytes, answerBodyLimit + 10)
  assert.equal(body.text.length, answerBodyLimit)
})
