// A run interrupted halfway (SIGINT, as Ctrl+C or a CI cancel sends it) leaves nothing on the
// target: each test's teardown, Playwright's global teardown and certify's own sweep delete
// what the run created, by its journal and by its marker.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { CertificationProcessResult } from '../../src/runs/certificationProcess.ts'
import { proxiedRun, type ProxiedRun } from './support/proxiedRun.ts'
import { referenceCredentials } from './support/servers.ts'

const interruptAfterCreates = 12

let run: ProxiedRun
let result: CertificationProcessResult
let creates = 0

before(async () => {
  // Creations answer slowly (the target creates at once, its answer comes 200 ms later), so the
  // signal surely comes while one is under way: its answer arrives after its test was
  // interrupted, and only the run-wide cleanup, by the run's marker, can find what it created.
  const slowCreations = (request: { method?: string; url?: string }) => {
    const creating = request.method === 'POST' && !request.url?.includes('/participants')
    if (creating) creates++
    return { answerAfterMs: creating ? 200 : 5 }
  }
  run = await proxiedRun(slowCreations, [], {
    limitMs: 65_000,
    started: (child) => {
      const watch = setInterval(() => {
        if (creates < interruptAfterCreates) return
        clearInterval(watch)
        child.kill('SIGINT')
      }, 20)
      child.on('exit', () => clearInterval(watch))
    },
  })
  result = run.result
})

after(() => run.close())

async function list(path: string, plural: string): Promise<unknown[]> {
  const response = await fetch(new URL(path, run.target.url), {
    headers: { authorization: `Bearer ${referenceCredentials.token}`, 'x-bot-id': referenceCredentials.botId },
  })
  assert.equal(response.status, 200)
  return ((await response.json()) as Record<string, unknown[]>)[plural] ?? []
}

test('certify stops on SIGINT halfway and says so', () => {
  assert.ok(creates >= interruptAfterCreates, 'the run was interrupted after it created something')
  assert.equal(result.exitCode, 130, result.output)
  assert.match(result.output, /certify: SIGINT: stopping the run, then deleting what it created/)
  assert.match(result.output, /certify: interrupted by SIGINT; the run did not finish/)
  const checks = result.report?.checks ?? []
  assert.ok(
    checks.some((c) => c.status !== 'passed'),
    'the run did not finish, so not every check passed',
  )
  assert.deepEqual(result.report?.leftovers ?? [], [], 'nothing was left behind')
})

test('the target holds no user, conversation or message afterwards', async () => {
  assert.deepEqual(await list('v1/chat/users', 'users'), [])
  assert.deepEqual(await list('v1/chat/conversations', 'conversations'), [])
  assert.deepEqual(await list('v1/chat/messages', 'messages'), [])
})
