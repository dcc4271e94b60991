// A failure message can quote what the target answered, and a target may echo the token back:
// Playwright prints and stores a failed test's message and stack, so both are masked first.
export function maskedError(error: unknown, mask: (text: string) => string): unknown {
  if (!(error instanceof Error)) return error
  error.message = mask(error.message)
  if (error.stack !== undefined) error.stack = mask(error.stack)
  return error
}
