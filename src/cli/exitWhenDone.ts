// How every command ends: with its exit code, and on an error with one line, never a stack trace.
import { ConfigError } from '../environment/configError.ts'
import { exitCodes } from '../harness/reporting/exitCodes.ts'

/**
 * Ends the process with the command's exit code. A configuration error is one line and exit 2;
 * `known` maps the command's own errors to a line and a code; anything else means no report.
 */
export function exitWhenDone(
  name: string,
  done: Promise<number>,
  known: (error: unknown) => [string, number] | undefined = () => undefined,
): void {
  done.then(
    (code) => process.exit(code),
    (error: unknown) => {
      const [line, code] =
        error instanceof ConfigError
          ? [`configuration error: ${error.message}`, exitCodes.configuration]
          : (known(error) ?? [`${name}: ${(error as Error).message}`, exitCodes.noReport])
      console.error(line)
      process.exit(code)
    },
  )
}
