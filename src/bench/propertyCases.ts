// Section 5: how the run time of one property grows with CONFORMANCE_CASES (10 → 100 → 1,000;
// linear is expected). Which property is configurable (BENCH_PROPERTY_GREP, BENCH_PROPERTY_SPEC);
// when the build has none, the section says so instead of timing something else.
import { rmSync } from 'node:fs'
import { runCertificationProcess } from '../runs/certificationProcess.ts'
import { scratchDir } from './benchEnvironment.ts'
import { certifyOnce } from './certificationRuns.ts'
import { interleaved, median } from './samples.ts'

export interface PropertyOptions {
  grep: string
  spec: string | undefined
  cases: number[]
  rounds: number
  timeoutMs: number
}

interface PropertyRun {
  cases: number
  wallMs: number
  problem?: string
}

export interface PropertyResult {
  grep: string
  spec: string | undefined
  /** How many tests the grep selects; 0: not measured. */
  tests: number
  /** Every run, in the order made. */
  runs: PropertyRun[]
  /** Median wall time per case count, of the runs without a problem. */
  medians: { cases: number; wallMs: number }[]
  /** Why it was not measured. */
  notMeasured?: string
}

/** How many tests Playwright would run for these arguments. */
async function countTests(args: string[]): Promise<number> {
  const reportDir = scratchDir()
  try {
    const listed = await runCertificationProcess({
      command: 'playwright',
      args: ['--list', ...args],
      reportDir,
      limitMs: 60_000,
    })
    return Number(/Total: (\d+) tests?/.exec(listed.output)?.[1] ?? 0)
  } finally {
    rmSync(reportDir, { recursive: true, force: true })
  }
}

export async function measurePropertyCases(options: PropertyOptions): Promise<PropertyResult> {
  const args = [...(options.spec ? [options.spec] : []), '--grep', options.grep]
  const tests = await countTests(args)
  const result: PropertyResult = { grep: options.grep, spec: options.spec, tests, runs: [], medians: [] }
  if (tests === 0)
    return {
      ...result,
      notMeasured: `no property in this build (no test matches --grep ${JSON.stringify(options.grep)})`,
    }
  const tooLong = new Set<number>()
  for (const cases of interleaved(options.cases, options.rounds)) {
    // A case count that hit the time limit once would again: not worth the minutes.
    if ([...tooLong].some((limit) => cases >= limit)) continue
    const run = await certifyOnce(1, {
      timeoutMs: options.timeoutMs,
      playwrightArgs: args,
      narrowed: true,
      env: { CONFORMANCE_CASES: String(cases) },
    })
    const measured: PropertyRun = { cases, wallMs: run.wallMs }
    if (run.problem) measured.problem = run.problem
    if (run.problem?.startsWith('stopped')) tooLong.add(cases)
    result.runs.push(measured)
  }
  result.medians = options.cases.map((cases) => ({
    cases,
    wallMs: median(result.runs.filter((r) => r.cases === cases && !r.problem).map((r) => r.wallMs)),
  }))
  return result
}
