// Section 1: `npm run certify` against the embedded reference, as a user runs it (its node
// command, without npm's own start-up), side by side in one run, interleaved: the clean
// reference at 1 and 2 workers; a reference that breaks every answer (every-id-one-short) and one
// whose getUser answers 20 s late (slow-get-user), at 2 workers; and the floor: the clean run's
// requests replayed by a bare client at the same concurrency, with the documented waits
// (requestReplay.ts). Wall time runs from spawn to exit, so it includes starting node, the
// reference, the preflight and Playwright. One extra clean run, not timed, records the requests
// (CONFORMANCE_REQUEST_LOG) and says where its time went.
import { rmSync } from 'node:fs'
import { exitCodes } from '../harness/reporting/exitCodes.ts'
import { cleanEnvironment, runCertificationProcess } from '../runs/certificationProcess.ts'
import { scratchDir, typescriptEntry } from './benchEnvironment.ts'
import { startServer } from './childProcesses.ts'
import { logTimes, readRequestLog, replayRequestLog } from './requestReplay.ts'
import { interleaved, median } from './samples.ts'

/** What the certified reference does: answer correctly, break every answer, or answer getUser late. */
export type TargetCase = 'clean' | 'failing' | 'slow'

/** The reference fault of each case (src/reference/faults/benchFaults.ts). */
const faultOf: Record<TargetCase, string | undefined> = {
  clean: undefined,
  failing: 'every-id-one-short',
  slow: 'slow-get-user',
}

/** How to run one certification. */
export interface CertifyRun {
  timeoutMs: number
  /** Playwright arguments, e.g. a spec or --grep. */
  playwrightArgs?: string[]
  /** The arguments select some of the checks: a clean run is partial (exit 5), not a certificate. */
  narrowed?: boolean
  /** More variables for the run, e.g. CONFORMANCE_CASES. */
  env?: Record<string, string>
}

export interface CertificationOptions extends CertifyRun {
  workers: number[]
  rounds: number
  /** The harness's request timeout in these runs (its default): the slow case's allowance. */
  requestTimeoutMs: number
}

export interface CertificationRun {
  case: TargetCase
  workers: number
  wallMs: number
  /** Answered requests the checks made, from the run's report. */
  requests: number
  verdict: string
  failed: number
  /** Why the run does not count, when it does not. */
  problem?: string
}

interface CertificationSummary {
  case: TargetCase
  workers: number
  runs: number
  wallMs: number
  requests: number
  requestsPerSecond: number
  failed: number
  problems: string[]
}

interface FloorRun {
  workers: number
  wallMs: number
  requests: number
  statusMismatches: number
}

/** Where the time of the recorded clean run went. */
interface Breakdown {
  workers: number
  wallMs: number
  /** From spawn to the first check's start: node, tsx, the reference, the preflight, Playwright, the workers. */
  startupMs: number
  /** From the first check's start to the last one's end. */
  checksMs: number
  /** From the last check's end to exit: the sweep and the reports. */
  endMs: number
  checks: number
  requests: number
  /** Σ of the time each check had a request under way. */
  requestMs: number
  /** Σ of the documented waits. */
  waitMs: number
  /** Per check, the time of its worker that was neither its requests nor its waits: the harness's and Playwright's. */
  perCheckMs: number
}

export interface CertificationResults {
  rounds: number
  requestTimeoutMs: number
  runs: CertificationRun[]
  summaries: CertificationSummary[]
  floors: FloorRun[]
  floorSummaries: { workers: number; wallMs: number; requests: number; statusMismatches: number }[]
  breakdown?: Breakdown
}

/** One seed for every run, so all of them send the same requests. */
const benchSeed = '8'

export async function certifyOnce(
  workers: number,
  options: CertifyRun,
  targetCase: TargetCase = 'clean',
): Promise<CertificationRun & { startedEpoch: number }> {
  const reportDir = scratchDir()
  try {
    const fault = faultOf[targetCase]
    const startedEpoch = Date.now()
    const finished = await runCertificationProcess({
      args: options.playwrightArgs ?? [],
      reportDir,
      workers,
      seed: benchSeed,
      env: { ...(fault ? { REFERENCE_FAULT: fault } : {}), ...options.env },
      limitMs: options.timeoutMs,
    })
    const run: CertificationRun & { startedEpoch: number } = {
      case: targetCase,
      workers,
      wallMs: finished.elapsedMs,
      requests: finished.report?.requests ?? 0,
      verdict: finished.report?.summary.verdict ?? 'no report',
      failed: finished.report?.summary.failed ?? 0,
      startedEpoch,
    }
    // A faulty reference must not conform (exit 1); the clean one must (exit 0, or 5 when narrowed).
    const expectedCode =
      targetCase !== 'clean' ? exitCodes.doesNotConform : options.narrowed ? exitCodes.partial : exitCodes.conforms
    if (finished.timedOut) run.problem = `stopped after ${options.timeoutMs} ms`
    else if (finished.exitCode !== expectedCode)
      run.problem = `certify exited ${finished.exitCode ?? finished.signal}: ${finished.output.trim().split('\n').pop() ?? ''}`
    return run
  } finally {
    rmSync(reportDir, { recursive: true, force: true })
  }
}

function summarize(runs: CertificationRun[], workers: number, targetCase: TargetCase = 'clean'): CertificationSummary {
  const mine = runs.filter((run) => run.workers === workers && run.case === targetCase)
  const wallMs = median(mine.map((run) => run.wallMs))
  const requests = median(mine.map((run) => run.requests))
  return {
    case: targetCase,
    workers,
    runs: mine.length,
    wallMs,
    requests,
    requestsPerSecond: requests / (wallMs / 1000),
    failed: median(mine.map((run) => run.failed)),
    problems: [...new Set(mine.flatMap((run) => (run.problem ? [run.problem] : [])))],
  }
}

/** One clean run at `workers` that records its requests; returns the log's directory and where the time went. */
async function recordedRun(workers: number, options: CertifyRun): Promise<{ logDir: string; breakdown: Breakdown }> {
  const logDir = scratchDir()
  const run = await certifyOnce(workers, { ...options, env: { ...options.env, CONFORMANCE_REQUEST_LOG: logDir } })
  if (run.problem) throw new Error(`the recorded clean run failed: ${run.problem}`)
  const times = logTimes(readRequestLog(logDir))
  const checksMs = times.lastEnd - times.firstStart
  return {
    logDir,
    breakdown: {
      workers,
      wallMs: run.wallMs,
      startupMs: times.firstStart - run.startedEpoch,
      checksMs,
      endMs: run.startedEpoch + run.wallMs - times.lastEnd,
      checks: times.checks,
      requests: times.requests,
      requestMs: times.requestMs,
      waitMs: times.waitMs,
      perCheckMs: (workers * checksMs - times.requestMs - times.waitMs) / times.checks,
    },
  }
}

/** The floor at `workers` lanes: the recorded requests against a fresh reference in a process of its own. */
async function floorOnce(logDir: string, workers: number): Promise<FloorRun> {
  const server = await startServer(
    typescriptEntry.command,
    typescriptEntry.args('src/reference/main.ts'),
    cleanEnvironment({ PORT: '0' }),
  )
  try {
    const replay = await replayRequestLog(readRequestLog(logDir), server.url, workers)
    return { workers, ...replay }
  } finally {
    await server.stop()
  }
}

type Turn = { kind: 'certify'; case: TargetCase; workers: number } | { kind: 'floor'; workers: number }

/** onProgress gets the results so far after each run: a bench stopped at its deadline still reports them. */
export async function measureCertification(
  options: CertificationOptions,
  onProgress: (sofar: CertificationResults) => void = () => undefined,
): Promise<CertificationResults> {
  const { logDir, breakdown } = await recordedRun(Math.max(...options.workers), options)
  const most = Math.max(...options.workers)
  const turns: Turn[] = [
    ...options.workers.map((workers): Turn => ({ kind: 'certify', case: 'clean', workers })),
    { kind: 'certify', case: 'failing', workers: most },
    { kind: 'certify', case: 'slow', workers: most },
    ...options.workers.map((workers): Turn => ({ kind: 'floor', workers })),
  ]
  const runs: CertificationRun[] = []
  const floors: FloorRun[] = []
  const cases: [TargetCase, number][] = [
    ...options.workers.map((workers): [TargetCase, number] => ['clean', workers]),
    ['failing', most],
    ['slow', most],
  ]
  const sofar = (): CertificationResults => ({
    rounds: options.rounds,
    requestTimeoutMs: options.requestTimeoutMs,
    runs,
    summaries: cases.map(([targetCase, workers]) => summarize(runs, workers, targetCase)),
    floors,
    floorSummaries: options.workers.map((workers) => {
      const mine = floors.filter((floor) => floor.workers === workers)
      return {
        workers,
        wallMs: median(mine.map((f) => f.wallMs)),
        requests: median(mine.map((f) => f.requests)),
        statusMismatches: median(mine.map((f) => f.statusMismatches)),
      }
    }),
    breakdown,
  })
  for (const turn of interleaved(turns, options.rounds)) {
    if (turn.kind === 'floor') floors.push(await floorOnce(logDir, turn.workers))
    else {
      const { startedEpoch: _startedEpoch, ...run } = await certifyOnce(turn.workers, options, turn.case)
      runs.push(run)
    }
    onProgress(sofar())
  }
  return sofar()
}
