// reports/badge.svg: a shields-style badge of the certified level, e.g.
// "Runtime API conformance | core 33/33" (green), "core 2 failing" (red), "core 1 skipped" (amber),
// "core partial 3/472 checks" (grey: a filtered run certifies nothing). full names what it
// covered when an optional feature was not configured: "full (core only) 33/33".
import type { ConformanceReport, Verdict } from './conformanceReport.ts'

const label = 'Runtime API conformance'

const colour: Record<Verdict, string> = {
  conforms: '#2e7d32',
  'does not conform': '#c62828',
  partial: '#9f9f9f',
  incomplete: '#b26a00',
}

/** The level as the badge names it: full says which optional features it covered, unless all. */
function levelName(report: ConformanceReport): string {
  if (report.level !== 'full' || report.features.notConfigured.length === 0) return report.level
  const { configured } = report.features
  return `full (${configured.length === 0 ? 'core only' : configured.join(', ')})`
}

export function badgeMessage(report: ConformanceReport): string {
  const result = report.levels[report.level]
  const { passed, failed, skipped, total } = result.operations
  const level = levelName(report)
  if (result.verdict === 'does not conform') return `${level} ${failed} failing`
  if (result.verdict === 'partial') {
    const checks = Object.values(result.checks).reduce((sum, n) => sum + n, 0)
    return `${level} partial ${checks - result.checks['not run']}/${checks} checks`
  }
  if (result.verdict === 'incomplete') return `${level} ${skipped > 0 ? `${skipped} skipped` : 'nothing checked'}`
  return `${level} ${passed}/${total}`
}

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

/** Verdana 11px averages about 6.8 px a character; textLength makes the glyphs fit exactly. */
function textWidth(text: string): number {
  return Math.round([...text].length * 6.8)
}

export function badgeSvg(report: ConformanceReport): string {
  const message = badgeMessage(report)
  const left = textWidth(label) + 12
  const right = textWidth(message) + 12
  const width = left + right
  const fill = colour[report.levels[report.level].verdict]
  const text = (x: number, value: string) =>
    `<text x="${x}" y="14" textLength="${textWidth(value)}" lengthAdjust="spacing">${xml(value)}</text>`
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20" role="img" aria-label="${xml(`${label}: ${message}`)}">`,
    `<title>${xml(`${label}: ${message}`)}</title>`,
    `<clipPath id="r"><rect width="${width}" height="20" rx="3" fill="#fff"/></clipPath>`,
    `<g clip-path="url(#r)"><rect width="${left}" height="20" fill="#555"/><rect x="${left}" width="${right}" height="20" fill="${fill}"/></g>`,
    `<g fill="#fff" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">`,
    text(6, label),
    text(left + 6, message),
    `</g>`,
    `</svg>`,
    '',
  ].join('\n')
}
