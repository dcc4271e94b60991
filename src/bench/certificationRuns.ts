// Section 1: `npm run certify` against the embedded reference, as a user runs it (its node
// command, without npm's own start-up), at 1 and at 2 workers, interleaved. Wall time runs from
// spawn to exit, so it includes starting node, the reference, the preflight and Playwright.
import { rmSync } from 'node:fs'
import { runCertificationProcess } from '../runs/certificationProcess.ts'
import { scratchDir } from './benchEnvironment.ts'
import { interleaved, median } from './samples.ts'

/** How to run one certification. */
export interface CertifyRun {
  timeoutMs: number
  /** Playwright arguments, e.g. a spec or --grep. */
  playwrightArgs?: string[]
  /** More variables for the run, e.g. CONFORMANCE_CASES. */
  env?: Record<string, string>
}

export interface CertificationOptions extends CertifyRun {
  workers: number[]
  rounds: number
}

export interface CertificationRun {
  workers: number
  wallMs: number
  /** Answered requests the checks made, from the run's report. */
  requests: number
  verdict: string
  /** Why the run does not count, when it does not. */
  problem?: string
}

export interface CertificationSummary {
  workers: number
  runs: number
  wallMs: number
  requests: number
  requestsPerSecond: number
  problems: string[]
}

/** One seed for every run, so all of them send the same requests. */
const benchSeed = '8'

export async function certifyOnce(workers: number, options: CertifyRun): Promise<CertificationRun> {
  const reportDir = scratchDir()
  try {
    const finished = await runCertificationProcess({
      args: options.playwrightArgs ?? [],
      reportDir,
      workers,
      seed: benchSeed,
      env: options.env,
      limitMs: options.timeoutMs,
    })
    const run: CertificationRun = {
      workers,
      wallMs: finished.elapsedMs,
      requests: finished.report?.requests ?? 0,
      verdict: finished.report?.summary.verdict ?? 'no report',
    }
    if (finished.timedOut) run.problem = `stopped after ${options.timeoutMs} ms`
    else if (finished.exitCode !== 0)
      run.problem = `certify exited ${finished.exitCode ?? finished.signal}: ${finished.output.trim().split('\n').pop() ?? ''}`
    return run
  } finally {
    rmSync(reportDir, { recursive: true, force: true })
  }
}

export function summarize(runs: CertificationRun[], workers: number): CertificationSummary {
  const mine = runs.filter((run) => run.workers === workers)
  const wallMs = median(mine.map((run) => run.wallMs))
  const requests = median(mine.map((run) => run.requests))
  return {
    workers,
    runs: mine.length,
    wallMs,
    requests,
    requestsPerSecond: requests / (wallMs / 1000),
    problems: [...new Set(mine.flatMap((run) => (run.problem ? [run.problem] : [])))],
  }
}

export async function measureCertification(
  options: CertificationOptions,
): Promise<{ runs: CertificationRun[]; summaries: CertificationSummary[] }> {
  const runs: CertificationRun[] = []
  for (const workers of interleaved(options.workers, options.rounds)) runs.push(await certifyOnce(workers, options))
  return { runs, summaries: options.workers.map((workers) => summarize(runs, workers)) }
}
