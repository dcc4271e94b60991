// The details a report gives for a failed check, from the exchanges its test attached: the
// exchange the failing assertion was about, every exchange of the check, and a curl command.
import type { Exchange, ExchangeAttachment } from '../client/exchangeLog.ts'
import { curlCommand } from './curlCommand.ts'
import type { FailureDetails } from './conformanceReport.ts'

const messageLimit = 4000

function trimmed(message: string): string {
  return message.length <= messageLimit
    ? message
    : `${message.slice(0, messageLimit)}… [${message.length - messageLimit} more characters]`
}

function withCurl(details: FailureDetails, culprit: Exchange | undefined, fullBody?: string): FailureDetails {
  if (!culprit) return details
  const curl = curlCommand(culprit, fullBody)
  details.curl = curl.command
  if (!curl.complete) details.curlIncomplete = true
  return details
}

/** A failed test: its failure message and what its attachment recorded. */
export function testFailureDetails(message: string, attachment: ExchangeAttachment | undefined): FailureDetails {
  const exchanges = attachment?.exchanges ?? []
  const culprit = exchanges.find((e) => e.seq === attachment?.culprit)
  const details: FailureDetails = { message: trimmed(message), exchanges }
  if (culprit) details.culprit = culprit
  return withCurl(details, culprit, attachment?.culpritRequestBody)
}

/** A derived answers check: the answers that broke its rule, the first of them the culprit. */
export function answerFailureDetails(reason: string, culprits: readonly Exchange[]): FailureDetails {
  const [first] = culprits
  const details: FailureDetails = { message: reason, exchanges: [...culprits] }
  if (first) details.culprit = first
  return withCurl(details, first)
}
