// A full certification of the embedded reference through Prism's validation proxy:
//   harness (npm run certify) → violation recorder → prism proxy <document> → reference
// Everything is started on loopback ports of its own and stopped at the end, whatever happens.
import { SecretMask } from '../harness/client/secretMask.ts'
import { referenceDefaults } from '../reference/defaults.ts'
import { startReferenceServer } from '../reference/server.ts'
import { runCertificationProcess } from '../runs/certificationProcess.ts'
import { startPrism } from './prismServer.ts'
import { proxyVerdict, type ProxyVerdict } from './proxyVerdict.ts'
import { startViolationRecorder } from './violationRecorder.ts'

export interface ProxyCertificationOptions {
  document: string
  reportDir: string
  /** Limit for the certification run itself. */
  timeoutMs: number
}

export interface ProxyCertification {
  /** npm run certify's exit code (0: conforms); null when it was stopped. */
  certifyExit: number | null
  /** The end of what certify printed, masked. */
  certifyOutput: string
  verdict: ProxyVerdict
  /** The end of Prism's log, for a failure message. */
  prismOutput: string
}

/** What a failure message shows of a log. */
const shownChars = 6_000

export async function certifyThroughPrismProxy(options: ProxyCertificationOptions): Promise<ProxyCertification> {
  const mask = new SecretMask(referenceDefaults.token)
  const reference = await startReferenceServer({ token: referenceDefaults.token, botId: referenceDefaults.botId })
  try {
    // No --errors: Prism forwards every request, also those the checks make invalid on purpose, and
    // reports what it finds in each answer's sl-violations header (see proxyVerdict.ts).
    const prism = await startPrism(['proxy', options.document, reference.url])
    try {
      const recorder = await startViolationRecorder({ prism: prism.url, target: reference.url })
      try {
        // The reference's settings, its address the recorder's. Playwright's own limit is timeoutMs;
        // the process's, 15 s later, is the backstop.
        const run = await runCertificationProcess({
          reference: recorder.url,
          reportDir: options.reportDir,
          limitMs: options.timeoutMs + 15_000,
        })
        return {
          certifyExit: run.exitCode,
          certifyOutput: run.output.slice(-shownChars),
          verdict: proxyVerdict(recorder.exchanges),
          prismOutput: mask.mask(prism.output()),
        }
      } finally {
        await recorder.close()
      }
    } finally {
      await prism.stop()
    }
  } finally {
    await reference.close()
  }
}
