// Where two resources differ, in one short line, for "expected the same fields" failures.
import { isDeepStrictEqual } from 'node:util'
import { shortValue } from '../../contract/violations.ts'

/** The first fields that differ (at most three), or undefined when equal. */
export function fieldDiff(expected: Record<string, unknown>, actual: Record<string, unknown>): string | undefined {
  const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort()
  const differing = keys.filter((key) => !isDeepStrictEqual(expected[key], actual[key]))
  if (differing.length === 0) return undefined
  return differing
    .slice(0, 3)
    .map(
      (key) =>
        `${key}: expected ${key in expected ? shortValue(expected[key]) : 'absent'}, got ${key in actual ? shortValue(actual[key]) : 'absent'}`,
    )
    .join('; ')
}

/** Like fieldDiff, but only over the fields of `expected`. */
export function subsetDiff(expected: Record<string, unknown>, actual: Record<string, unknown>): string | undefined {
  const picked = Object.fromEntries(
    Object.keys(expected)
      .filter((key) => key in actual)
      .map((key) => [key, actual[key]]),
  )
  return fieldDiff(expected, picked)
}
