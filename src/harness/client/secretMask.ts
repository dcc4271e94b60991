// The token must never reach a report, a log line or an attachment: everything the harness
// writes about an exchange goes through mask().
const maskedToken = '***'

export class SecretMask {
  private readonly forms: string[]

  constructor(secret: string) {
    // The raw token, and the forms it takes inside a URL or a JSON string.
    this.forms = [...new Set([secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)])]
      .filter((form) => form.length > 0)
      .sort((a, b) => b.length - a.length)
  }

  mask(text: string): string {
    let masked = text
    for (const form of this.forms) masked = masked.split(form).join(maskedToken)
    return masked
  }

  /** Header values with the credentials replaced. */
  maskHeaders(headers: Record<string, string>): Record<string, string> {
    return Object.fromEntries(
      Object.entries(headers).map(([name, value]) => [
        name,
        name.toLowerCase() === 'authorization' ? value.replace(/^(\w+\s+).*$/s, `$1${maskedToken}`) : this.mask(value),
      ]),
    )
  }

  /** The same error with the secret masked out of its message and stack (a target may echo the token). */
  maskError(error: unknown): unknown {
    if (!(error instanceof Error)) return error
    error.message = this.mask(error.message)
    if (error.stack !== undefined) error.stack = this.mask(error.stack)
    return error
  }
}
