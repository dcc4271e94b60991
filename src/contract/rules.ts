// The rules a check can name: S1-S13, SHAPE for the contract's fields, types, required fields,
// envelopes and success statuses, and S14-S19 for the spec scope (docs/rules.md states each one).
const documentedRuleTitles = {
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

/**
 * The rules of the spec scope, the 15 operations of the published API beyond the documented 33:
 * their checks run when the target is configured for them (CONFORMANCE_SPEC_SCOPE=on).
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

/** Every rule a check can name, in the order of the report's columns. */
export const ruleTitles = { ...documentedRuleTitles, ...specRuleTitles } as const

export type RuleId = keyof typeof ruleTitles

/** Any rule: S1-S19 and SHAPE (the name faults use for what they may break). */
export type ChatRuleId = RuleId

export const ruleIds = Object.keys(ruleTitles) as RuleId[]

/** The rules of the documented 33 operations: SHAPE and S1-S13. */
export const documentedRuleIds = Object.keys(documentedRuleTitles) as RuleId[]

export function isRuleId(value: string): value is RuleId {
  return Object.hasOwn(ruleTitles, value)
}

/** The rule a check id starts with: "S6.discriminator.unlisted-tags-ignored" -> "S6". */
export function ruleOfCheck(checkId: string): RuleId {
  const prefix = checkId.split('.')[0] ?? ''
  if (!isRuleId(prefix)) throw new Error(`check id ${checkId} does not start with a rule id (${ruleIds.join(', ')})`)
  return prefix
}
