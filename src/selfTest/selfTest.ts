// The mutation self-test: the suite certifies the clean reference (every check must pass) and
// each faulty variant (a check of the rule the fault breaks must fail). The references run in
// this process on free ports; the certifications run a few at a time, each narrowed to the
// checks its fault concerns, each bounded in time.
import { join } from 'node:path'
import { catalogue } from '../harness/catalogue/catalogue.ts'
import { referenceDefaults } from '../reference/defaults.ts'
import type { Fault } from '../reference/faults/fault.ts'
import { startReferenceServer } from '../reference/server.ts'
import {
  runCertificationProcess,
  type CertificationProcessOptions,
  type CertificationProcessResult,
} from '../runs/certificationProcess.ts'
import { judgeClean, judgeFault } from './faultVerdict.ts'
import { faultResult, summariseMutants, type FaultResult, type MutantsReport } from './mutantsReport.ts'

export interface SelfTestOptions {
  faults: readonly Fault[]
  /** Where each run's reports go: <dir>/clean, <dir>/<fault>. */
  dir: string
  seed: number
  /** Certifications at a time. */
  parallel: number
  /** Playwright workers of each certification. */
  workers: number
  /** Called as each run ends, for progress lines. */
  onResult?: (result: FaultResult | { clean: MutantsReport['clean'] }) => void
  /** Stops handing out runs (the ones started finish). */
  stopped?: () => boolean
}

/** A fault's run has its few checks; the clean run has them all. */
const faultLimitMs = 240_000
/**
 * The model-based checks search deeper here than a certification does by default (10 sequences
 * each): a fault's run has only its few checks, and the clean run must pass at the same depth.
 */
const selfTestEnv = { CONFORMANCE_MODEL_RUNS: '100' }
const cleanLimitMs = 300_000

const reporter = join(import.meta.dirname, '..', 'harness', 'reporting', 'conformanceReporter.ts')

type Run = Required<Pick<CertificationProcessOptions, 'reportDir' | 'seed' | 'runId' | 'workers' | 'limitMs'>> &
  Pick<CertificationProcessOptions, 'checks' | 'env'>

/** Playwright's test command against a reference started here, with only the conformance reporter; its console in playwright.log. */
async function certifyReference(faults: readonly Fault[], run: Run): Promise<CertificationProcessResult> {
  // faults: [] for the clean run, so a REFERENCE_FAULT in the environment cannot slip in.
  const server = await startReferenceServer({ token: referenceDefaults.token, botId: referenceDefaults.botId, faults })
  try {
    return await runCertificationProcess({
      ...run,
      command: 'playwright',
      args: [`--reporter=${reporter}`],
      reference: server.url,
      logFile: join(run.reportDir, 'playwright.log'),
    })
  } finally {
    await server.close()
  }
}

/** The catalogue's tested checks a fault's run certifies: those whose ids start with one of its concerns. */
export function checksOfFault(fault: Pick<Fault, 'concerns'>): string[] {
  const ids = catalogue()
    .entries.filter((entry) => !entry.derived)
    .map((entry) => entry.id)
  return fault.concerns ? ids.filter((id) => fault.concerns?.some((prefix) => id.startsWith(prefix))) : ids
}

/** Runs the jobs `size` at a time, in order. */
async function inPool(jobs: (() => Promise<void>)[], size: number, stopped: () => boolean): Promise<void> {
  let next = 0
  const lane = async () => {
    while (next < jobs.length && !stopped()) await jobs[next++]?.()
  }
  await Promise.all(Array.from({ length: Math.max(1, size) }, lane))
}

export async function runSelfTest(options: SelfTestOptions): Promise<MutantsReport> {
  const started = Date.now()
  const base = { seed: options.seed, workers: options.workers }
  let clean: MutantsReport['clean'] = {
    passed: false,
    checks: 0,
    seconds: 0,
    problem: 'did not run',
    reportDir: join(options.dir, 'clean'),
  }
  const results: (FaultResult | undefined)[] = options.faults.map(() => undefined)

  const cleanJob = async () => {
    const reportDir = join(options.dir, 'clean')
    const outcome = await certifyReference([], {
      ...base,
      reportDir,
      runId: 'mutclean',
      limitMs: cleanLimitMs,
      env: selfTestEnv,
    })
    const problem = judgeClean(outcome)
    clean = {
      passed: problem === undefined,
      checks: outcome.report?.checks.length ?? 0,
      seconds: outcome.elapsedMs / 1000,
      reportDir,
      ...(problem ? { problem } : {}),
    }
    options.onResult?.({ clean })
  }
  const faultJob = (fault: Fault, index: number) => async () => {
    const reportDir = join(options.dir, fault.name)
    if (checksOfFault(fault).length === 0) {
      const problem = 'its concerns select no check of the catalogue that a test runs'
      results[index] = faultResult(fault, { status: 'survived', caughtBy: [], alsoFailed: [], problem }, 0, reportDir)
      options.onResult?.(results[index])
      return
    }
    const outcome = await certifyReference([fault], {
      ...base,
      reportDir,
      runId: `mut${index}`,
      checks: fault.concerns,
      limitMs: faultLimitMs,
      env: { ...selfTestEnv, ...fault.harnessEnv },
    })
    const result = faultResult(fault, judgeFault(fault, outcome), outcome.elapsedMs / 1000, reportDir)
    results[index] = result
    options.onResult?.(result)
  }

  // The clean run is the longest: it starts first, the faults fill the other lanes.
  await inPool([cleanJob, ...options.faults.map(faultJob)], options.parallel, options.stopped ?? (() => false))
  const faults = options.faults.map(
    (fault, index) =>
      results[index] ??
      faultResult(
        fault,
        { status: 'no report', caughtBy: [], alsoFailed: [], problem: 'not run: the self-test was interrupted' },
        0,
        join(options.dir, fault.name),
      ),
  )
  return summariseMutants({
    startedAt: new Date(started).toISOString(),
    seconds: (Date.now() - started) / 1000,
    seed: options.seed,
    clean,
    faults,
  })
}
