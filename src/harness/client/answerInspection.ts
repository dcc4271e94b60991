// What the contract says about one answer: is it JSON, is its status documented, does its body
// fit the schema of the operation (success) or the error schema (S13)?
import type { ChatOperation } from '../../contract/operations.ts'
import type { SchemaRegistry } from '../../contract/schemaRegistry.ts'
import { describeViolations, shortValue, type Violation } from '../../contract/violations.ts'

export interface InspectedAnswer {
  json: unknown
  violations: Violation[]
}

const firstBytes = 120

/** The start of a body that is not JSON, quoted, with the body's full length when cut. */
export function bodyStart(text: string): string {
  if (text.length === 0) return 'empty body'
  return text.length > firstBytes
    ? `${JSON.stringify(text.slice(0, firstBytes))}… (${text.length} characters)`
    : JSON.stringify(text)
}

function notJson(status: number, contentType: string, text: string, why: string): Violation {
  return {
    rule: status >= 400 ? 'S13' : 'SHAPE',
    path: '/',
    problem: `answer is not JSON (${why}; status ${status}, content-type ${contentType || 'none'})`,
    value: bodyStart(text),
  }
}

export function inspectAnswer(
  op: ChatOperation,
  status: number,
  contentType: string,
  text: string,
  schemas: SchemaRegistry,
): InspectedAnswer {
  let json: unknown
  try {
    json = text.length === 0 ? undefined : JSON.parse(text)
  } catch (error) {
    return { json: undefined, violations: [notJson(status, contentType, text, (error as Error).message)] }
  }
  if (json === undefined) return { json, violations: [notJson(status, contentType, text, 'empty body')] }

  const violations: Violation[] = []
  if (!/^application\/(.+\+)?json\b/i.test(contentType)) {
    violations.push({
      rule: status >= 400 ? 'S13' : 'SHAPE',
      path: '/',
      problem: 'a JSON body must be sent as application/json',
      value: shortValue(contentType || 'no content-type'),
    })
  }
  if (status >= 200 && status < 300) {
    if (status !== op.status) {
      violations.push({
        rule: 'SHAPE',
        path: '/',
        problem: `${op.id} answers ${op.status} on success`,
        value: String(status),
      })
    }
    violations.push(...describeViolations(schemas.validate(op.response, json), 'SHAPE'))
  } else if (status >= 400) {
    violations.push(...describeViolations(schemas.validate('error.json', json), 'S13'))
    const code = (json as { code?: unknown }).code
    if (typeof code === 'number' && code !== status) {
      violations.push({
        rule: 'S13',
        path: '/code',
        problem: `must equal the HTTP status ${status}`,
        value: String(code),
      })
    }
  } else {
    violations.push({
      rule: 'SHAPE',
      path: '/',
      problem: `status is neither ${op.status} nor an error status`,
      value: String(status),
    })
  }
  return { json, violations }
}
