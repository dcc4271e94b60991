// Playwright reporter that writes the certification report (reports/conformance.json, .md,
// .html and badge.svg). It reads what tests recorded (titles, annotations, attachments), the
// run's metadata and the catalogue of checks, so it gives the same report live, or later from
// merged shard reports (npx playwright merge-reports, npm run report).
import type { FullConfig, FullResult, Reporter, Suite, TestCase, TestResult } from '@playwright/test/reporter'
import { SecretMask } from '../client/secretMask.ts'
import { exchangeAttachmentName, type ExchangeAttachment } from '../client/exchangeLog.ts'
import { catalogue } from '../catalogue/catalogue.ts'
import type { DerivedEntry } from '../catalogue/catalogueEntry.ts'
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
import { writeReportFiles } from './reportFiles.ts'
import { consoleSummary } from './reportWording.ts'
import { readRunMetadata } from './runMetadata.ts'
import { runFacts } from './runFacts.ts'

interface Options {
  outputDir?: string
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

function attachmentOf(result: TestResult | undefined): ExchangeAttachment | undefined {
  const found = result?.attachments.find((a) => a.name === exchangeAttachmentName)
  if (!found?.body) return undefined
  try {
    return JSON.parse(found.body.toString('utf8')) as ExchangeAttachment
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

  constructor(options: Options = {}) {
    this.outputDir = options.outputDir ?? (process.env.CONFORMANCE_REPORT_DIR?.trim() || 'reports')
  }

  onBegin(config: FullConfig, suite: Suite): void {
    this.config = config
    this.suite = suite
    this.startedAt = new Date()
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    this.results.set(test.id, result)
  }

  printsToStdio(): boolean {
    return false
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
    for (const test of this.suite?.allTests() ?? []) {
      const result = this.results.get(test.id)
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
    })
  }

  /**
   * Writes the report. A run whose tests all passed but whose certified level does not conform
   * (partial, incomplete) ends as failed: `npx playwright test` exits 0 only for a certificate.
   */
  // eslint-disable-next-line @typescript-eslint/require-await -- Playwright reads a changed status from a promise
  async onEnd(result: FullResult): Promise<{ status: FullResult['status'] } | undefined> {
    // `playwright test --list` runs no test: it must not overwrite the last report.
    if (this.results.size === 0 && (this.suite?.allTests().length ?? 0) > 0 && result.status === 'passed')
      return undefined
    let report: ConformanceReport
    try {
      report = this.buildReport(result)
    } catch (error) {
      // No report rather than a wrong one: certify and report then say the run wrote none.
      console.error(`\nConformance: no report written: ${(error as Error).message}`)
      return result.status === 'passed' ? { status: 'failed' } : undefined
    }
    const files = writeReportFiles(this.outputDir, report)
    console.log(`\n${consoleSummary(report, files)}`)
    return result.status === 'passed' && report.summary.verdict !== 'conforms' ? { status: 'failed' } : undefined
  }
}
