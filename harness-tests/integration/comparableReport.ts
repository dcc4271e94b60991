// Two certifications of one target with one seed and run id differ only in what time and the
// target make up: timestamps, durations, and the ids the target gives what it creates. This
// replaces those with placeholders; everything else must be equal.
import type { ConformanceReport } from '../../src/harness/reporting/conformanceReport.ts'

const isoTime = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g
const httpDate = /[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT/g
// The reference's ids: a prefix and a ULID.
const targetId = /\b[a-z]+_[0-9A-HJKMNP-TV-Z]{26}\b/g

export function comparable(report: ConformanceReport): unknown {
  const { startedAt: _started, finishedAt: _finished, ...rest } = report
  const text = JSON.stringify(rest, (key, value: unknown) => (key === 'durationMs' ? 0 : value), 2)
  return JSON.parse(text.replace(isoTime, '<time>').replace(httpDate, '<date>').replace(targetId, '<id>')) as unknown
}
