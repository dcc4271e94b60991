// Section 4: does the cost of one request grow with the store? Two references in this process,
// one holding `small` resources and one `large`, answer the same requests in alternation; the
// target is the ratio of their median latencies. Measured through HTTP, by the bare client.
import type { AddressInfo } from 'node:net'
import { Agent } from 'undici'
import type { OperationId } from '../contract/operations.ts'
import { buildReferenceServer } from '../reference/server.ts'
import { reference } from './benchEnvironment.ts'
import { seededStore, seededTagKey, type SeededStore } from './growthSeed.ts'
import { plainSender } from './plainClient.ts'
import type { ScenarioRequest } from './requestScenario.ts'
import { median, percentile, timed } from './samples.ts'

export interface GrowthOptions {
  small: number
  large: number
  /** Requests per operation and store size. */
  samples: number
}

export interface GrowthCase {
  operation: OperationId
  what: string
  smallMs: number
  largeMs: number
  smallP90Ms: number
  largeP90Ms: number
  /** large / small median latency: the target, for the operations that have one. */
  ratio: number
  targeted: boolean
}

interface GrowthProbe {
  operation: OperationId
  what: string
  /** false: measured to show where the reference still scans, with no target of its own. */
  targeted: boolean
  request: (seeded: SeededStore, iteration: number) => ScenarioRequest
}

const probes: GrowthProbe[] = [
  {
    operation: 'getOrCreateUser',
    what: 'finds an existing user by a discriminating tag',
    targeted: true,
    // A different user each time, spread over the whole store.
    request: ({ size, userTag }, i) => ({
      body: { tags: { [seededTagKey]: userTag((i * 7919) % size) }, discriminateByTags: [seededTagKey] },
    }),
  },
  {
    operation: 'listMessages',
    what: 'first page of a conversation holding every stored message',
    targeted: true,
    request: ({ conversationId }) => ({ query: { conversationId } }),
  },
  {
    operation: 'listTagValues',
    what: 'first page of the values of a tag key every user carries a different value of',
    targeted: true,
    request: () => ({ params: { key: seededTagKey }, query: { type: 'user' } }),
  },
  {
    operation: 'listUsers',
    what: 'first page of all users (no filter)',
    targeted: false,
    request: () => ({}),
  },
]

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
      const latencies = servers.map(() => [] as number[])
      const warmUp = 30
      for (let i = 0; i < warmUp + options.samples; i++) {
        // Alternate which store answers first.
        for (const index of i % 2 === 0 ? [0, 1] : [1, 0]) {
          const server = servers[index] as (typeof servers)[number]
          const send = plainSender(server.url, agent)
          const { ms } = await timed(() => send(probe.operation, probe.request(server.seeded, i)))
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
        targeted: probe.targeted,
      })
    }
    return cases
  } finally {
    await agent.close()
    await Promise.all(servers.map((server) => server.close()))
  }
}
