// The forms a value keeps where the documents give one that JSON Schema has no keyword for: an
// action's type is <integration>:<action> (S12), a picture URL is a URL. The schemas name a
// field's form with the annotation x-form; generators keep it, and the harness's own tests hold
// every generated request to it. No check fails a target on a form alone: what a target does
// with a value of another form is open.
import type { SchemaNode } from './schemaRegistry.ts'

export interface ValueForm {
  name: string
  /** How the form reads in a message: "<integration>:<action>". */
  described: string
  /** Whether a value of this form may hold characters outside ASCII (astral ones among them). */
  unicode: boolean
  /** The shortest value of the form. */
  minLength: number
  holds(value: string): boolean
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value)
    // An ASCII URL as written: nothing the parser had to escape or normalise.
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.href === value
  } catch {
    return false
  }
}

const valueForms = {
  'integration:action': {
    name: 'integration:action',
    described: '<integration>:<action>, one colon with text on both sides',
    unicode: true,
    minLength: 3,
    holds: (value: string) => /^[^:]+:[^:]+$/u.test(value),
  },
  url: {
    name: 'url',
    described: 'an http(s) URL',
    unicode: false,
    minLength: 'https://a.b/'.length,
    holds: isHttpUrl,
  },
} as const satisfies Record<string, ValueForm>

type ValueFormName = keyof typeof valueForms

/** The form a schema node names with x-form; undefined when it names none. */
export function formOf(node: SchemaNode): ValueForm | undefined {
  const name = node['x-form']
  if (name === undefined) return undefined
  if (typeof name !== 'string' || !(name in valueForms))
    throw new Error(`x-form ${JSON.stringify(name)} is not a form the harness knows (src/contract/valueForms.ts)`)
  return valueForms[name as ValueFormName]
}
