// bench.svg: one bar per target, its measurement as a multiple of its limit, with the limit
// drawn as a line at 1. For an "at most" target the bar must stop before the line; for an
// "at least" target it must reach past it.
import { formatNumber, limitText, type TargetResult } from './targets.ts'

const colors = { met: '#2e7d32', 'not met': '#c62828', 'not measured': '#9e9e9e' } as const

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

export function targetChart(results: readonly TargetResult[]): string {
  const row = 34
  const labelWidth = 430
  const barWidth = 300
  const valueWidth = 190
  const top = 52
  const width = labelWidth + barWidth + valueWidth
  const height = top + row * results.length + 30
  const scale = Math.max(2, ...results.map((r) => (r.measured ?? 0) / r.limit))
  const x = (multiple: number) => labelWidth + (Math.min(multiple, scale) / scale) * barWidth
  const rows = results.map((result, i) => {
    const y = top + i * row
    const multiple = (result.measured ?? 0) / result.limit
    const value =
      result.measured === undefined
        ? 'not measured'
        : `${formatNumber(result.measured, result.unit)} (${limitText(result)})`
    return [
      `<text x="${labelWidth - 10}" y="${y + 18}" text-anchor="end">${escape(result.title)}</text>`,
      `<rect x="${labelWidth}" y="${y + 6}" width="${Math.max(1, x(multiple) - labelWidth).toFixed(1)}" height="18" fill="${colors[result.verdict]}"/>`,
      `<text x="${labelWidth + barWidth + 10}" y="${y + 18}">${escape(value)} ${result.verdict}</text>`,
    ].join('\n')
  })
  const limitX = x(1).toFixed(1)
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    `<text x="10" y="22" font-size="14" font-weight="bold">Benchmark targets: each measurement as a multiple of its limit</text>`,
    `<text x="10" y="40">≤ targets must stop before the dashed line, ≥ targets must reach past it</text>`,
    ...rows,
    `<line x1="${limitX}" y1="${top}" x2="${limitX}" y2="${top + row * results.length}" stroke="black" stroke-dasharray="4 3"/>`,
    `<text x="${limitX}" y="${height - 10}" text-anchor="middle">limit</text>`,
    '</svg>',
    '',
  ].join('\n')
}
