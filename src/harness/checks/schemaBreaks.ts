// One way to break a valid body, query or path, derived from its schema (the one home of the
// contract's constraints): a required property left out, a property of a type the schema does
// not allow, a value outside an enum. A break is checked against the schema when applied, so a
// check can never expect a 400 for a request that is in fact valid.
import { isRuleId, type RuleId } from '../../contract/rules.ts'
import { contractSchemas, type SchemaNode } from '../../contract/schemaRegistry.ts'

export interface SchemaBreak {
  /** What is broken, for a check's summary: "without userId", "with tags as 42". */
  description: string
  /** The broken constraint's own rule (x-rule), when it names one. */
  rule?: RuleId
  /** A copy of a valid value, broken. */
  apply(valid: Record<string, unknown>): Record<string, unknown>
}

/** A value of every JSON type; a wrong-typed value is the first one the schema does not allow. */
const samples: [jsonType: string, value: unknown][] = [
  ['number', 42],
  ['string', 'conformance'],
  ['boolean', true],
  ['array', []],
  ['object', {}],
]

const outsiders = ['conformance-undocumented', 'conformance-undocumented-value']

function propertiesOf(schemaName: string): [string, SchemaNode][] {
  return Object.entries((contractSchemas().schemaOf(schemaName).properties ?? {}) as Record<string, SchemaNode>)
}

function allowedTypes(node: SchemaNode): string[] | undefined {
  if (typeof node.type === 'string') return node.type === 'number' ? ['number', 'integer'] : [node.type]
  if (Array.isArray(node.type))
    return (node.type as string[]).flatMap((t) => (t === 'number' ? ['number', 'integer'] : [t]))
  return undefined
}

function breakOf(
  schemaName: string,
  description: string,
  node: SchemaNode | undefined,
  change: (valid: Record<string, unknown>) => Record<string, unknown>,
): SchemaBreak {
  const rule = node?.['x-rule']
  return {
    description,
    ...(typeof rule === 'string' && isRuleId(rule) ? { rule } : {}),
    apply(valid) {
      const broken = change(valid)
      if (contractSchemas().validate(schemaName, broken).length === 0) {
        throw new Error(`harness bug: ${JSON.stringify(broken)} (${description}) is valid against ${schemaName}`)
      }
      return broken
    },
  }
}

/** Leaves out the first required property; undefined when nothing is required. */
export function missingRequired(schemaName: string): SchemaBreak | undefined {
  const [name] = (contractSchemas().schemaOf(schemaName).required ?? []) as string[]
  if (name === undefined) return undefined
  // Leaving a property out breaks "required", not the property's own constraint: no x-rule.
  return breakOf(schemaName, `without ${name}`, undefined, ({ [name]: _dropped, ...rest }) => rest)
}

/** Gives the first property with a declared type a value of another type. */
export function wrongType(schemaName: string): SchemaBreak | undefined {
  for (const [name, node] of propertiesOf(schemaName)) {
    const allowed = allowedTypes(node)
    const sample = allowed && samples.find(([jsonType]) => !allowed.includes(jsonType))
    if (sample)
      return breakOf(schemaName, `with ${name} as ${JSON.stringify(sample[1])}`, undefined, (valid) => ({
        ...valid,
        [name]: sample[1],
      }))
  }
  return undefined
}

/** Sets the first enum-constrained property to a value outside its enum. */
export function outsideEnum(schemaName: string): SchemaBreak | undefined {
  const found = propertiesOf(schemaName).find(([, node]) => Array.isArray(node.enum))
  if (!found) return undefined
  const [name, node] = found
  const outsider = outsiders.find((value) => !(node.enum as unknown[]).includes(value)) as string
  return breakOf(schemaName, `with ${name} ${JSON.stringify(outsider)}`, node, (valid) => ({
    ...valid,
    [name]: outsider,
  }))
}

/** A body that breaks its schema: a required property left out, else one of the wrong type. */
export function bodyBreak(schemaName: string): SchemaBreak {
  const found = missingRequired(schemaName) ?? wrongType(schemaName)
  if (!found) throw new Error(`harness bug: no way to break ${schemaName}`)
  return found
}
