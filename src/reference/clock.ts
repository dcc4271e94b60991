// Ids and timestamps. Ids are a short prefix and a time-sortable ULID (S1: 28-36 characters);
// timestamps never repeat or go back, so an update always moves updatedAt forward (S2).
import { randomFillSync } from 'node:crypto'
import { monotonicFactory } from 'ulid'

/**
 * ulid's default source asks the operating system for one random byte per character (a tenth of
 * createMessage's time in a profile); this one draws the same bytes from a pool filled 4 KiB at once.
 */
function pooledRandom(): () => number {
  const pool = new Uint8Array(4096)
  let next = pool.length
  return () => {
    if (next === pool.length) {
      randomFillSync(pool)
      next = 0
    }
    return (pool[next++] as number) / 256
  }
}

const ulid = monotonicFactory(pooledRandom())

export function newId(prefix: string): string {
  return `${prefix}_${ulid()}`
}

let last = 0
/** Now as an ISO 8601 date-time, strictly later than the previous call's. */
export function timestamp(): string {
  last = Math.max(Date.now(), last + 1)
  return new Date(last).toISOString()
}

/** When a task or workflow created without timeoutAt times out: the documents give no default; a day. */
export function defaultTimeoutAt(): string {
  return new Date(Date.now() + 86_400_000).toISOString()
}
