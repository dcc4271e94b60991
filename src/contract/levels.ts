// The levels a run can certify, after Gateway API's core/extended split. Each check belongs to
// one level; a level is certified by its own checks plus core's.
export const levels = ['core', 'strict', 'full'] as const

/** core: documented rules; strict adds the [usage] rules; full adds optional features. */
export type Level = (typeof levels)[number]

/**
 * What a check needs from the target beyond the core API: an action to call, an installed
 * integration, or the spec scope (the 15 operations of the published API beyond the documented 33).
 */
export type Feature = 'action' | 'integration' | 'specScope'

export const features: readonly Feature[] = ['action', 'integration', 'specScope']

/** The level of every check that needs a feature (and of the spec scope's operations). */
export const featureLevel: Level = 'full'

/** Why a check of a feature the run is not configured for is skipped: its reason in the report. */
export const notConfigured: Record<Feature, string> = {
  action: 'not configured: set CONFORMANCE_ACTION (and CONFORMANCE_ACTION_INPUT) to an action the bot has',
  integration: 'not configured: set CONFORMANCE_INTEGRATION_ID to an integration installed on the bot',
  specScope:
    'not configured: set CONFORMANCE_SPEC_SCOPE=on to certify the operations beyond the documented 33 (tasks, workflows, …)',
}

export const levelMeaning: Record<Level, string> = {
  core: 'every documented ([doc]) rule',
  strict: 'core plus the rules of how the vendor’s client uses the API ([usage])',
  full: 'core plus the optional features the target is configured for',
}

export function isLevel(value: string): value is Level {
  return (levels as readonly string[]).includes(value)
}

/** Whether a check counts at a level: core always; strict and full their own (full: configured features only). */
export function countsAt(
  check: { level: Level; needs?: Feature | undefined },
  level: Level,
  configured: ReadonlySet<Feature>,
): boolean {
  if (check.level === 'core') return true
  if (check.level !== level) return false
  return check.needs === undefined || configured.has(check.needs)
}
