// The curl commands of a report, pasted into bash, send exactly the recorded request: quotes,
// dollars, backticks, backslashes, newlines and unicode in bodies, URLs and headers included,
// and the token read from $CONFORMANCE_TOKEN.
import assert from 'node:assert/strict'
import { execFile, execFileSync } from 'node:child_process'
import { promisify } from 'node:util'
import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { after, before, test } from 'node:test'
import type { Exchange } from '../../src/harness/client/exchangeLog.ts'
import { wrongToken } from '../../src/harness/client/runtimeClient.ts'
import { curlCommand, shellQuote } from '../../src/harness/reporting/curlCommand.ts'

interface Received {
  method: string
  url: string
  headers: IncomingMessage['headers']
  body: string
}

const token = `tok'en"$HOME\`id\`\\x`
let base = ''
let last: Received | undefined
const server = createServer((request, response) => {
  const chunks: Buffer[] = []
  request.on('data', (chunk: Buffer) => chunks.push(chunk))
  request.on('end', () => {
    last = {
      method: request.method ?? '',
      url: request.url ?? '',
      headers: request.headers,
      body: Buffer.concat(chunks).toString('utf8'),
    }
    response.writeHead(201, { 'content-type': 'application/json' }).end('{"ok":true}')
  })
})

before(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
after(() => server.close())

function exchange(overrides: Partial<Exchange>): Exchange {
  return {
    seq: 1,
    operation: 'createUser',
    method: 'POST',
    url: `${base}/v1/chat/users`,
    requestHeaders: {
      'x-bot-id': 'bot',
      accept: 'application/json',
      authorization: 'Bearer ***',
      'content-type': 'application/json',
    },
    credential: 'token',
    violations: [],
    startedAt: new Date(0).toISOString(),
    durationMs: 1,
    ...overrides,
  }
}

const run = promisify(execFile)

/** Pastes the command into bash with the token exported, and returns what the server got. */
async function paste(command: string): Promise<Received> {
  last = undefined
  const { stdout: output } = await run('bash', ['-c', command], {
    env: { ...process.env, CONFORMANCE_TOKEN: token },
    encoding: 'utf8',
    timeout: 10_000,
  })
  assert.match(output, /^HTTP\/1\.1 201/, 'curl -i prints the status line')
  assert.ok(last, 'the server got a request')
  return last
}

const bodies = [
  JSON.stringify({
    name: `O'Brien "the quoted" $HOME \`whoami\` \\ back`,
    tags: { emoji: '😀 é 中文 ẞ', rtl: 'שלום' },
  }),
  `{"raw": "two\nlines", 'single' 'quotes' '' and a trailing backslash \\`,
  "'",
  '',
]

for (const body of bodies) {
  test(`a body survives the shell byte for byte: ${JSON.stringify(body.slice(0, 30))}`, async () => {
    const got = await paste(curlCommand(exchange({ requestBody: body })).command)
    assert.equal(got.body, body)
    assert.equal(got.method, 'POST')
    assert.equal(got.headers.authorization, `Bearer ${token}`)
    assert.equal(got.headers['content-type'], 'application/json')
    assert.equal(got.headers['x-bot-id'], 'bot')
  })
}

test('methods, URLs with encoded queries, and no body', async () => {
  const url = `${base}/v1/chat/users/user_%C3%A9?tags.k=a%20b&ids=1&ids=2&q='x'`
  const get = await paste(
    curlCommand(
      exchange({ method: 'GET', url, requestHeaders: { accept: 'application/json', authorization: 'Bearer ***' } }),
    ).command,
  )
  assert.equal(get.method, 'GET')
  assert.equal(`${base}${get.url}`, url)
  assert.equal(get.body, '')
  const del = await paste(
    curlCommand(exchange({ method: 'DELETE', url, requestHeaders: { authorization: 'Bearer ***' } })).command,
  )
  assert.equal(del.method, 'DELETE')
  const put = await paste(curlCommand(exchange({ method: 'PUT', requestBody: '{"a":1}' })).command)
  assert.equal(put.method, 'PUT')
  assert.equal(put.body, '{"a":1}')
})

test('the token is never in the command; other credentials and none are repeated as such', async () => {
  const command = curlCommand(exchange({ requestBody: '{}' })).command
  assert.ok(command.includes('$CONFORMANCE_TOKEN'))
  assert.ok(!command.includes('***'), 'a masked header is not sent as "***"')
  assert.equal(
    (await paste(curlCommand(exchange({ requestBody: '{}', credential: 'other' })).command)).headers.authorization,
    `Bearer ${wrongToken}`,
  )
  assert.equal(
    (await paste(curlCommand(exchange({ requestBody: '{}', credential: 'none' })).command)).headers.authorization,
    undefined,
  )
})

test('a body sent without a content type is not labelled form data by curl', async () => {
  const got = await paste(
    curlCommand(exchange({ requestBody: 'not json', requestHeaders: { authorization: 'Bearer ***' } })).command,
  )
  assert.equal(got.headers['content-type'], undefined)
})

test('a shortened body makes an incomplete command unless the full body is given', async () => {
  const shortened = exchange({ requestBody: 'abc… [10 more characters]', requestBodyShortened: true })
  assert.equal(curlCommand(shortened).complete, false)
  const full = curlCommand(shortened, 'abcdefghijklm')
  assert.equal(full.complete, true)
  assert.equal((await paste(full.command)).body, 'abcdefghijklm')
})

test('shellQuote leaves plain words alone and quotes the rest', () => {
  assert.equal(shellQuote('https://host/v1/chat/users'), 'https://host/v1/chat/users')
  assert.equal(shellQuote("it's"), `'it'\\''s'`)
  assert.equal(execFileSync('bash', ['-c', `printf %s ${shellQuote(token)}`], { encoding: 'utf8' }), token)
})
