// Section 3: the reference under concurrent load (autocannon), a read (getMessage) and a write
// (createMessage), against a bare node:http server answering the same bytes: the ceiling of
// this machine. Each server runs in its own process; autocannon runs in the bench's.
import autocannon from 'autocannon'
import { Agent } from 'undici'
import type { Conversation, Message, User } from '../contract/types.ts'
import { cleanEnvironment } from '../runs/certificationProcess.ts'
import { typescriptEntry } from './benchEnvironment.ts'
import { startServer } from './childProcesses.ts'
import { plainRequest, plainSender, type PlainRequest } from './plainClient.ts'
import { interleaved, median, percentile } from './samples.ts'

export interface LoadOptions {
  durationSeconds: number
  rounds: number
  connections: number
}

export interface LoadResult {
  requestsPerSecond: number
  p50Ms: number
  p99Ms: number
  /** Answers that were not 2xx, and connection errors: a run with any is not a measurement. */
  failures: number
}

export interface LoadComparison {
  operation: 'getMessage' | 'createMessage'
  reference: LoadResult
  bare: LoadResult
  /** reference / bare throughput: the target. */
  ratio: number
}

async function load(
  request: PlainRequest,
  url: string,
  options: LoadOptions,
  durationSeconds = options.durationSeconds,
): Promise<LoadResult> {
  // autocannon's own histogram keeps whole milliseconds; the answers here take less than one.
  const latencies: number[] = []
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const run = autocannon(
      { ...request, url, connections: options.connections, duration: durationSeconds },
      (error, result) => (error ? reject(error as Error) : resolve(result)),
    )
    run.on('response', (_client, statusCode, _bytes, ms) => {
      if (statusCode < 300) latencies.push(ms)
    })
  })
  return {
    requestsPerSecond: result['2xx'] / result.duration,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    failures: result.non2xx + result.errors,
  }
}

function medianResult(results: LoadResult[]): LoadResult {
  const of = (field: keyof LoadResult) => median(results.map((r) => r[field]))
  return {
    requestsPerSecond: of('requestsPerSecond'),
    p50Ms: of('p50Ms'),
    p99Ms: of('p99Ms'),
    failures: Math.max(...results.map((r) => r.failures)),
  }
}

export async function measureReferenceLoad(options: LoadOptions): Promise<LoadComparison[]> {
  const reference = await startServer(
    typescriptEntry.command,
    typescriptEntry.args('src/reference/main.ts'),
    cleanEnvironment({ PORT: '0' }),
  )
  let bare: Awaited<ReturnType<typeof startServer>> | undefined
  const agent = new Agent()
  try {
    const send = plainSender(reference.url, agent)
    const { user } = (await send('createUser', { body: { tags: {} } })) as { user: User }
    const { conversation } = (await send('createConversation', { body: { channel: 'bench', tags: {} } })) as {
      conversation: Conversation
    }
    const body = { type: 'text', payload: { text: 'load' }, userId: user.id, conversationId: conversation.id, tags: {} }
    const { message } = (await send('createMessage', { body })) as { message: Message }
    const answer = JSON.stringify(await send('getMessage', { params: { id: message.id } }))
    bare = await startServer(
      typescriptEntry.command,
      typescriptEntry.args('src/bench/bareServer.ts'),
      cleanEnvironment({ PORT: '0', BENCH_BARE_BODY: answer }),
    )

    const servers = { reference: reference.url, bare: bare.url }
    const requests = {
      getMessage: plainRequest(reference.url, 'getMessage', { params: { id: message.id } }),
      createMessage: plainRequest(reference.url, 'createMessage', { body }),
    }
    const comparisons: LoadComparison[] = []
    for (const [operation, request] of Object.entries(requests) as [LoadComparison['operation'], PlainRequest][]) {
      // Same path and query on both servers; the bare one ignores them.
      const urlOn = (base: string) =>
        new URL(new URL(request.url).pathname + new URL(request.url).search, base).toString()
      const runs: Record<keyof typeof servers, LoadResult[]> = { reference: [], bare: [] }
      for (const name of Object.keys(servers) as (keyof typeof servers)[])
        await load(request, urlOn(servers[name]), options, Math.min(1, options.durationSeconds))
      for (const name of interleaved(Object.keys(servers) as (keyof typeof servers)[], options.rounds)) {
        runs[name].push(await load(request, urlOn(servers[name]), options))
      }
      const [ref, ceiling] = [medianResult(runs.reference), medianResult(runs.bare)]
      comparisons.push({
        operation,
        reference: ref,
        bare: ceiling,
        ratio: ref.requestsPerSecond / ceiling.requestsPerSecond,
      })
    }
    return comparisons
  } finally {
    await agent.close()
    await Promise.all([reference.stop(), bare?.stop()])
  }
}
