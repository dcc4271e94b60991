// Before any test: one request that shows the target answers, accepts the token and knows the
// bot. A failure is one clear sentence, within seconds, instead of a wall of failing checks.
import { SecretMask } from '../client/secretMask.ts'

export class PreflightFailure extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'PreflightFailure'
  }
}

export interface PreflightTarget {
  baseUrl: string
  token: string
  botId: string
  timeoutMs: number
}

const preflightLimitMs = 8_000

/** Internal: set by `npm run certify` once its preflight passed, so Playwright's global setup does not repeat it. */
export const preflightDoneMarker = 'CONFORMANCE_PREFLIGHT_DONE'

function networkProblem(error: unknown, url: string, timeoutMs: number): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause
  const code = cause?.code ?? ''
  if ((error as Error).name === 'TimeoutError' || (error as Error).name === 'AbortError') {
    return `no answer from ${url} within ${timeoutMs} ms`
  }
  if (code === 'ECONNREFUSED')
    return `cannot reach ${url}: connection refused (is the server running, is the port right?)`
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `cannot reach ${url}: host name not found`
  if (cause?.message === 'bad port') return `cannot reach ${url}: HTTP clients refuse that port; pick another one`
  if (code === 'ECONNRESET') return `cannot reach ${url}: the connection was reset`
  if (/CERT|SSL|TLS|SELF_SIGNED/i.test(code) || /certificate|ssl|tls/i.test(cause?.message ?? '')) {
    return `TLS error talking to ${url}: ${cause?.message ?? code}`
  }
  return `cannot reach ${url}: ${cause?.message ?? (error as Error).message}`
}

function errorText(body: string): string {
  try {
    const parsed = JSON.parse(body) as { type?: unknown; message?: unknown }
    return [parsed.type, parsed.message].filter((part) => typeof part === 'string').join(': ')
  } catch {
    return ''
  }
}

/** Resolves when the target is usable; throws PreflightFailure with one sentence otherwise. */
export async function preflight(target: PreflightTarget): Promise<void> {
  const url = new URL('v1/chat/users', target.baseUrl).toString()
  const timeoutMs = Math.min(target.timeoutMs, preflightLimitMs)
  const mask = new SecretMask(target.token)
  let response: Response
  let body: string
  try {
    response = await fetch(url, {
      headers: { authorization: `Bearer ${target.token}`, 'x-bot-id': target.botId, accept: 'application/json' },
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    })
    body = await response.text()
  } catch (error) {
    throw new PreflightFailure(mask.mask(networkProblem(error, url, timeoutMs)))
  }
  const detail = errorText(body)
  const said = detail ? ` (${mask.mask(detail)})` : ''
  if (response.status === 401) {
    throw new PreflightFailure(`the target rejected the token: 401${said}. Check CONFORMANCE_TOKEN.`)
  }
  if (response.status === 403 || response.status === 404) {
    throw new PreflightFailure(
      `the target does not know bot ${target.botId} or will not let this token use it: ${response.status}${said}. ` +
        'Check CONFORMANCE_BOT_ID (and that CONFORMANCE_BASE_URL points at the Runtime API).',
    )
  }
  const contentType = response.headers.get('content-type') ?? 'none'
  const start = body ? `: ${JSON.stringify(mask.mask(body.slice(0, 120)))}` : ' (empty body)'
  if (response.status >= 200 && response.status < 300) {
    if (/^\s*\{/.test(body)) return
    throw new PreflightFailure(
      `GET ${url} answered ${response.status} with content-type ${contentType}, not the Runtime API's JSON${start}. Check CONFORMANCE_BASE_URL.`,
    )
  }
  throw new PreflightFailure(
    `GET ${url} answered ${response.status}${said || start}: the target is not ready to be certified. Check CONFORMANCE_BASE_URL.`,
  )
}
