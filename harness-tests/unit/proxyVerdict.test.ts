// How the findings of Prism's validation proxy are judged, exchange by exchange (a table).
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { describeVerdict, proxyVerdict } from '../../src/prism/proxyVerdict.ts'
import type { PrismViolation, ProxyExchange } from '../../src/prism/violationRecorder.ts'

const exchange = (
  status: number,
  violations: PrismViolation[] = [],
  more: Partial<ProxyExchange> = {},
): ProxyExchange => ({
  method: 'POST',
  target: '/v1/chat/users',
  status,
  contentType: 'application/json',
  violations,
  ...more,
})
const missingTags: PrismViolation = {
  location: ['request', 'body'],
  severity: 'Error',
  code: 'required',
  message: "Request body must have required property 'tags'",
}
const noToken: PrismViolation = {
  location: ['request'],
  severity: 'Error',
  code: 401,
  message: 'Invalid security scheme used',
}
const shortId: PrismViolation = {
  location: ['response', 'body', 'user', 'id'],
  severity: 'Error',
  code: 'minLength',
  message: 'must NOT have fewer than 28 characters',
}
const deprecated: PrismViolation = {
  location: ['request', 'query', 'integrationName'],
  severity: 'Warning',
  code: 'deprecated',
  message: 'Query param integrationName is deprecated',
}

const cases: {
  name: string
  exchanges: ProxyExchange[]
  problems: string[]
  refused?: [string, number][]
  bypassed?: [string, number][]
}[] = [
  { name: 'clean exchanges', exchanges: [exchange(201), exchange(404)], problems: [] },
  {
    name: 'an invalid request the reference refused: both agree',
    exchanges: [exchange(400, [missingTags]), exchange(401, [noToken]), exchange(400, [missingTags])],
    problems: [],
    refused: [
      ["request.body: Request body must have required property 'tags'", 2],
      ['request: Invalid security scheme used', 1],
    ],
  },
  {
    name: 'an invalid request the reference accepted',
    exchanges: [exchange(201, [missingTags])],
    problems: [
      "POST /v1/chat/users → 201: the reference accepted a request the document rejects (request.body: Request body must have required property 'tags')",
    ],
  },
  {
    name: 'an answer outside the document, also on an error answer',
    exchanges: [exchange(201, [shortId]), exchange(400, [missingTags, shortId])],
    problems: [
      'POST /v1/chat/users → 201: the answer breaks the document at response.body.user.id: must NOT have fewer than 28 characters',
      'POST /v1/chat/users → 400: the answer breaks the document at response.body.user.id: must NOT have fewer than 28 characters',
    ],
    refused: [["request.body: Request body must have required property 'tags'", 1]],
  },
  { name: 'a deprecated parameter is only a notice', exchanges: [exchange(200, [deprecated])], problems: [] },
  {
    name: 'Prism answering itself',
    exchanges: [exchange(422, [], { contentType: 'application/problem+json' })],
    problems: ['POST /v1/chat/users → 422: Prism answered itself instead of forwarding to the reference'],
  },
  {
    name: 'a request sent around Prism is counted, not judged',
    exchanges: [exchange(400, [], { bypassed: 'its JSON body does not parse' })],
    problems: [],
    bypassed: [['its JSON body does not parse', 1]],
  },
  {
    name: 'no answer from Prism',
    exchanges: [exchange(0, [], { transportError: 'socket hang up' })],
    problems: ['POST /v1/chat/users → 0: Prism gave no answer (socket hang up)'],
  },
  {
    name: 'findings too long to read',
    exchanges: [exchange(200, [], { unreadableViolations: 'Too many violations! [{"loc' })],
    problems: ['POST /v1/chat/users → 200: Prism\'s findings could not be read: Too many violations! [{"loc'],
  },
]

for (const c of cases) {
  test(`proxy verdict: ${c.name}`, () => {
    const verdict = proxyVerdict(c.exchanges)
    assert.deepEqual(verdict.problems, c.problems)
    assert.deepEqual([...verdict.refusedRequests], c.refused ?? [])
    assert.deepEqual([...verdict.bypassed], c.bypassed ?? [])
    assert.match(
      describeVerdict(verdict),
      new RegExp(`saw ${c.exchanges.length} exchanges: ${c.problems.length} problem`),
    )
  })
}
