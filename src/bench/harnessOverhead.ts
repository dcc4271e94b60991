// Section 2: the same request sequence sent through the harness (Playwright's APIRequestContext,
// answer inspection against the schemas, the exchange log and its attachment, one context per
// check as the fixture does), through Playwright's APIRequestContext alone, and by a bare undici
// client, against one reference process. The middle one tells which layer the overhead is in.
import { request as playwright } from '@playwright/test'
import { Agent } from 'undici'
import { ExchangeLog } from '../harness/client/exchangeLog.ts'
import { ResourceLedger } from '../harness/client/resourceLedger.ts'
import { RuntimeClient } from '../harness/client/runtimeClient.ts'
import { SecretMask } from '../harness/client/secretMask.ts'
import { childEnvironment, reference, typescriptEntry } from './benchEnvironment.ts'
import { startServer } from './childProcesses.ts'
import { plainRequest, plainSender } from './plainClient.ts'
import { chatScenario, type Send } from './requestScenario.ts'
import { interleaved, median, timed } from './samples.ts'

export interface OverheadResult {
  requestsPerScenario: number
  scenarios: number
  /** Median time of one scenario, milliseconds, per client. */
  harnessMs: number
  playwrightMs: number
  bareMs: number
  /** harness / bare: the target. */
  ratio: number
}

const target = (baseUrl: string) => ({ baseUrl, token: reference.token, botId: reference.botId, integrationId: undefined, timeoutMs: 10_000 })

async function throughHarness(baseUrl: string, run: string): Promise<number> {
  const http = await playwright.newContext()
  const log = new ExchangeLog(new SecretMask(reference.token))
  const api = new RuntimeClient(http, target(baseUrl), log, new ResourceLedger())
  try {
    const send: Send = async (id, request) => {
      const reply = await api.call(id, request)
      if (reply.violations.length > 0) throw new Error(`the bench's scenario broke the contract at ${id}: ${JSON.stringify(reply.violations[0])}`)
      return reply.json
    }
    const count = await chatScenario(send, run)
    await api.cleanUp()
    // What the fixture attaches for the reporter.
    JSON.stringify(log.attachment(false))
    return count
  } finally {
    await http.dispose()
  }
}

async function throughPlaywright(baseUrl: string, run: string): Promise<number> {
  const http = await playwright.newContext()
  const send: Send = async (id, request) => {
    const { method, url, headers, body } = plainRequest(baseUrl, id, request)
    const response = await http.fetch(url, { method, headers, data: body, failOnStatusCode: false, maxRedirects: 0 })
    return JSON.parse(await response.text()) as unknown
  }
  try {
    return await chatScenario(send, run)
  } finally {
    await http.dispose()
  }
}

async function bare(baseUrl: string, run: string): Promise<number> {
  // One agent per scenario, as the harness opens one request context per check.
  const agent = new Agent()
  try {
    return await chatScenario(plainSender(baseUrl, agent), run)
  } finally {
    await agent.close()
  }
}

export async function measureHarnessOverhead(rounds: number): Promise<OverheadResult> {
  const server = await startServer(typescriptEntry.command, typescriptEntry.args('src/reference/main.ts'), childEnvironment({ PORT: '0' }))
  try {
    const clients = { harness: throughHarness, playwright: throughPlaywright, bare }
    const names = Object.keys(clients) as (keyof typeof clients)[]
    const samples: Record<keyof typeof clients, number[]> = { harness: [], playwright: [], bare: [] }
    const warmUp = interleaved(names, 3)
    let requestsPerScenario = 0
    let scenario = 0
    for (const name of [...warmUp, ...interleaved(names, rounds)]) {
      const { ms, value } = await timed(() => clients[name](server.url, `bench-${scenario}`))
      if (scenario++ >= warmUp.length) samples[name].push(ms)
      requestsPerScenario = value
    }
    const [harnessMs, playwrightMs, bareMs] = [samples.harness, samples.playwright, samples.bare].map(median) as [number, number, number]
    return { requestsPerScenario, scenarios: rounds, harnessMs, playwrightMs, bareMs, ratio: harnessMs / bareMs }
  } finally {
    await server.stop()
  }
}
