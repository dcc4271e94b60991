// A RuntimeClient outside a test (the end-of-run cleanup, `npm run cleanup`): the same transport
// as the workers (undici, transport.ts), the same guard as the workers (rate cap, 429 retries, stop verdict), a log
// nobody reads and an empty ledger to fill.
import { ExchangeLog } from '../client/exchangeLog.ts'
import { ResourceLedger } from '../client/resourceLedger.ts'
import type { LedgerEntry } from './runJournal.ts'
import { RuntimeClient, type ClientTarget } from '../client/runtimeClient.ts'
import { SecretMask } from '../client/secretMask.ts'
import { targetGuard } from '../client/targetGuard.ts'
import { undiciTransport } from '../client/transport.ts'
import type { HealthFiles } from '../client/targetHealth.ts'
import { readTrafficPolicy } from '../config/trafficPolicy.ts'

export interface StandaloneClient {
  api: RuntimeClient
  dispose: () => Promise<void>
}

export function standaloneClient(target: ClientTarget, files?: HealthFiles): Promise<StandaloneClient> {
  const http = undiciTransport()
  const guard = targetGuard(readTrafficPolicy(), { files })
  const api = new RuntimeClient(
    http,
    target,
    new ExchangeLog(new SecretMask(target.token)),
    new ResourceLedger(),
    guard,
  )
  return Promise.resolve({ api, dispose: () => http.dispose() })
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
