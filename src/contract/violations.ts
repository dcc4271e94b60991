// Turns Ajv's errors into one readable line per problem: where, which rule, what, and the value.
import type { ErrorObject } from 'ajv'
import { isRuleId, type RuleId } from './rules.ts'

export interface Violation {
  rule: RuleId
  /** JSON pointer of the offending value in the body, "/" for the body itself. */
  path: string
  problem: string
  /** The offending value, shortened. */
  value?: string
}

const valueLimit = 80

/** A value as a short, single-line string; strings keep their length in code points. */
export function shortValue(value: unknown): string {
  if (typeof value === 'string') {
    const length = [...value].length
    const shown = length > valueLimit ? `${[...value].slice(0, valueLimit).join('')}…` : value
    return `${JSON.stringify(shown)} (${length} characters)`
  }
  const text = JSON.stringify(value) ?? String(value)
  return text.length > valueLimit ? `${text.slice(0, valueLimit)}…` : text
}

function ruleOf(error: ErrorObject, documentRule: RuleId): RuleId {
  const declared = error.parentSchema?.['x-rule'] as unknown
  return typeof declared === 'string' && isRuleId(declared) ? declared : documentRule
}

function problemOf(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>
  switch (error.keyword) {
    case 'required':
      return 'is required'
    case 'additionalProperties':
      return 'is not allowed (additionalProperties: false)'
    case 'enum':
      return `must be one of ${(params.allowedValues as readonly unknown[]).map((v) => JSON.stringify(v)).join(', ')}`
    case 'const':
      return `must be ${JSON.stringify(params.allowedValue)}`
    case 'discriminator':
      return `must be one of the documented values of ${String(params.tag)}`
    case 'minLength':
    case 'maxLength':
      return `${error.message} (code points)`
    default:
      return error.message ?? error.keyword
  }
}

function pathOf(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>
  const extra =
    error.keyword === 'required'
      ? params.missingProperty
      : error.keyword === 'additionalProperties'
        ? params.additionalProperty
        : error.keyword === 'discriminator'
          ? params.tag
          : undefined
  const path = typeof extra === 'string' ? `${error.instancePath}/${extra}` : error.instancePath
  return path === '' ? '/' : path
}

// Combinator errors (anyOf, oneOf, if) repeat what their branches already said; "must be null"
// is the unhelpful half of a nullable field. Keep them only when nothing else speaks for the path.
const echoKeywords = new Set(['anyOf', 'oneOf', 'if'])
function isEcho(error: ErrorObject): boolean {
  return (
    echoKeywords.has(error.keyword) ||
    (error.keyword === 'type' && (error.params as { type?: unknown }).type === 'null')
  )
}

/**
 * Readable violations from Ajv errors. documentRule is the rule of the whole document
 * (S13 for an error body, SHAPE otherwise) for constraints that carry no x-rule of their own.
 */
export function describeViolations(errors: readonly ErrorObject[], documentRule: RuleId): Violation[] {
  const pathsWithSubstance = new Set(errors.filter((e) => !isEcho(e)).map((e) => e.instancePath))
  const seen = new Set<string>()
  const violations: Violation[] = []
  for (const error of errors) {
    if (isEcho(error) && pathsWithSubstance.has(error.instancePath)) continue
    const violation: Violation = { rule: ruleOf(error, documentRule), path: pathOf(error), problem: problemOf(error) }
    if (error.keyword === 'discriminator')
      violation.value = shortValue((error.params as { tagValue?: unknown }).tagValue)
    else if (error.keyword !== 'required' && error.keyword !== 'additionalProperties')
      violation.value = shortValue(error.data)
    const key = `${violation.path}|${violation.problem}`
    if (seen.has(key)) continue
    seen.add(key)
    violations.push(violation)
  }
  return violations
}

/** `/user/id [S1] must NOT have fewer than 28 characters (code points), got "abc" (3 characters)` */
export function violationLine(violation: Violation): string {
  const got = violation.value === undefined ? '' : `, got ${violation.value}`
  return `${violation.path} [${violation.rule}] ${violation.problem}${got}`
}
