// When to send a request again after a 429 (S13 [usage]): after its Retry-After (seconds or an
// HTTP date), else after an exponential backoff with jitter. A wait the harness will not make
// (longer than longestWaitMs) ends the retries: the run must end, not sleep for an hour.

/** First backoff without Retry-After; doubles with each retry. */
const backoffBaseMs = 1_000
/** The longest the harness waits before one retry. */
export const longestWaitMs = 30_000

/** The wait a Retry-After header asks for, in ms; undefined when absent or unreadable. */
export function retryAfterMs(header: string | undefined, now: number = Date.now()): number | undefined {
  const value = header?.trim()
  if (!value) return undefined
  if (/^\d+$/.test(value)) return Number(value) * 1000
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

/** Exponential backoff with "equal jitter": half of the step fixed, half random. */
export function backoffMs(retry: number, random: () => number = Math.random): number {
  const step = Math.min(longestWaitMs, backoffBaseMs * 2 ** retry)
  return step / 2 + random() * (step / 2)
}

/** How long to wait before retry number `retry` (0 first) of a request answered 429. */
export function rateLimitWaitMs(
  retryAfterHeader: string | undefined,
  retry: number,
  random?: () => number,
  now?: number,
): number {
  return retryAfterMs(retryAfterHeader, now) ?? backoffMs(retry, random)
}
