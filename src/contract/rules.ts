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
