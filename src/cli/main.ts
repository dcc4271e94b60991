#!/usr/bin/env node
// runtime-chat-conformance <command>: the installed package's one command. Each subcommand is a
// module of src/cli that runs when imported and reads its own arguments from process.argv; this
// file picks it, answers --help and --version, and hands it the arguments after its name.
// A new subcommand is one more entry in `commands`.
import { packageInfo } from '../environment/packageLayout.ts'

interface Command {
  summary: string
  /** Usage and options, shown by `<command> --help`. */
  help: string
  run: () => Promise<unknown>
}

const bin = packageInfo.name

/** The variables every command that talks to a target reads (from the environment or ./.env). */
const targetVariables = `Configuration: CONFORMANCE_* variables, from the environment or a .env file in the current
folder (the environment wins): CONFORMANCE_BASE_URL, CONFORMANCE_TOKEN, CONFORMANCE_BOT_ID,
CONFORMANCE_LEVEL (core, strict, full) and the optional ones listed in docs/configuration.md.`

const commands: Record<string, Command> = {
  certify: {
    summary: 'certify a Runtime API (the embedded reference when CONFORMANCE_BASE_URL is unset)',
    help: `usage: ${bin} certify [playwright arguments]

Checks the configuration, makes sure the target answers (preflight), runs the conformance suite
and writes reports/ (conformance.html, .md, .json, badge.svg, junit.xml) in the current folder
(CONFORMANCE_REPORT_DIR). Arguments go to Playwright: --grep <check or rule>, --shard=i/n.

${targetVariables}

Exit codes: 0 conforms at the certified level; 1 does not (a check failed or was skipped);
2 configuration error; 3 target unreachable, token or bot rejected, or it stopped answering;
4 no report written; 5 partial (a filtered run: no check failed, but not every check of the
level ran); 130/143 interrupted.`,
    run: () => import('./certify.ts'),
  },
  serve: {
    summary: 'start the embedded reference implementation on 127.0.0.1',
    help: `usage: ${bin} serve [--port <port>]

Starts the reference implementation of the API on 127.0.0.1 and prints its URL. --port (or PORT)
picks the port (default 3217; 0: any free one). It accepts CONFORMANCE_TOKEN and answers for
CONFORMANCE_BOT_ID (defaults printed when unset). REFERENCE_FAULT=<fault>,… starts it with known
faults, for trying the harness on a target that breaks a rule. Stops on Ctrl+C or SIGTERM.`,
    run: () => import('../reference/main.ts'),
  },
  report: {
    summary: 'merge the blob reports of a sharded run into one conformance report',
    help: `usage: ${bin} report [<folder of blob reports>]

Merges the blob reports of the shards of one run (default folder: blob-report) into reports/,
the same files an unsharded run writes, and exits like certify.`,
    run: () => import('./report.ts'),
  },
  replay: {
    summary: 'send the requests that led to a failure again and say whether it reproduces',
    help: `usage: ${bin} replay <check id>

Reads the failure of <check id> from reports/conformance.json (CONFORMANCE_REPORT_DIR) and sends
its whole sequence again to the configured target (the embedded reference when
CONFORMANCE_BASE_URL is unset): the requests that built the state, in order, with the ids the
new answers give. Prints each exchange (the token masked) and ends with one line: reproduced, or
not reproduced and how the answer differs. What the replay created is deleted at the end.

${targetVariables}

Exit codes: 0 reproduced; 1 not reproduced; 2 a wrong argument or setting, or no failure of that
check in the report; 3 target unreachable, token or bot rejected.`,
    run: () => import('./replay.ts'),
  },
  cleanup: {
    summary: 'delete what earlier runs left on the target',
    help: `usage: ${bin} cleanup [--dry-run] [--older-than-minutes <n>]

Finds what earlier runs created on the target by their marker tag (CONFORMANCE_RUN_TAG_KEY,
default conformanceRun) and deletes it. Runs younger than --older-than-minutes (default 60) may
still be going on and are left alone; --dry-run lists without deleting.

${targetVariables}`,
    run: () => import('./cleanup.ts'),
  },
  openapi: {
    summary: 'print the contract as an OpenAPI 3.0 document',
    help: `usage: ${bin} openapi [--out <file>] [--check]

Prints the 48 chat operations (the documented 33 and the spec scope's 15) as an OpenAPI 3.0 document built from its JSON Schemas,
or writes it to --out <file>. --check exits 1 when that file (default: the package's own copy)
differs from what the schemas give.`,
    run: () => import('./openapi.ts'),
  },
  drift: {
    summary: "compare the suite's contract with another OpenAPI document",
    help: `usage: ${bin} drift <OpenAPI 3.x document, JSON or YAML>

Lists, per operation and field, where the document differs from the suite's schemas.
Exit codes: 0 nothing differs; 1 something does; 2 the document cannot be read.`,
    run: () => import('./drift.ts'),
  },
}

function overview(): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length))
  const list = Object.entries(commands).map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`)
  return `usage: ${bin} <command> [arguments]

Conformance harness for the chat operations of the Botpress Runtime API (${bin} ${packageInfo.version}).

Commands:
${list.join('\n')}

${bin} help <command> (or <command> --help) tells more; --version prints the version.`
}

async function main(args: string[]): Promise<void> {
  const [name, ...rest] = args
  // `help` too, for a shell or a tool that keeps --help for itself.
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const about = rest[0] !== undefined && Object.hasOwn(commands, rest[0]) ? commands[rest[0]] : undefined
    console.log(about ? about.help : overview())
    return
  }
  if (name === '--version' || name === '-v') {
    console.log(packageInfo.version)
    return
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined
  if (!command) {
    console.error(`${bin}: ${name} is not a command (commands: ${Object.keys(commands).join(', ')}; see --help)`)
    process.exitCode = 2
    return
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(command.help)
    return
  }
  // The command reads process.argv.slice(2): its own arguments, without its name.
  process.argv.splice(2, 1)
  await command.run()
}

await main(process.argv.slice(2))
