// `npm run certify` starts Playwright first and, while Playwright starts (about two seconds),
// starts the embedded reference and runs the preflight. Playwright's global setup waits at this
// gate until certify says the preflight passed; a failed preflight never opens it: certify stops
// Playwright, which has printed and run nothing, and says why in one sentence.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'

/** Internal: the file certify writes once its preflight passed (set by certify only). */
export const preflightGateVariable = 'CONFORMANCE_PREFLIGHT_GATE'

export class PreflightGate {
  private readonly dir = mkdtempSync(join(tmpdir(), 'conformance-gate-'))
  readonly path = join(this.dir, 'passed')

  open(): void {
    writeFileSync(this.path, 'passed\n')
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true })
  }
}

const pollMs = 10

/** Waits until the gate at `path` is open; throws when certify ended or said nothing within limitMs. */
export async function passPreflightGate(path: string, limitMs = 60_000): Promise<void> {
  const certify = process.ppid
  const deadline = Date.now() + limitMs
  while (!existsSync(path)) {
    if (process.ppid !== certify) throw new Error('certify ended before its preflight did')
    if (Date.now() > deadline) throw new Error(`certify did not finish its preflight within ${limitMs / 1000} s`)
    await sleep(pollMs)
  }
}
