import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { test } from 'node:test'
import { targetChart } from '../../src/bench/benchChart.ts'
import { markdownReport, readmeMarkers, readmeResults, withBenchResults } from '../../src/bench/benchReport.ts'
import type { BenchResults } from '../../src/bench/benchResults.ts'
import { interleaved, median, percentile } from '../../src/bench/samples.ts'
import { judge, targets, type Target } from '../../src/bench/targets.ts'

const empty: BenchResults = {
  startedAt: '2026-01-01T00:00:00.000Z',
  finishedAt: '2026-01-01T00:01:00.000Z',
  machine: { node: 'v20', cpus: 2, cpuModel: 'cpu', loadAverage: 0 },
  quick: false,
  errors: {},
}

const target = (comparison: Target['comparison'], value: number | undefined): Target => ({
  id: 't',
  title: 't',
  comparison,
  limit: 1.5,
  unit: '×',
  measure: () => value,
})

test('a target is met on its side of the limit, the limit included', () => {
  const verdicts = [
    judge(target('at most', 1.5), empty),
    judge(target('at most', 1.51), empty),
    judge(target('at least', 1.5), empty),
    judge(target('at least', 1.49), empty),
    judge(target('at most', undefined), empty),
    judge(target('at most', Number.NaN), empty),
  ].map((r) => r.verdict)
  assert.deepEqual(verdicts, ['met', 'not met', 'met', 'not met', 'not measured', 'not measured'])
})

test('a list operation is judged by its worst request, each request has its verdict, and a section that did not run is said to be not measured', () => {
  const row = (what: string, ratio: number) => ({
    operation: 'listTagValues' as const,
    what,
    smallMs: 1,
    largeMs: ratio,
    smallP90Ms: 1,
    largeP90Ms: ratio,
    ratio,
  })
  const growth = {
    options: { small: 1_000, large: 100_000, samples: 1 },
    cases: [row('first page', 1.1), row('a later page', 30)],
  }
  const results = { ...empty, growth, errors: { certification: 'certify exited 1' } }
  assert.equal(judge(targets.find((t) => t.id === 'growth.listTagValues') as Target, results).verdict, 'not met')
  const report = markdownReport(results)
  assert.match(
    report,
    /\| listTagValues: latency at 100,000 \/ at 1,000 stored, worst request \| 30\.0× \| ≤ 1\.50× \| \*\*not met\*\* \|/,
  )
  assert.match(report, /\| listTagValues \| first page \| .* \| 1\.10× \| met \|/)
  assert.match(report, /\| listTagValues \| a later page \| .* \| 30\.0× \| \*\*not met\*\* \|/)
  assert.equal(judge(targets.find((t) => t.id === 'growth.listUsers') as Target, results).verdict, 'not measured')
  assert.match(report, /## 1\. Full certification\n\nNot measured: certify exited 1/)
  assert.match(report, /## 2\. Harness overhead\n\nNot measured: not run/)
})

test('the chart draws one bar per target and escapes its labels', () => {
  const svg = targetChart([
    { id: 'a', title: 'a < b', comparison: 'at most', limit: 1, unit: '×', measured: 2, verdict: 'not met' },
  ])
  assert.equal(svg.match(/<rect /g)?.length, 2) // the background and the bar
  assert.match(svg, /a &lt; b/)
  assert.match(svg, /2\.00× \(≤ 1\.00×\) not met/)
})

test('medians and percentiles of samples, and interleaved turns', () => {
  assert.equal(median([3, 1, 2]), 2)
  assert.equal(median([4, 1, 3, 2]), 2.5)
  assert.ok(Number.isNaN(median([])))
  assert.equal(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9), 9)
  assert.deepEqual(interleaved(['a', 'b', 'c'], 2), ['a', 'b', 'c', 'b', 'c', 'a'])
})

test('property cases: the time per added case of each step, or why nothing was measured', () => {
  const runs = [
    { cases: 10, wallMs: 4_000 },
    { cases: 100, wallMs: 5_800 },
    { cases: 1_000, wallMs: 23_800 },
  ]
  const measured = { grep: 'p', spec: undefined, tests: 1, runs, medians: runs }
  assert.match(
    markdownReport({ ...empty, properties: measured }),
    /Time per added case: 10 → 100: 20\.0 ms, 100 → 1,000: 20\.0 ms\./,
  )
  const none = { ...measured, tests: 0, runs: [], medians: [], notMeasured: 'no property in this build' }
  assert.match(
    markdownReport({ ...empty, properties: none }),
    /## 5\. Property cases\n\nNot measured: no property in this build\./,
  )
})

test('the results table of docs/benchmarks.md is replaced between its markers, and the page has them', () => {
  const readme = `before\n${readmeMarkers.start} — generated -->\nold table\n${readmeMarkers.end}\nafter\n`
  const growth = {
    options: { small: 1_000, large: 100_000, samples: 1 },
    cases: [
      {
        operation: 'listUsers' as const,
        what: 'w',
        smallMs: 1,
        largeMs: 1.2,
        smallP90Ms: 1,
        largeP90Ms: 1,
        ratio: 1.2,
      },
    ],
  }
  const updated = withBenchResults(readme, readmeResults({ ...empty, growth }))
  assert.doesNotMatch(updated, /old table/)
  assert.match(
    updated,
    /^before\n<!-- bench:start — generated -->\nResults of `npm run bench` \(2026-01-01, .*; sections not measured in this run: certification, overhead, reference, properties;/,
  )
  assert.match(
    updated,
    /\| listUsers: latency at 100,000 \/ at 1,000 stored, worst request \| 1\.20× \| ≤ 1\.50× \| met \|/,
  )
  assert.match(updated, /\| full certification .* \| — \| ≤ 10\.0 s \| \*\*not measured\*\* \|\n/)
  assert.match(updated, /\| listTagValues: .* \|\n<!-- bench:end -->\nafter\n$/)
  assert.throws(() => withBenchResults('no markers', 'x'), /docs\/benchmarks\.md has no <!-- bench:start/)
  const ours = readFileSync(new URL('../../docs/benchmarks.md', import.meta.url), 'utf8')
  assert.equal(withBenchResults(ours, 'x').includes(`${readmeMarkers.start}`), true)
})
