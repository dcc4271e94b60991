// Summaries of repeated measurements. The machine is shared and noisy: the bench compares
// medians of interleaved runs, never single runs.

/** The value below which `fraction` of the samples lie (nearest rank); NaN for no samples. */
export function percentile(samples: readonly number[], fraction: number): number {
  if (samples.length === 0) return Number.NaN
  const sorted = [...samples].sort((a, b) => a - b)
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))
  return sorted[rank] as number
}

export function median(samples: readonly number[]): number {
  if (samples.length === 0) return Number.NaN
  const sorted = [...samples].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2
}

/** Milliseconds since an arbitrary origin, with sub-millisecond resolution. */
export function now(): number {
  return performance.now()
}

export async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = now()
  const value = await run()
  return { ms: now() - start, value }
}

/** The contenders in turn for `rounds` rounds, each round starting one further along, so none always goes first. */
export function interleaved<T>(contenders: readonly T[], rounds: number): T[] {
  return Array.from({ length: rounds }, (_, round) =>
    contenders.map((_, i) => contenders[(round + i) % contenders.length] as T),
  ).flat()
}
