// The details a report gives for a failed check, from the exchanges its test attached: the
// exchange the failing assertion was about, every exchange of the check, a curl command that
// repeats the failing request, and the replay of the whole sequence that led to it (as data for
// `npm run replay` and as a bash script).
import type { Exchange, ExchangeAttachment } from '../client/exchangeLog.ts'
import { replayScript } from '../replay/replayScript.ts'
import { replayEndingAt, type ReplayLog } from '../replay/replaySteps.ts'
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

/** The replay of the sequence that ended with exchange `end`, with its script. */
function withReplay(
  details: FailureDetails,
  checkId: string,
  log: ReplayLog | undefined,
  end: number | undefined,
): FailureDetails {
  const replay = log && end !== undefined ? replayEndingAt(log, end) : undefined
  if (!replay) return details
  details.replay = replay
  const said = (details.message.split('\n')[0] ?? '').replace(/^(Error|ConformanceFailure|TransportFailure): /, '')
  details.replayScript = replayScript(checkId, replay, said)
  return details
}

/** A failed test: its failure message and what its attachment recorded. */
export function testFailureDetails(
  checkId: string,
  message: string,
  attachment: ExchangeAttachment | undefined,
): FailureDetails {
  const exchanges = attachment?.exchanges ?? []
  const culprit = exchanges.find((e) => e.seq === attachment?.culprit)
  const details: FailureDetails = { message: trimmed(message), exchanges }
  if (culprit) details.culprit = culprit
  withCurl(details, culprit, attachment?.culpritRequestBody)
  return withReplay(details, checkId, attachment?.replay, attachment?.culprit ?? exchanges.at(-1)?.seq)
}

/** A derived answers check: the answers that broke its rule, the first of them the culprit, replayed from its check's log. */
export function answerFailureDetails(
  checkId: string,
  reason: string,
  culprits: readonly Exchange[],
  log: ReplayLog | undefined,
): FailureDetails {
  const [first] = culprits
  const details: FailureDetails = { message: reason, exchanges: [...culprits] }
  if (first) details.culprit = first
  withCurl(details, first)
  return withReplay(details, checkId, log, first?.seq)
}
