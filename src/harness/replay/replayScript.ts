// A failure's replay as a bash script, for a person or a CI job: every request of the sequence
// with curl, in order, the token read from $CONFORMANCE_TOKEN, each id taken from the answer the
// replay got (by node, which runs this harness: a CI image that ran it has it), ending with the
// failing request; then what the replay created is deleted. Each answer is printed as
//   == <step> <operation> -> <status>
//   <body>
// so a person reads it and a test can compare it with the recorded answer.
import { wrongToken } from '../client/runtimeClient.ts'
import { shellQuote } from '../reporting/curlCommand.ts'
import type { Piece, Replay, ReplayStep } from './replaySteps.ts'

/** How the step's answers are read: a value at a path, in the form the request needs it. */
const readAnswer = [
  'const [file, path, encode] = process.argv.slice(1)',
  'let v; try { v = JSON.parse(require("fs").readFileSync(file, "utf8")) } catch { v = undefined }',
  'for (const k of path.startsWith("[") ? JSON.parse(path) : path.split(".")) v = v == null ? undefined : v[k]',
  'if (typeof v !== "string") { process.stderr.write(`the answer of step ${file.split("/").pop()} has no ${path}\\n`); process.exit(1) }',
  'process.stdout.write(encode === "uri" ? encodeURIComponent(v) : encode === "json" ? JSON.stringify(v).slice(1, -1) : v)',
].join('; ')

/** A fresh run id of the recorded one's length: the replay's values meet none of the recorded run's. */
const freshRunId = 'process.stdout.write(require("crypto").randomBytes(64).toString("hex").slice(0, +process.argv[1]))'

function pathArgument(path: readonly (string | number)[]): string {
  return path.some((segment) => String(segment).includes('.')) ? JSON.stringify(path) : path.join('.')
}

/** Pieces as one shell word: literal text single-quoted, the rest expanded inside double quotes. */
function word(pieces: readonly Piece[], lead = ''): string {
  const parts = lead ? [lead] : []
  // Neighbouring texts as one quoted string.
  const merged = pieces.reduce<Piece[]>((all, piece) => {
    const last = all.at(-1)
    if (typeof piece === 'string' && typeof last === 'string') all[all.length - 1] = last + piece
    else all.push(piece)
    return all
  }, [])
  for (const piece of merged) {
    if (typeof piece === 'string') {
      if (piece !== '') parts.push(shellQuote(piece))
    } else if ('setting' in piece) {
      parts.push(piece.setting === 'runId' ? '"$run"' : piece.setting === 'botId' ? '"$bot"' : '"$integration"')
    } else {
      parts.push(
        `"$(at ${piece.from} ${shellQuote(pathArgument(piece.path))}${piece.encode ? ` ${piece.encode}` : ''})"`,
      )
    }
  }
  return parts.join('') || "''"
}

function headerWord(name: string, value: readonly Piece[]): string {
  return word([`${name}: `, ...value])
}

function send(label: string, step: ReplayStep): string {
  const args = ['-X', step.method, word(step.path, '"$base"')]
  for (const header of step.headers) args.push('-H', headerWord(header.name, header.value))
  if (step.credential === 'token') args.push('-H', '"Authorization: Bearer $CONFORMANCE_TOKEN"')
  if (step.credential === 'other') args.push('-H', shellQuote(`Authorization: Bearer ${wrongToken}`))
  if (step.body) {
    if (!step.headers.some((h) => h.name.toLowerCase() === 'content-type')) args.push('-H', "'Content-Type:'")
    args.push('--data-raw', word(step.body))
  }
  return `send ${label} ${args.join(' ')}`
}

/** The bash script that replays a failure. checkId and expected (the failure's first line) are for the reader. */
export function replayScript(checkId: string, replay: Replay, expected: string): string {
  const { target, steps, cleanup } = replay
  const lines = [
    '#!/usr/bin/env bash',
    `# Replays the failure of ${checkId}: ${steps.length} request${steps.length === 1 ? '' : 's'}, the last one the failing request.`,
    `# The check said: ${expected.replace(/\s+/g, ' ').slice(0, 300)}`,
    `# The failing request answered ${replay.answer.status ?? 'nothing'} when recorded.`,
    '# Needs bash, curl and node. Export CONFORMANCE_TOKEN first; CONFORMANCE_BASE_URL, CONFORMANCE_BOT_ID',
    '# and CONFORMANCE_INTEGRATION_ID replay it against another target. What it creates is deleted at the end.',
    'set -u',
    ': "${CONFORMANCE_TOKEN:?export CONFORMANCE_TOKEN=<the token of the target> first}"',
    `base="\${CONFORMANCE_BASE_URL:-${target.baseUrl}}"; base="\${base%/}/"`,
    `bot="\${CONFORMANCE_BOT_ID:-${target.botId}}"`,
    `integration="\${CONFORMANCE_INTEGRATION_ID:-${target.integrationId ?? ''}}"`,
    `run=$(node -e ${shellQuote(freshRunId)} ${target.runIdLength})`,
    'dir=$(mktemp -d); trap \'rm -rf "$dir"\' EXIT',
    '# send <step> <curl arguments>: sends one request, keeps its answer and status in $dir',
    'send() { local step=$1; shift; curl -sS -o "$dir/$step" -w \'%{http_code} %{content_type}\' "$@" > "$dir/$step.status" || echo 000 > "$dir/$step.status"; }',
    "# show <step> <operation>: prints the status, content type and body of a step's answer",
    'show() { printf \'== %s %s -> %s\\n\' "$1" "$2" "$(cat "$dir/$1.status")"; cat "$dir/$1" 2>/dev/null; echo; }',
    '# at <step> <path> [uri|json]: a value the answer of an earlier step gave, e.g. at 1 user.id',
    `at() { node -e ${shellQuote(readAnswer)} "$dir/$1" "$2" "\${3:-}"; }`,
    "# the replay's own run id, in every value the recorded run marked with its own",
    'printf \'== run %s\\n\' "$run"',
    '',
  ]
  steps.forEach((step, index) => {
    const number = index + 1
    const next = steps[index + 1]
    const last = number === steps.length
    if (last) lines.push(`# ${number}: the failing request`)
    // Steps sent at the same time as the one before them go out together, as they did.
    const together = step.concurrent || next?.concurrent
    // The time the check let pass here, as the documents require (an expiry, a later timestamp).
    if (step.waitMs) lines.push(`sleep ${(step.waitMs / 1000).toFixed(3)}`)
    lines.push(`${send(String(number), step)}${together ? ' &' : ''}`)
    if (together && !next?.concurrent) lines.push('wait')
    if (!next?.concurrent) {
      let first = number
      while (first > 1 && steps[first - 1]?.concurrent) first--
      for (let shown = first; shown <= number; shown++) lines.push(`show ${shown} ${steps[shown - 1]?.operation ?? ''}`)
    }
  })
  if (cleanup.length > 0) {
    lines.push('', '# Delete what the replay created (answers not shown).')
    cleanup.forEach((step, index) => lines.push(send(`cleanup${index + 1}`, step)))
  }
  return `${lines.join('\n')}\n`
}
