// The rules a check can name: S1-S13, and SHAPE for the contract's fields, types, required
// fields, envelopes and success statuses (docs/rules.md states each one).
export const ruleTitles = {
  SHAPE: 'Shapes: fields, types, envelopes, statuses',
  S1: 'Identifiers',
  S2: 'Dates',
  S3: 'String limits',
  S4: 'Enumerations',
  S5: 'Tags',
  S6: 'Get-or-create and tag discrimination',
  S7: 'Lists and pagination',
  S8: 'Read after write, delete',
  S9: 'Participants',
  S10: 'Events',
  S11: 'States',
  S12: 'Actions and integrations',
  S13: 'Errors',
} as const

export type RuleId = keyof typeof ruleTitles

/**
 * The rules of the spec scope, the 15 operations of the published API beyond the documented 33.
 * No check names them yet, so they stay out of ruleTitles (the report's columns, the coverage
 * gaps, the self-test's rules) until their checks exist; the reference's faults name them.
 */
export const specRuleTitles = {
  S14: 'Tasks',
  S15: 'Workflows',
  S16: 'Cancelling a scheduled event',
  S17: 'Importing messages',
  S18: 'Initializing an incoming message',
  S19: 'Analytics',
} as const

export type SpecRuleId = keyof typeof specRuleTitles

/** Any rule: S1-S13, SHAPE, and those of the spec scope. */
export type ChatRuleId = RuleId | SpecRuleId

export const ruleIds = Object.keys(ruleTitles) as RuleId[]

export function isRuleId(value: string): value is RuleId {
  return Object.hasOwn(ruleTitles, value)
}

/** The rule a check id starts with: "S6.discriminator.unlisted-tags-ignored" -> "S6". */
export function ruleOfCheck(checkId: string): RuleId {
  const prefix = checkId.split('.')[0] ?? ''
  if (!isRuleId(prefix)) throw new Error(`check id ${checkId} does not start with a rule id (${ruleIds.join(', ')})`)
  return prefix
}
