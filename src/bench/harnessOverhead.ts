// Section 2: the same request sequence sent through the harness (Playwright's APIRequestContext,
// answer inspection against the schemas, the exchange log and its attachment, one context per
// worker as the fixture does), through the harness on its undici transport, through Playwright's
// APIRequestContext alone, and by a bare undici client, against one reference process. The
// middle ones tell which layer the overhead is in.
import { request as playwright, type APIRequestContext } from '@playwright/test'
import { Agent } from 'undici'
import { ExchangeLog } from '../harness/client/exchangeLog.ts'
import { ResourceLedger } from '../harness/client/resourceLedger.ts'
import { RuntimeClient } from '../harness/client/runtimeClient.ts'
import { SecretMask } from '../harness/client/secretMask.ts'
import { undiciTransport, type Transport } from '../harness/client/transport.ts'
import { cleanEnvironment } from '../runs/certificationProcess.ts'
import { reference, typescriptEntry } from './benchEnvironment.ts'
import { startServer } from './childProcesses.ts'
import { plainRequest, plainSender } from './plainClient.ts'
import { chatScenario, type Send } from './requestScenario.ts'
import { interleaved, median, timed } from './samples.ts'

export interface OverheadResult {
  requestsPerScenario: number
  scenarios: number
  /** Median time of one scenario, milliseconds, per client. */
  harnessMs: number
  /** The harness on its undici transport (kept connections) instead of Playwright's. */
  harnessUndiciMs: number
  playwrightMs: number
  bareMs: number
  /** harness (on the undici transport it uses) / bare: the target. */
  ratio: number
}

const target = (baseUrl: string) => ({
  baseUrl,
  token: reference.token,
  botId: reference.botId,
  integrationId: undefined,
  timeoutMs: 10_000,
})

type Client = (baseUrl: string, run: string) => Promise<number>
type ClientName = 'harness' | 'harnessUndici' | 'playwright' | 'bare'

/** Each client keeps its connections for the whole measurement, as a worker keeps its request context. */
async function clients(): Promise<{
  clients: Record<ClientName, Client>
  close: () => Promise<void>
}> {
  const harnessHttp = await playwright.newContext()
  const playwrightHttp = await playwright.newContext()
  const agent = new Agent()
  const harnessUndici = undiciTransport()

  // Per scenario, what the fixture does per check: a fresh log and ledger, cleanup, the attachment.
  const harnessOver =
    (http: APIRequestContext | Transport): Client =>
    async (baseUrl, run) => {
      const log = new ExchangeLog(new SecretMask(reference.token))
      const api = new RuntimeClient(http, target(baseUrl), log, new ResourceLedger())
      const send: Send = async (id, request) => {
        const reply = await api.call(id, request)
        if (reply.violations.length > 0)
          throw new Error(`the bench's scenario broke the contract at ${id}: ${JSON.stringify(reply.violations[0])}`)
        return reply.json
      }
      const count = await chatScenario(send, run)
      await api.cleanUp()
      JSON.stringify(log.attachment(false))
      return count
    }

  const playwrightAlone: Client = (baseUrl, run) =>
    chatScenario(async (id, request) => {
      const { method, url, headers, body } = plainRequest(baseUrl, id, request)
      const response = await playwrightHttp.fetch(url, {
        method,
        headers,
        data: body,
        failOnStatusCode: false,
        maxRedirects: 0,
      })
      return JSON.parse(await response.text()) as unknown
    }, run)

  const bare: Client = (baseUrl, run) => chatScenario(plainSender(baseUrl, agent), run)

  return {
    clients: {
      harness: harnessOver(harnessHttp),
      harnessUndici: harnessOver(harnessUndici),
      playwright: playwrightAlone,
      bare,
    },
    close: async () => {
      await Promise.all([harnessHttp.dispose(), playwrightHttp.dispose(), agent.close(), harnessUndici.dispose()])
    },
  }
}

export async function measureHarnessOverhead(rounds: number): Promise<OverheadResult> {
  const server = await startServer(
    typescriptEntry.command,
    typescriptEntry.args('src/reference/main.ts'),
    cleanEnvironment({ PORT: '0' }),
  )
  const { clients: byName, close } = await clients()
  try {
    const names = Object.keys(byName) as (keyof typeof byName)[]
    const samples: Record<ClientName, number[]> = { harness: [], harnessUndici: [], playwright: [], bare: [] }
    const warmUp = interleaved(names, 3)
    let requestsPerScenario = 0
    let scenario = 0
    for (const name of [...warmUp, ...interleaved(names, rounds)]) {
      const { ms, value } = await timed(() => byName[name](server.url, `bench-${scenario}`))
      if (scenario++ >= warmUp.length) samples[name].push(ms)
      requestsPerScenario = value
    }
    const [harnessMs, harnessUndiciMs, playwrightMs, bareMs] = [
      samples.harness,
      samples.harnessUndici,
      samples.playwright,
      samples.bare,
    ].map(median) as [number, number, number, number]
    return {
      requestsPerScenario,
      scenarios: rounds,
      harnessMs,
      harnessUndiciMs,
      playwrightMs,
      bareMs,
      ratio: harnessUndiciMs / bareMs,
    }
  } finally {
    await close()
    await server.stop()
  }
}
