// What the harness keeps of an answer's body. Playwright hands over the whole body; a target
// that answers megabytes of HTML (or a runaway list) must not fill a worker's memory with
// copies in the exchange log, nor be parsed: past answerBodyLimit bytes only the start is kept
// and the answer fails with its size, status, content type and first bytes.
import type { Violation } from '../../contract/violations.ts'
import { bodyStart, type InspectedAnswer } from './answerInspection.ts'

/** No documented answer comes near this; a page of large messages stays well under it. */
export const answerBodyLimit = 4 * 1024 * 1024

export interface AnswerBody {
  /** The body as text, or its first answerBodyLimit bytes. */
  text: string
  /** The body's full size in bytes. */
  bytes: number
  overLimit: boolean
}

export function answerBody(body: Buffer, limit: number = answerBodyLimit): AnswerBody {
  const overLimit = body.length > limit
  return { text: (overLimit ? body.subarray(0, limit) : body).toString('utf8'), bytes: body.length, overLimit }
}

/** The verdict on an answer too large to read: the check fails with what the answer was. */
export function oversizeAnswer(
  status: number,
  contentType: string,
  body: AnswerBody,
  limit: number = answerBodyLimit,
): InspectedAnswer {
  const violation: Violation = {
    rule: status >= 400 ? 'S13' : 'SHAPE',
    path: '/',
    problem: `answer body of ${body.bytes} bytes is larger than the ${limit} bytes the harness reads (status ${status}, content-type ${contentType || 'none'})`,
    value: bodyStart(body.text.slice(0, 120)),
  }
  return { json: undefined, violations: [violation] }
}
