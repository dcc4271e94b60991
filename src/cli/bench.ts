// npm run bench: how fast a certification runs and how its cost grows, measured on this
// machine in one run (see docs/benchmarks.md). Prints the targets with met / not met and writes
// bench.md, bench.json and bench.svg; a whole run (every section, not --quick, none failed)
// also rewrites the results table of docs/benchmarks.md. Options: --quick (small sizes, a smoke run), --only
// <sections>, --out <dir>; BENCH_PROPERTY_GREP / BENCH_PROPERTY_SPEC select the property.
import { readFileSync, writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { parseArgs } from 'node:util'
import { sectionIds, type BenchResults, type SectionId } from '../bench/benchResults.ts'
import { readmeResults, targetTable, withBenchResults, writeBenchReports } from '../bench/benchReport.ts'
import { measureCertification } from '../bench/certificationRuns.ts'
import { stopAll } from '../bench/childProcesses.ts'
import { measureGrowth } from '../bench/growth.ts'
import { measureHarnessOverhead } from '../bench/harnessOverhead.ts'
import { measurePropertyCases } from '../bench/propertyCases.ts'
import { measureReferenceLoad } from '../bench/referenceLoad.ts'

function argumentsOrExit() {
  try {
    return parseArgs({
      options: {
        quick: { type: 'boolean', default: false },
        only: { type: 'string' },
        out: { type: 'string', default: 'reports' },
      },
    })
  } catch (error) {
    // An unknown or incomplete option: one sentence, not a stack trace.
    console.error(`bench: ${(error as Error).message} (options: --quick, --only <sections>, --out <dir>)`)
    process.exit(2)
  }
}

const { values } = argumentsOrExit()
const quick = values.quick
const only = values.only ? values.only.split(',').map((s) => s.trim()) : sectionIds
const unknown = only.filter((s) => !sectionIds.includes(s as SectionId))
if (unknown.length > 0) {
  console.error(`bench: unknown section ${unknown.join(', ')} (sections: ${sectionIds.join(', ')})`)
  process.exit(2)
}

/**
 * Sizes: the real ones, or small ones that only show the bench works (--quick). A run's
 * timeoutMs stops its process; Playwright's own limit ends the run 15 s before that.
 */
const settings = {
  // The slow case waits out its request timeouts (the harness's default, 10 s).
  certification: { workers: [1, 2], rounds: quick ? 1 : 3, timeoutMs: 240_000, requestTimeoutMs: 10_000 },
  overheadRounds: quick ? 5 : 100,
  load: { durationSeconds: quick ? 0.5 : 2, rounds: quick ? 1 : 5, connections: 10 },
  growth: quick ? { small: 100, large: 1_000, samples: 30 } : { small: 1_000, large: 100_000, samples: 300 },
  properties: {
    // The S6 get-or-create property for users; "not measured" in a build without it.
    grep: process.env.BENCH_PROPERTY_GREP?.trim() || 'S6.user.discrimination-property',
    spec: process.env.BENCH_PROPERTY_SPEC?.trim() || undefined,
    cases: quick ? [10, 100] : [10, 100, 1_000],
    rounds: quick ? 1 : 2,
    timeoutMs: 135_000,
  },
  /** The whole bench ends within this, whatever happens. */
  deadlineMs: 14 * 60_000,
}

const results: BenchResults = {
  startedAt: new Date().toISOString(),
  finishedAt: '',
  machine: {
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    loadAverage: loadavg()[0] ?? 0,
  },
  quick,
  errors: {},
}

const sections: Record<SectionId, () => Promise<string>> = {
  certification: async () => {
    results.certification = await measureCertification(settings.certification, (sofar) => {
      results.certification = sofar
    })
    const { summaries, floorSummaries } = results.certification
    return [
      ...summaries.map(
        (s) => `${s.case} at ${s.workers} worker(s): ${(s.wallMs / 1000).toFixed(1)} s, ${s.requests} requests`,
      ),
      ...floorSummaries.map((f) => `floor at ${f.workers}: ${(f.wallMs / 1000).toFixed(1)} s`),
    ].join('; ')
  },
  overhead: async () => {
    results.overhead = await measureHarnessOverhead(settings.overheadRounds)
    const o = results.overhead
    return `harness ${o.harnessUndiciMs.toFixed(1)} ms (on APIRequestContext ${o.harnessMs.toFixed(1)} ms), bare ${o.bareMs.toFixed(1)} ms per scenario`
  },
  reference: async () => {
    results.reference = { options: settings.load, comparisons: await measureReferenceLoad(settings.load) }
    return results.reference.comparisons
      .map(
        (c) =>
          `${c.operation} ${Math.round(c.reference.requestsPerSecond)}/s vs bare ${Math.round(c.bare.requestsPerSecond)}/s`,
      )
      .join('; ')
  },
  growth: async () => {
    results.growth = { options: settings.growth, cases: await measureGrowth(settings.growth) }
    return results.growth.cases.map((c) => `${c.operation} ×${c.ratio.toFixed(2)}`).join('; ')
  },
  properties: async () => {
    results.properties = await measurePropertyCases(settings.properties)
    return (
      results.properties.notMeasured ??
      results.properties.medians.map((m) => `${m.cases} cases ${(m.wallMs / 1000).toFixed(1)} s`).join('; ')
    )
  },
}

const resultsPage = 'docs/benchmarks.md'

/** docs/benchmarks.md states the results of a whole run only: every section measured at full size. */
function updateReadme(): void {
  const whole = !quick && sectionIds.every((id) => only.includes(id)) && Object.keys(results.errors).length === 0
  if (!whole) return
  const readme = readFileSync(resultsPage, 'utf8')
  const updated = withBenchResults(readme, readmeResults(results))
  if (updated === readme) return
  writeFileSync(resultsPage, updated)
  console.log(`${resultsPage}: benchmark results updated`)
}

function finish(): string[] {
  results.finishedAt = new Date().toISOString()
  const files = writeBenchReports(values.out, results)
  if (quick) console.log('\nQuick run: small sizes and few repeats; the verdicts below do not speak to the targets.')
  console.log(`\n${targetTable(results)}\n\nWrote ${files.join(', ')}`)
  updateReadme()
  return files
}

/** The section under way, whose results so far a deadline still writes. */
let current: SectionId | undefined

async function bench(): Promise<number> {
  for (const id of sectionIds.filter((s) => only.includes(s))) {
    current = id
    console.log(`bench: ${id}…`)
    try {
      console.log(`  ${await sections[id]()}`)
    } catch (error) {
      results.errors[id] = (error as Error).message.split('\n')[0] ?? 'failed'
      console.error(`  failed: ${results.errors[id]}`)
    }
  }
  current = undefined
  await stopAll()
  finish()
  return Object.keys(results.errors).length === 0 ? 0 : 1
}

const deadline = setTimeout(() => {
  console.error(
    `bench: still running after ${Math.round(settings.deadlineMs / 1000)} s; stopping and writing what was measured`,
  )
  for (const id of sectionIds) {
    if (only.includes(id) && (!results[id] || id === current))
      results.errors[id] ??=
        id === current ? 'the bench ran out of time: what it measured so far' : 'the bench ran out of time'
  }
  void stopAll().then(() => {
    finish()
    process.exit(1)
  })
}, settings.deadlineMs)
deadline.unref()

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void stopAll().then(() => process.exit(130)))
}

bench().then(
  (code) => process.exit(code),
  async (error: unknown) => {
    console.error(`bench: ${(error as Error).message}`)
    await stopAll()
    process.exit(1)
  },
)
