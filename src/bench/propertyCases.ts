// Section 5: how the run time of one property grows with CONFORMANCE_CASES (10 → 100 → 1,000;
// linear is expected). Which property is configurable (BENCH_PROPERTY_GREP, BENCH_PROPERTY_SPEC);
// when the build has none, the section says so instead of timing something else.
import { mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { childEnvironment } from './benchEnvironment.ts'
import { certifyOnce } from './certificationRuns.ts'
import { runToEnd } from './childProcesses.ts'

export interface PropertyOptions {
  grep: string
  spec: string | undefined
  cases: number[]
  timeoutMs: number
}

export interface PropertyRun {
  cases: number
  wallMs: number
  problem?: string
}

export interface PropertyResult {
  grep: string
  spec: string | undefined
  /** How many tests the grep selects; 0: not measured. */
  tests: number
  runs: PropertyRun[]
  /** Why it was not measured. */
  notMeasured?: string
}

const playwrightCli = createRequire(import.meta.url).resolve('@playwright/test/cli')

/** How many tests Playwright would run for these arguments. */
async function countTests(args: string[]): Promise<number> {
  const reportDir = mkdtempSync(join(tmpdir(), 'conformance-bench-list-'))
  try {
    const finished = await runToEnd(process.execPath, [playwrightCli, 'test', '--list', ...args], childEnvironment({ CONFORMANCE_REPORT_DIR: reportDir }), 60_000)
    return Number(/Total: (\d+) tests?/.exec(finished.tail)?.[1] ?? 0)
  } finally {
    rmSync(reportDir, { recursive: true, force: true })
  }
}

export async function measurePropertyCases(options: PropertyOptions): Promise<PropertyResult> {
  const args = [...(options.spec ? [options.spec] : []), '--grep', options.grep]
  const tests = await countTests(args)
  const result: PropertyResult = { grep: options.grep, spec: options.spec, tests, runs: [] }
  if (tests === 0) return { ...result, notMeasured: `no property in this build (no test matches --grep ${JSON.stringify(options.grep)})` }
  for (const cases of options.cases) {
    const run = await certifyOnce(1, { workers: [1], rounds: 1, timeoutMs: options.timeoutMs, playwrightArgs: args, env: { CONFORMANCE_CASES: String(cases) } })
    const measured: PropertyRun = { cases, wallMs: run.wallMs }
    if (run.problem) measured.problem = run.problem
    result.runs.push(measured)
    // A run that hit the limit says enough: more cases would too.
    if (run.problem?.startsWith('stopped')) break
  }
  return result
}
