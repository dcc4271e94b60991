// Playwright reporter that writes the certification report (reports/conformance.json). It only
// reads what tests recorded (titles, annotations, attachments), so it gives the same report
// live, or later from merged shard reports (npx playwright merge-reports).
import { mkdirSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { FullConfig, FullResult, Reporter, Suite, TestCase, TestResult } from '@playwright/test/reporter'
import { exchangeAttachmentName, type ExchangeAttachment } from '../client/exchangeLog.ts'
import type { Level } from '../checks/check.ts'
import type { OperationId } from '../contract/operations.ts'
import { isRuleId } from '../contract/rules.ts'
import { answerChecks } from './answerChecks.ts'
import { sortChecks, summarise, type CheckEntry, type CheckStatus, type ConformanceReport } from './conformanceReport.ts'
import { runFacts } from './runFacts.ts'

interface Options {
  outputDir?: string
}

const ansi = /\u001b\[[0-9;]*m/g

function firstLine(text: string | undefined): string | undefined {
  const line = text?.replace(ansi, '').split('\n').find((l) => l.trim() !== '')
  return line?.trim().replace(/^(Error|ConformanceFailure|TransportFailure): /, '')
}

function annotation(test: TestCase, type: string): string | undefined {
  return test.annotations.find((a) => a.type === type)?.description
}

function statusOf(result: TestResult | undefined): CheckStatus {
  if (!result) return 'skipped'
  if (result.status === 'passed') return 'passed'
  if (result.status === 'skipped') return 'skipped'
  return 'failed'
}

function reasonOf(test: TestCase, result: TestResult | undefined, status: CheckStatus): string | undefined {
  if (status === 'passed') return undefined
  if (!result) return 'did not run: the run ended before it'
  if (status === 'skipped') {
    const skip = [...(result.annotations ?? []), ...test.annotations].find((a) => a.type === 'skip')
    return skip?.description ?? 'skipped'
  }
  if (result.status === 'timedOut') return `did not finish within ${test.timeout} ms`
  if (result.status === 'interrupted') return 'interrupted before it finished'
  return firstLine(result.errors[0]?.message ?? result.error?.message) ?? 'failed'
}

function attachmentOf(result: TestResult | undefined): ExchangeAttachment | undefined {
  const found = result?.attachments.find((a) => a.name === exchangeAttachmentName)
  if (!found?.body) return undefined
  try {
    return JSON.parse(found.body.toString('utf8')) as ExchangeAttachment
  } catch {
    return undefined
  }
}

export default class ConformanceReporter implements Reporter {
  private readonly outputDir: string
  private config: FullConfig | undefined
  private suite: Suite | undefined
  private startedAt = new Date()
  private readonly results = new Map<string, TestResult>()

  constructor(options: Options = {}) {
    this.outputDir = options.outputDir ?? 'reports'
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

  buildReport(): ConformanceReport {
    const checks: CheckEntry[] = []
    const attachments: ExchangeAttachment[] = []
    for (const test of this.suite?.allTests() ?? []) {
      const result = this.results.get(test.id)
      const status = statusOf(result)
      const rule = annotation(test, 'rule') ?? ''
      const attachment = attachmentOf(result)
      if (attachment) attachments.push(attachment)
      if (!isRuleId(rule)) continue
      const entry: CheckEntry = {
        id: test.title.split(' ')[0] ?? test.title,
        operation: (annotation(test, 'operation') ?? '') as OperationId,
        rule,
        level: (annotation(test, 'level') ?? 'core') as Level,
        status,
        title: test.title,
      }
      const reason = reasonOf(test, result, status)
      if (reason !== undefined) entry.reason = reason
      checks.push(entry)
    }
    checks.push(...answerChecks(attachments))
    const metadata = (this.config?.metadata ?? {}) as Record<string, unknown>
    return {
      baseUrl: typeof metadata.baseUrl === 'string' ? metadata.baseUrl : '',
      embedded: metadata.embedded === true,
      startedAt: this.startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      seed: typeof metadata.seed === 'number' ? metadata.seed : undefined,
      runId: typeof metadata.runId === 'string' ? metadata.runId : undefined,
      harnessVersion: typeof metadata.harnessVersion === 'string' ? metadata.harnessVersion : undefined,
      summary: summarise(checks),
      ...runFacts(attachments, this.outputDir, typeof metadata.runId === 'string' ? metadata.runId : undefined, this.config?.shard ?? null),
      checks: sortChecks(checks),
    }
  }

  onEnd(_result: FullResult): void {
    const report = this.buildReport()
    mkdirSync(this.outputDir, { recursive: true })
    const path = join(this.outputDir, 'conformance.json')
    writeFileSync(`${path}.tmp`, `${JSON.stringify(report, null, 2)}\n`)
    renameSync(`${path}.tmp`, path)
    const { passed, failed, skipped, verdict } = report.summary
    console.log(`\nConformance: ${verdict} — ${passed} passed, ${failed} failed, ${skipped} skipped (seed ${report.seed}) → ${path}`)
  }
}
