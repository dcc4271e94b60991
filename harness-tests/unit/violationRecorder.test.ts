// The recorder in front of Prism: it passes exchanges through unchanged, keeps Prism's findings,
// and sends only unparseable JSON bodies around Prism (two stand-in servers play Prism and target).
import assert from 'node:assert/strict'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { after, before, test } from 'node:test'
import { startViolationRecorder, type ViolationRecorder } from '../../src/prism/violationRecorder.ts'

const finding = [
  { location: ['request', 'body'], severity: 'Error', code: 'required', message: "must have required property 'tags'" },
]

/** A stand-in that answers with its name, echoing the body it got, plus the given headers. */
function standIn(name: string, headers: Record<string, string>): Promise<Server> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () =>
      response
        .writeHead(400, { 'content-type': 'application/json', ...headers })
        .end(JSON.stringify({ from: name, got: Buffer.concat(chunks).toString('utf8') })),
    )
  })
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)))
}
const urlOf = (server: Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`

let prism: Server
let target: Server
let recorder: ViolationRecorder

before(async () => {
  prism = await standIn('prism', { 'sl-violations': JSON.stringify(finding) })
  target = await standIn('target', {})
  recorder = await startViolationRecorder({ prism: urlOf(prism), target: urlOf(target) })
})
after(async () => {
  await recorder.close()
  prism.close()
  target.close()
})

const post = (body: string, contentType = 'application/json') =>
  fetch(`${recorder.url}v1/chat/users?x=1`, {
    method: 'POST',
    headers: { 'content-type': contentType, authorization: 'Bearer secret-token' },
    body,
  })

test("an exchange goes through Prism unchanged, and Prism's findings are kept", async () => {
  const answer = await post('{"name":"Ada"}')
  assert.deepEqual(await answer.json(), { from: 'prism', got: '{"name":"Ada"}' })
  assert.equal(answer.status, 400)
  assert.deepEqual(recorder.exchanges.at(-1), {
    method: 'POST',
    target: '/v1/chat/users?x=1',
    status: 400,
    contentType: 'application/json',
    violations: finding,
  })
})

test('a JSON body that does not parse goes straight to the target, and says so', async () => {
  const answer = await post('{"name":')
  assert.deepEqual(await answer.json(), { from: 'target', got: '{"name":' })
  assert.match(recorder.exchanges.at(-1)?.bypassed ?? '', /does not parse/)
})

test('a body that is not JSON at all still goes through Prism', async () => {
  const answer = await post('hello', 'text/plain')
  assert.equal(((await answer.json()) as { from: string }).from, 'prism')
})

test('nothing of the headers or bodies is kept', () => {
  assert.doesNotMatch(JSON.stringify(recorder.exchanges), /secret-token|Ada/)
})
