// npm run mutants: the suite's self-test. It certifies the clean reference (every check must
// pass) and every faulty variant of it (src/reference/faults/: a check of the rule each fault
// breaks must fail), prints the table and the kill rate, writes reports/mutants.md and .json,
// and exits 0 only when the clean reference passed and every fault was caught by its own rule.
// Arguments: fault names to run only those; --parallel=N certifications at a time (default 2);
// --workers=N Playwright workers each (default 1). CONFORMANCE_SEED replays other cases.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ConfigError } from '../environment/configError.ts'
import { dataFile } from '../environment/packageLayout.ts'
import { readReportDir } from '../harness/config/harnessConfig.ts'
import { environment, parseInteger } from '../environment/environmentValues.ts'
import { faultsNamed, knownFaults } from '../reference/faults/index.ts'
import {
  consoleTable,
  killRateLine,
  markdownTable,
  withKillRate,
  type FaultResult,
  type MutantsReport,
} from '../selfTest/mutantsReport.ts'
import { stopCertificationProcesses } from '../runs/certificationProcess.ts'
import { runSelfTest } from '../selfTest/selfTest.ts'
import { exitWhenDone } from './exitWhenDone.ts'

/** The same cases every run unless CONFORMANCE_SEED says otherwise: the self-test must not flicker. */
const defaultSeed = 20_260_602
/** The page that states the kill rate of the whole set of faults. */
const killRatePage = 'docs/self-test.md'

function option(args: readonly string[], name: string, fallback: number): number {
  const given = args.find((arg) => arg.startsWith(`--${name}=`))
  if (given === undefined) return fallback
  const value = parseInteger({ [`--${name}`]: given.split('=')[1] }, `--${name}`, { min: 1, max: 16 })
  return value ?? fallback
}

function progressLine(result: FaultResult | { clean: MutantsReport['clean'] }): string {
  if ('clean' in result) {
    const { clean } = result
    return clean.passed
      ? `✓ clean reference passes: ${clean.checks} checks (${clean.seconds.toFixed(1)} s)`
      : `✗ clean reference FAILS: ${clean.problem ?? ''}`
  }
  const by =
    result.status === 'caught'
      ? `by ${result.caughtBy.slice(0, 2).join(', ')}${result.caughtBy.length > 2 ? ' …' : ''}`
      : (result.problem ?? '')
  return `${result.status === 'caught' ? '✓' : '✗'} ${result.fault} (${result.rule}): ${result.status} ${by} (${result.seconds.toFixed(1)} s)`
}

async function mutants(args: string[]): Promise<number> {
  const env = environment()
  const unknown = args.find((arg) => arg.startsWith('--') && !/^--(parallel|workers)=/.test(arg))
  if (unknown)
    throw new ConfigError(unknown, 'is not an option of npm run mutants (fault names, --parallel=N, --workers=N)')
  const names = args.filter((arg) => !arg.startsWith('--'))
  const faults = names.length > 0 ? faultsNamed(names.join(',')) : knownFaults
  const seed = parseInteger(env, 'CONFORMANCE_SEED', { min: 0, max: 2 ** 31 - 1 }) ?? defaultSeed
  const reportDir = readReportDir(env)
  const runsDir = join(reportDir, 'mutants')
  rmSync(runsDir, { recursive: true, force: true })

  let interrupted = false
  process.once('SIGINT', () => {
    interrupted = true
    console.error('\nmutants: interrupted; stopping the running certifications')
    // They run in process groups of their own, which the terminal's Ctrl+C does not reach.
    void stopCertificationProcesses()
  })
  console.log(`Mutation self-test: the clean reference and ${faults.length} faults, seed ${seed}`)
  const report = await runSelfTest({
    faults,
    dir: runsDir,
    seed,
    parallel: option(args, 'parallel', 2),
    workers: option(args, 'workers', 1),
    onResult: (result) => console.log(progressLine(result)),
    stopped: () => interrupted,
  })

  console.log(`\n${consoleTable(report)}`)
  mkdirSync(reportDir, { recursive: true })
  writeFileSync(join(reportDir, 'mutants.json'), `${JSON.stringify(report, null, 2)}\n`)
  writeFileSync(join(reportDir, 'mutants.md'), markdownTable(report))
  console.log(
    `reports: ${join(reportDir, 'mutants.md')}, ${join(reportDir, 'mutants.json')}; each run's own in ${runsDir}/`,
  )

  // docs/self-test.md states the kill rate of the whole set; only a whole run that held may restate it.
  if (names.length === 0 && report.passed) {
    const readme = readFileSync(dataFile(killRatePage), 'utf8')
    const updated = withKillRate(readme, killRateLine(report))
    if (updated !== readme) {
      writeFileSync(dataFile(killRatePage), updated)
      console.log(`${killRatePage}: kill rate updated`)
    }
  }
  // The closing line CI systems read: each fault caught, and the clean reference, is one pass.
  const held = report.caught + (report.clean.passed ? 1 : 0)
  console.log(`Mutants: ${held} passed, ${report.total + 1 - held} failed`)
  if (interrupted) return 130
  return report.passed ? 0 : 1
}

exitWhenDone('mutants', mutants(process.argv.slice(2)))
