// Section 4: does the cost of one request grow with the store? Two references in this process,
// one holding `small` resources of each kind and one `large`, answer the same requests in
// alternation; the target is the ratio of their median latencies. Every list operation is asked
// for its first page with no filter, with each filter and with each sort, and for a later page
// through nextToken. Measured through HTTP, by the bare client.
import type { AddressInfo } from 'node:net'
import { Agent, request } from 'undici'
import type { OperationId } from '../contract/operations.ts'
import { buildReferenceServer } from '../reference/server.ts'
import { reference } from './benchEnvironment.ts'
import { everyoneTag, seededStore, seededTagKey, seededValues, type SeededStore } from './growthSeed.ts'
import { plainRequest, plainSender } from './plainClient.ts'
import type { ScenarioRequest, Send } from './requestScenario.ts'
import { median, percentile, timed } from './samples.ts'

export interface GrowthOptions {
  small: number
  large: number
  /** Requests per request kind and store size. */
  samples: number
}

export interface GrowthCase {
  operation: OperationId
  what: string
  smallMs: number
  largeMs: number
  smallP90Ms: number
  largeP90Ms: number
  /** large / small median latency. */
  ratio: number
}

interface GrowthProbe {
  operation: OperationId
  what: string
  request: (seeded: SeededStore, iteration: number) => ScenarioRequest
  /** Measure the page after the first (the first is fetched once beforehand for its nextToken). */
  laterPage?: boolean
}

const query =
  (operation: OperationId, what: string, values: (seeded: SeededStore) => Record<string, unknown> = () => ({})) =>
  (extra: Partial<GrowthProbe> = {}): GrowthProbe => ({
    operation,
    what,
    request: (seeded) => ({ query: values(seeded) }),
    ...extra,
  })

const sorts = (operation: OperationId): GrowthProbe[] => [
  query(operation, 'sortField=createdAt, sortDirection=desc', () => ({
    sortField: 'createdAt',
    sortDirection: 'desc',
  }))(),
  query(operation, 'sortField=updatedAt, sortDirection=asc', () => ({
    sortField: 'updatedAt',
    sortDirection: 'asc',
  }))(),
  query(operation, 'sortField=updatedAt, sortDirection=desc', () => ({
    sortField: 'updatedAt',
    sortDirection: 'desc',
  }))(),
]

const everyone = { tags: everyoneTag }

const probes: GrowthProbe[] = [
  {
    operation: 'getOrCreateUser',
    what: 'finds an existing user by a discriminating tag',
    // A different user each time, spread over the whole store.
    request: ({ size, userTag }, i) => ({
      body: { tags: { [seededTagKey]: userTag((i * 7919) % size) }, discriminateByTags: [seededTagKey] },
    }),
  },

  query('listUsers', 'no filter')(),
  query('listUsers', 'tags: a tag every user carries', () => everyone)(),
  query('listUsers', 'tags: a tag one user carries', ({ userTag, size }) => ({
    tags: { [seededTagKey]: userTag(size - 1) },
  }))(),
  query('listUsers', 'conversationId: a conversation every user takes part in', (s) => ({
    conversationId: s.conversationId,
  }))(),
  query('listUsers', 'afterDate: the newer half', (s) => ({ afterDate: s.middle.users }))(),
  query('listUsers', 'beforeDate, sortDirection=desc: the older half, newest first', (s) => ({
    beforeDate: s.middle.users,
    sortDirection: 'desc',
  }))(),
  query('listUsers', 'rangeField=updatedAt, afterDate: updated in the later half, by createdAt', (s) => ({
    rangeField: 'updatedAt',
    afterDate: s.middle.userUpdates,
  }))(),
  ...sorts('listUsers'),
  query('listUsers', 'a later page (tags: every user)', () => everyone)({ laterPage: true }),

  query('listConversations', 'no filter')(),
  query('listConversations', 'tags: a tag every conversation carries', () => everyone)(),
  query('listConversations', 'channel: half of them', () => ({ channel: seededValues.channel }))(),
  query('listConversations', 'integrationName: half of them', () => ({ integrationName: seededValues.integration }))(),
  query('listConversations', 'participantIds: a user in every conversation', (s) => ({ participantIds: [s.userId] }))(),
  query('listConversations', 'afterDate: the newer half', (s) => ({ afterDate: s.middle.conversations }))(),
  query('listConversations', 'beforeDate, sortDirection=desc: the older half, newest first', (s) => ({
    beforeDate: s.middle.conversations,
    sortDirection: 'desc',
  }))(),
  ...sorts('listConversations'),
  query('listConversations', 'a later page (sortField=updatedAt, desc)', () => ({
    sortField: 'updatedAt',
    sortDirection: 'desc',
  }))({ laterPage: true }),

  query('listMessages', 'no filter')(),
  query('listMessages', 'conversationId: a conversation holding every message', (s) => ({
    conversationId: s.conversationId,
  }))(),
  query('listMessages', 'tags: a tag every message carries', () => everyone)(),
  query('listMessages', 'afterDate: the newer half', (s) => ({ afterDate: s.middle.messages }))(),
  query('listMessages', 'beforeDate: the older half', (s) => ({ beforeDate: s.middle.messages }))(),
  query('listMessages', 'a later page (conversationId)', (s) => ({ conversationId: s.conversationId }))({
    laterPage: true,
  }),

  query('listEvents', 'no filter')(),
  query('listEvents', 'type: half of them', () => ({ type: seededValues.eventType }))(),
  query('listEvents', 'conversationId: every event', (s) => ({ conversationId: s.conversationId }))(),
  query('listEvents', 'userId: every event', (s) => ({ userId: s.userId }))(),
  query('listEvents', 'messageId: half of them', (s) => ({ messageId: s.messageId }))(),
  query('listEvents', 'workflowId: half of them', () => ({ workflowId: seededValues.workflowId }))(),
  query('listEvents', 'status: half of them', () => ({ status: 'scheduled' }))(),
  query('listEvents', 'a later page (type)', () => ({ type: seededValues.otherEventType }))({ laterPage: true }),

  {
    operation: 'listParticipants',
    what: 'a conversation every user takes part in',
    request: (s) => ({ params: { id: s.conversationId } }),
  },
  {
    operation: 'listParticipants',
    what: 'a later page',
    request: (s) => ({ params: { id: s.conversationId } }),
    laterPage: true,
  },

  ...(['user', 'conversation', 'message'] as const).map((type) => ({
    operation: 'listTagValues' as const,
    what: `type=${type}: a tag key each ${type} carries a different value of`,
    request: () => ({ params: { key: seededTagKey }, query: { type } }),
  })),
  {
    operation: 'listTagValues',
    what: 'a later page (type=user)',
    request: () => ({ params: { key: seededTagKey }, query: { type: 'user' } }),
    laterPage: true,
  },
]

/** Sends once, untimed: a probe that answers an error or an empty page would measure nothing. */
async function answered(probe: GrowthProbe, url: string, agent: Agent, sent: ScenarioRequest) {
  const { method, url: target, headers, body } = plainRequest(url, probe.operation, sent)
  const response = await request(target, { method, headers, body, dispatcher: agent })
  const answer = (await response.body.json()) as Record<string, unknown> & { meta?: { nextToken?: string } }
  const list = Object.values(answer).find(Array.isArray)
  if (response.statusCode >= 300 || (list !== undefined && list.length === 0)) {
    const what = response.statusCode >= 300 ? `answered ${response.statusCode}` : 'answered an empty page'
    throw new Error(`${probe.operation} (${probe.what}) ${what}: ${JSON.stringify(answer).slice(0, 200)}`)
  }
  return answer
}

/** The request a probe times on one store: for a later page, with the token of the first. */
async function timedRequest(probe: GrowthProbe, seeded: SeededStore, url: string, agent: Agent) {
  const first = probe.request(seeded, 0)
  const answer = await answered(probe, url, agent, first)
  if (!probe.laterPage) return (i: number) => probe.request(seeded, i)
  const nextToken = answer.meta?.nextToken
  if (!nextToken) throw new Error(`${probe.operation} (${probe.what}): the first page has no nextToken`)
  const later = { ...first, query: { ...first.query, nextToken } }
  await answered(probe, url, agent, later)
  return () => later
}

async function listening(seeded: SeededStore) {
  const app = buildReferenceServer({ token: reference.token, botId: reference.botId, store: seeded.store })
  await app.listen({ host: '127.0.0.1', port: 0 })
  return { seeded, url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/`, close: () => app.close() }
}

export async function measureGrowth(options: GrowthOptions): Promise<GrowthCase[]> {
  const servers = [await listening(seededStore(options.small)), await listening(seededStore(options.large))] as const
  const agent = new Agent()
  try {
    const cases: GrowthCase[] = []
    for (const probe of probes) {
      const senders = servers.map((server) => plainSender(server.url, agent))
      const requests = await Promise.all(servers.map((server) => timedRequest(probe, server.seeded, server.url, agent)))
      const latencies = servers.map(() => [] as number[])
      const warmUp = 10
      for (let i = 0; i < warmUp + options.samples; i++) {
        // Alternate which store answers first.
        for (const index of i % 2 === 0 ? [0, 1] : [1, 0]) {
          const send = senders[index] as Send
          const request = requests[index] as (i: number) => ScenarioRequest
          const { ms } = await timed(() => send(probe.operation, request(i)))
          if (i >= warmUp) latencies[index]?.push(ms)
        }
      }
      const [small, large] = latencies as [number[], number[]]
      cases.push({
        operation: probe.operation,
        what: probe.what,
        smallMs: median(small),
        largeMs: median(large),
        smallP90Ms: percentile(small, 0.9),
        largeP90Ms: percentile(large, 0.9),
        ratio: median(large) / median(small),
      })
    }
    return cases
  } finally {
    await agent.close()
    await Promise.all(servers.map((server) => server.close()))
  }
}
