// A RuntimeClient outside a test (the end-of-run cleanup, `npm run cleanup`): Playwright's
// request API, the same guard as the workers (rate cap, 429 retries, stop verdict), a log
// nobody reads and an empty ledger to fill.
import { request } from '@playwright/test'
import { ExchangeLog } from '../client/exchangeLog.ts'
import { ResourceLedger } from '../client/resourceLedger.ts'
import type { LedgerEntry } from './runJournal.ts'
import { RuntimeClient, type ClientTarget } from '../client/runtimeClient.ts'
import { SecretMask } from '../client/secretMask.ts'
import { targetGuard } from '../client/targetGuard.ts'
import type { HealthFiles } from '../client/targetHealth.ts'
import { readTrafficPolicy } from '../config/trafficPolicy.ts'

export interface StandaloneClient {
  api: RuntimeClient
  dispose: () => Promise<void>
}

export async function standaloneClient(target: ClientTarget, files?: HealthFiles): Promise<StandaloneClient> {
  const http = await request.newContext()
  const guard = targetGuard(readTrafficPolicy(), { files })
  const api = new RuntimeClient(
    http,
    target,
    new ExchangeLog(new SecretMask(target.token)),
    new ResourceLedger(),
    guard,
  )
  return { api, dispose: () => http.dispose() }
}

/**
 * Puts resources in a ledger so that cleanUp() (newest first) deletes workflows, tasks,
 * messages, then conversations, then users; kinds it does not know go first.
 */
export function trackForDeletion(ledger: ResourceLedger, resources: Iterable<LedgerEntry>): void {
  const rank = (kind: string) => ['user', 'conversation', 'message', 'task', 'workflow'].indexOf(kind) >>> 0
  const unique = new Map([...resources].map((r) => [JSON.stringify(r), r]))
  for (const resource of [...unique.values()].sort((a, b) => rank(a.kind) - rank(b.kind))) ledger.track(resource)
}
