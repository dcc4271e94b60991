// npm run cleanup: what earlier runs left (found by their marker tag) is deleted; what a run
// that may still be going on made, and what carries no marker, is left alone.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { removeReportDir, runCertificationProcess } from '../../src/runs/certificationProcess.ts'
import { proxy, reference, referenceCredentials, targetEnv, type Running } from './support/servers.ts'

const runIdAt = (ms: number, suffix: string) => `cr${ms.toString(36)}${suffix}`
const oldRun = runIdAt(Date.now() - 3 * 3_600_000, 'a1b2c3')
const recentRun = runIdAt(Date.now() - 60_000, 'd4e5f6')
// A run that left only a workflow: found through the workflows' tags (they have no tag values to list).
const workflowOnlyRun = runIdAt(Date.now() - 2 * 3_600_000, 'a7b8c9')

let target: Running

async function call(method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(new URL(path, target.url), {
    method,
    headers: {
      authorization: `Bearer ${referenceCredentials.token}`,
      'x-bot-id': referenceCredentials.botId,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  assert.ok(response.status < 300, `${method} ${path} answered ${response.status}`)
  return (await response.json()) as Record<string, unknown>
}

const idOf = (answer: Record<string, unknown>, kind: string) => (answer[kind] as { id: string }).id
const ids = async (path: string, plural: string) =>
  ((await call('GET', path))[plural] as { id: string }[]).map((r) => r.id).sort()

const made: Record<
  | 'oldUser'
  | 'oldConversation'
  | 'oldMessage'
  | 'oldTask'
  | 'oldWorkflow'
  | 'lonelyWorkflow'
  | 'recentUser'
  | 'unmarkedUser'
  | 'unmarkedWorkflow',
  string
> = {
  oldUser: '',
  oldConversation: '',
  oldMessage: '',
  oldTask: '',
  oldWorkflow: '',
  lonelyWorkflow: '',
  recentUser: '',
  unmarkedUser: '',
  unmarkedWorkflow: '',
}

before(async () => {
  target = await reference()
  made.oldUser = idOf(await call('POST', 'v1/chat/users', { tags: { conformanceRun: oldRun } }), 'user')
  made.oldConversation = idOf(
    await call('POST', 'v1/chat/conversations', { channel: 'c', tags: { conformanceRun: oldRun } }),
    'conversation',
  )
  await call('POST', `v1/chat/conversations/${made.oldConversation}/participants`, { userId: made.oldUser })
  made.oldMessage = idOf(
    await call('POST', 'v1/chat/messages', {
      type: 'text',
      payload: { text: 'left behind' },
      userId: made.oldUser,
      conversationId: made.oldConversation,
      tags: { conformanceRun: oldRun },
    }),
    'message',
  )
  made.oldTask = idOf(
    await call('POST', 'v1/chat/tasks', {
      type: 'callback',
      conversationId: made.oldConversation,
      tags: { conformanceRun: oldRun },
    }),
    'task',
  )
  made.oldWorkflow = idOf(
    await call('POST', 'v1/chat/workflows', { name: 'w', status: 'pending', tags: { conformanceRun: oldRun } }),
    'workflow',
  )
  made.lonelyWorkflow = idOf(
    await call('POST', 'v1/chat/workflows', {
      name: 'w',
      status: 'pending',
      tags: { conformanceRun: workflowOnlyRun },
    }),
    'workflow',
  )
  made.unmarkedWorkflow = idOf(await call('POST', 'v1/chat/workflows', { name: 'w', status: 'pending' }), 'workflow')
  made.recentUser = idOf(await call('POST', 'v1/chat/users', { tags: { conformanceRun: recentRun } }), 'user')
  made.unmarkedUser = idOf(await call('POST', 'v1/chat/users', { tags: {} }), 'user')
})

after(() => target.close())

test('--dry-run lists what an earlier run left and deletes nothing', async () => {
  const result = await runCertificationProcess({
    command: 'cleanup',
    args: ['--dry-run'],
    env: targetEnv(target.url),
    limitMs: 20_000,
  })
  removeReportDir(result)
  assert.equal(result.exitCode, 0, result.output)
  assert.match(
    result.output,
    /3 runs left resources marked conformanceRun; 2 started more than 60 minutes ago \(1 newer or unknown kept\)/,
  )
  assert.match(
    result.output,
    new RegExp(
      `${oldRun}: user ${made.oldUser}, conversation ${made.oldConversation}, message ${made.oldMessage}, task ${made.oldTask}, workflow ${made.oldWorkflow}`,
    ),
  )
  assert.match(result.output, new RegExp(`${workflowOnlyRun}: workflow ${made.lonelyWorkflow}`))
  assert.match(result.output, /dry run, 6 resources would be deleted/)
  assert.deepEqual(await ids('v1/chat/users', 'users'), [made.oldUser, made.recentUser, made.unmarkedUser].sort())
})

test('deletes what the earlier run left, keeps the recent run and the unmarked', async () => {
  const result = await runCertificationProcess({ command: 'cleanup', env: targetEnv(target.url), limitMs: 20_000 })
  removeReportDir(result)
  assert.equal(result.exitCode, 0, result.output)
  assert.match(result.output, /deleted 6 of 6 resources/)
  assert.deepEqual(await ids('v1/chat/users', 'users'), [made.recentUser, made.unmarkedUser].sort())
  assert.deepEqual(await ids('v1/chat/conversations', 'conversations'), [])
  assert.deepEqual(await ids('v1/chat/messages', 'messages'), [])
  assert.deepEqual(await ids('v1/chat/tasks', 'tasks'), [])
  assert.deepEqual(await ids('v1/chat/workflows', 'workflows'), [made.unmarkedWorkflow])
})

test('a target without tasks and workflows (404) is cleaned up all the same', async () => {
  const documentedOnly = await reference()
  const front = await proxy(documentedOnly.url, (request) =>
    /^\/v1\/chat\/(tasks|workflows)\b/.test(request.url ?? '')
      ? (response) => {
          response.writeHead(404, { 'content-type': 'application/json' })
          response.end(JSON.stringify({ id: 'err_1', code: 404, type: 'ResourceNotFound', message: 'no such route' }))
        }
      : 'pass',
  )
  try {
    const response = await fetch(new URL('v1/chat/users', documentedOnly.url), {
      method: 'POST',
      headers: {
        authorization: `Bearer ${referenceCredentials.token}`,
        'x-bot-id': referenceCredentials.botId,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ tags: { conformanceRun: oldRun } }),
    })
    assert.equal(response.status, 201)
    const result = await runCertificationProcess({ command: 'cleanup', env: targetEnv(front.url), limitMs: 20_000 })
    removeReportDir(result)
    assert.equal(result.exitCode, 0, result.output)
    assert.match(result.output, /deleted 1 of 1 resources/)
  } finally {
    await front.close()
    await documentedOnly.close()
  }
})
