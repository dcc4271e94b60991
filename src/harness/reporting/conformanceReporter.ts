// Playwright reporter that writes the certification report (reports/conformance.json, .md,
// .html, badge.svg and junit.xml) and prints the run on the terminal (terminalOutput.ts). It reads
// what tests recorded (titles, annotations, attachments), the run's metadata and the catalogue of
// checks, so it gives the same report live, or later from merged shard reports (npx playwright
// merge-reports, npm run report). A check is judged by its status alone: a failed check may be
// marked expected-to-fail to keep its worker (runner/failureMode.ts), and still counts failed here,
// in junit.xml and in the run's exit status.
import { basename } from 'node:path'
import type {
  FullConfig,
  FullResult,
  Reporter,
  Suite,
  TestCase,
  TestError,
  TestResult,
} from '@playwright/test/reporter'
import { SecretMask } from '../client/secretMask.ts'
import { exchangeAttachmentName, type ExchangeAttachment } from '../client/exchangeLog.ts'
import { catalogue } from '../catalogue/catalogue.ts'
import type { DerivedEntry } from '../catalogue/catalogueEntry.ts'
import { derivedCoverageNotes, type DerivedCoverageNote } from '../checks/derivedCoverageNote.ts'
import { derivedCoverage } from './derivedCoverage.ts'
import { judgeDerivedChecks } from './derivedChecks.ts'
import {
  featureSplit,
  judge,
  sortChecks,
  summarise,
  worst,
  type CheckEntry,
  type CheckStatus,
  type ConformanceReport,
} from './conformanceReport.ts'
import { testFailureDetails } from './failureDetails.ts'
import type { CheckTiming } from './junitReport.ts'
import { reportFileNames } from './reportFileNames.ts'
import { writeReportFiles } from './reportFiles.ts'
import { consoleSummary } from './reportWording.ts'
import { failureLine, failuresFooter, progressLine, progressStep, startLine } from './terminalOutput.ts'
import { readRunMetadata } from './runMetadata.ts'
import { runFacts } from './runFacts.ts'

interface Options {
  outputDir?: string
  /** Set by Playwright: 'list' for `playwright test --list`, which runs nothing. */
  _mode?: string
}

const ansi = /\u001b\[[0-9;]*m/g

function plain(text: string | undefined): string | undefined {
  return text?.replace(ansi, '')
}

function firstLine(text: string | undefined): string | undefined {
  const line = plain(text)
    ?.split('\n')
    .find((l) => l.trim() !== '')
  return line?.trim().replace(/^(Error|ConformanceFailure|TransportFailure): /, '')
}

function statusOf(result: TestResult | undefined): CheckStatus {
  if (!result) return 'not run'
  if (result.status === 'passed') return 'passed'
  if (result.status === 'skipped') return 'skipped'
  return 'failed'
}

function errorMessage(result: TestResult | undefined): string | undefined {
  return result?.errors[0]?.message ?? result?.error?.message
}

function reasonOf(test: TestCase, result: TestResult | undefined, status: CheckStatus): string | undefined {
  if (status === 'passed') return undefined
  if (!result) return notRun.ended
  if (status === 'skipped') {
    const skip = [...(result.annotations ?? []), ...test.annotations].find((a) => a.type === 'skip')
    return skip?.description ?? 'skipped'
  }
  if (result.status === 'timedOut') return `did not finish within ${test.timeout} ms`
  if (result.status === 'interrupted') return 'interrupted before it finished'
  return firstLine(errorMessage(result)) ?? 'failed'
}

/** Why a check of the catalogue has no result: what the run selected, and how it ended. */
const notRun = {
  unselected: 'not run: this run did not select it (--grep, a file, a shard, --last-failed …)',
  ended: 'not run: the run ended before it (--max-failures, the run’s time limit, or an interruption)',
} as const

/** A check's record of its exchanges: attached when it has exchanges to show, an annotation when it holds counts alone. */
function attachmentOf(result: TestResult | undefined): ExchangeAttachment | undefined {
  const attached = result?.attachments.find((a) => a.name === exchangeAttachmentName)?.body?.toString('utf8')
  const text = attached ?? result?.annotations?.find((a) => a.type === exchangeAttachmentName)?.description
  if (text === undefined) return undefined
  try {
    return JSON.parse(text) as ExchangeAttachment
  } catch {
    return undefined
  }
}

/** Belt and braces: checks mask what they throw and record, and the report is masked once more when the token is known. */
function masked(report: ConformanceReport): ConformanceReport {
  const token = process.env.CONFORMANCE_TOKEN?.trim()
  if (!token) return report
  return JSON.parse(new SecretMask(token).mask(JSON.stringify(report))) as ConformanceReport
}

export default class ConformanceReporter implements Reporter {
  private readonly outputDir: string
  private config: FullConfig | undefined
  private suite: Suite | undefined
  private startedAt = new Date()
  private readonly results = new Map<string, TestResult>()
  private readonly tty = process.stdout.isTTY === true
  private total = 0
  private failed = 0
  private skipped = 0
  /** Whether the last thing written is a progress line a terminal may overwrite. */
  private progressShown = false

  /** `--list`: nothing to print or write; Playwright's own list reporter prints the tests. */
  private readonly listing: boolean

  constructor(options: Options = {}) {
    this.outputDir = options.outputDir ?? (process.env.CONFORMANCE_REPORT_DIR?.trim() || 'reports')
    this.listing = options._mode === 'list'
  }

  onBegin(config: FullConfig, suite: Suite): void {
    this.config = config
    this.suite = suite
    this.startedAt = new Date()
    this.total = suite.allTests().length
    // No test: --list, or the global setup (preflight) stopped the run and onError says why.
    if (this.listing || this.total === 0) return
    const derived = catalogue().entries.filter((entry) => entry.derived).length
    this.print(startLine(this.total, derived, config.workers))
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    this.results.set(test.id, result)
    const status = statusOf(result)
    if (status === 'skipped') this.skipped++
    if (status === 'failed') {
      this.failed++
      const entry = this.checkOf(test, result, attachmentOf(result))
      this.print(entry ? failureLine(entry) : `✗ ${test.title}: ${reasonOf(test, result, status) ?? 'failed'}`)
    }
    this.showProgress()
  }

  onError(error: TestError): void {
    const where = error.location ? ` (${error.location.file}:${error.location.line})` : ''
    this.print(`error: ${firstLine(error.message) ?? 'unknown error'}${where}`)
  }

  printsToStdio(): boolean {
    return !this.listing
  }

  private print(line: string): void {
    if (this.progressShown && this.tty) process.stdout.write('\r\u001b[K')
    this.progressShown = false
    console.log(line)
  }

  private showProgress(): void {
    const done = this.results.size
    const line = progressLine({
      done,
      total: this.total,
      failed: this.failed,
      skipped: this.skipped,
      elapsedMs: Date.now() - this.startedAt.getTime(),
    })
    if (this.tty) {
      process.stdout.write(`\r\u001b[K${line}`)
      this.progressShown = true
    } else if (done % progressStep(this.total) === 0 || done === this.total) {
      console.log(line)
    }
  }

  /** A test's result as the report's entry; the check's facts come from the catalogue, by the id its title starts with. */
  private checkOf(
    test: TestCase,
    result: TestResult | undefined,
    attachment: ExchangeAttachment | undefined,
  ): CheckEntry | undefined {
    const check = catalogue().get(test.title.split(' ')[0] ?? '')
    if (!check) return undefined
    const status = statusOf(result)
    const entry: CheckEntry = {
      id: check.id,
      operation: check.operation,
      rule: check.rule,
      level: check.level,
      status,
      title: test.title,
      ...(check.needs ? { needs: check.needs } : {}),
    }
    const reason = reasonOf(test, result, status)
    if (reason !== undefined) entry.reason = reason
    if (status === 'failed')
      entry.failure = testFailureDetails(check.id, plain(errorMessage(result)) ?? reason ?? 'failed', attachment)
    const observations = (result?.annotations ?? [])
      .filter((a) => a.type === 'observation' && a.description)
      .map((a) => a.description as string)
    if (observations.length > 0) entry.observations = observations
    return entry
  }

  /** result: the run's (or the merged shards') start and duration; the reporter's own clock without it. */
  buildReport(result?: Pick<FullResult, 'startTime' | 'duration'>): ConformanceReport {
    const run = readRunMetadata(this.config?.metadata ?? {})
    const byId = new Map<string, CheckEntry>()
    const attachments: { id: string; attachment: ExchangeAttachment }[] = []
    const notes: DerivedCoverageNote[] = []
    for (const test of this.suite?.allTests() ?? []) {
      const result = this.results.get(test.id)
      notes.push(...derivedCoverageNotes(result?.annotations ?? []))
      const attachment = attachmentOf(result)
      const entry = this.checkOf(test, result, attachment)
      if (!entry) continue
      // A test repeated (--repeat-each) is one check: its worst result counts.
      const earlier = byId.get(entry.id)
      if (!earlier || worst([earlier.status, entry.status]) !== earlier.status) byId.set(entry.id, entry)
      if (attachment) attachments.push({ id: entry.id, attachment })
    }
    // The checks of the catalogue this run did not select: a filtered run is partial, never a certificate.
    for (const entry of catalogue().entries) {
      if (entry.derived || byId.has(entry.id)) continue
      byId.set(entry.id, {
        id: entry.id,
        operation: entry.operation,
        rule: entry.rule,
        level: entry.level,
        status: 'not run',
        title: `${entry.id} ${entry.summary}`,
        reason: notRun.unselected,
        ...(entry.needs ? { needs: entry.needs } : {}),
      })
    }
    const checks = [...byId.values()]
    const partial = checks.some((check) => check.status === 'not run')
    // Sorted by check id: the derived checks pick the same first culprit however the run was split.
    attachments.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    const derived = catalogue().entries.filter((entry): entry is DerivedEntry => entry.derived)
    checks.push(
      ...judgeDerivedChecks(
        derived,
        attachments.map((a) => a.attachment),
        run.features,
        partial,
      ),
    )
    const { operations, levels } = judge(checks, run.features)
    return masked({
      baseUrl: run.baseUrl,
      embedded: run.embedded,
      target: run.target,
      startedAt: (result?.startTime ?? this.startedAt).toISOString(),
      finishedAt: (result ? new Date(result.startTime.getTime() + result.duration) : new Date()).toISOString(),
      seed: run.seed,
      runId: run.runId,
      harnessVersion: run.harnessVersion,
      level: run.level,
      complete: levels[run.level].complete,
      features: featureSplit(run.features),
      summary: summarise(checks, run.level, levels[run.level].verdict),
      requests: attachments.reduce(
        (sum, { attachment }) => sum + Object.values(attachment.seen).reduce((n, count) => n + (count ?? 0), 0),
        0,
      ),
      levels,
      operations,
      ...runFacts(
        attachments.map((a) => a.attachment),
        this.outputDir,
        run.runId,
        this.config?.shard ?? null,
      ),
      checks: sortChecks(checks),
      derivedCoverage: derivedCoverage(notes),
    })
  }

  /** Per tested check: its spec file and duration, for junit.xml. */
  private timings(): Map<string, CheckTiming> {
    const timings = new Map<string, CheckTiming>()
    for (const test of this.suite?.allTests() ?? []) {
      const id = test.title.split(' ')[0] ?? ''
      const result = this.results.get(test.id)
      timings.set(id, { file: basename(test.location.file), durationMs: result?.duration ?? 0 })
    }
    return timings
  }

  /**
   * Writes the report. A run whose tests all passed but whose certified level does not conform
   * (a failed check that kept its worker, a partial run) ends as failed: `npx playwright test`
   * exits 0 only for a certificate.
   */
  // Async because Playwright takes a status only from a promise.
  // eslint-disable-next-line @typescript-eslint/require-await
  async onEnd(result: FullResult): Promise<{ status: FullResult['status'] } | undefined> {
    if (this.progressShown) this.print('')
    // `playwright test --list` runs no test: it must not overwrite the last report.
    if (this.listing) return undefined
    if (this.results.size === 0 && (this.suite?.allTests().length ?? 0) > 0 && result.status === 'passed')
      return undefined
    let report: ConformanceReport
    try {
      report = this.buildReport(result)
    } catch (error) {
      // No report rather than a wrong one: certify and report then say the run wrote none.
      console.error(`\nConformance: no report written: ${(error as Error).message}`)
      return { status: 'failed' }
    }
    const files = writeReportFiles(this.outputDir, report, this.timings())
    // Checks judged from every answer are known only now; the tests' failures were printed as they came.
    const derivedFailures = report.checks.filter((c) => c.status === 'failed' && catalogue().get(c.id)?.derived)
    for (const entry of derivedFailures) this.print(failureLine(entry))
    if (report.summary.failed > 0)
      this.print(failuresFooter(report.summary.failed, files.find((f) => f.endsWith(reportFileNames.markdown)) ?? ''))
    console.log(`\n${consoleSummary(report, files)}`)
    // A failed check that kept its worker counts as expected for Playwright: the run fails here,
    // as does a run whose level did not conform for another reason (partial).
    const certified = report.summary.failed === 0 && report.summary.verdict === 'conforms'
    return result.status === 'passed' && !certified ? { status: 'failed' } : undefined
  }
}
