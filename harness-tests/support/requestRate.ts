// The request rate a server sees, as the issue measures it: the most requests in any
// one-second window [t, t + 1 s) starting at a request.
export function busiestSecond(times: readonly number[]): number {
  const sorted = [...times].sort((a, b) => a - b)
  let busiest = 0
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (j < sorted.length && (sorted[j] as number) < (sorted[i] as number) + 1000) j++
    busiest = Math.max(busiest, j - i)
  }
  return busiest
}
