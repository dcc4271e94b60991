// A full certification of the embedded reference through Prism's validation proxy:
//   harness (npm run certify) → violation recorder → prism proxy <document> → reference
// Everything is started on loopback ports of its own and stopped at the end, whatever happens.
import { spawn } from 'node:child_process'
import { nodeArguments } from '../environment/packageLayout.ts'
import { SecretMask } from '../harness/client/secretMask.ts'
import { referenceDefaults } from '../reference/defaults.ts'
import { startReferenceServer } from '../reference/server.ts'
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
  /** npm run certify's exit code (0: conforms). */
  certifyExit: number | null
  /** The end of what certify printed, masked. */
  certifyOutput: string
  verdict: ProxyVerdict
  /** The end of Prism's log, for a failure message. */
  prismOutput: string
}

function runCertify(
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
  mask: SecretMask,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, nodeArguments('src/cli/certify'), {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: timeoutMs,
      killSignal: 'SIGTERM',
    })
    let output = ''
    const keep = (chunk: Buffer) => (output = (output + chunk.toString('utf8')).slice(-6_000))
    child.stdout.on('data', keep)
    child.stderr.on('data', keep)
    child.on('close', (code, signal) => resolve({ code: signal ? null : code, output: mask.mask(output) }))
  })
}

/** The target variables of a certification of the reference, nothing inherited from ours. */
function certifyEnvironment(baseUrl: string, reportDir: string, timeoutMs: number): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('CONFORMANCE_') && name !== 'PORT'),
  )
  return {
    ...inherited,
    CONFORMANCE_BASE_URL: baseUrl,
    CONFORMANCE_TOKEN: referenceDefaults.token,
    CONFORMANCE_BOT_ID: referenceDefaults.botId,
    CONFORMANCE_INTEGRATION_ID: referenceDefaults.integrationId,
    CONFORMANCE_ACTION: referenceDefaults.action,
    CONFORMANCE_ACTION_INPUT: JSON.stringify(referenceDefaults.actionInput),
    CONFORMANCE_REPORT_DIR: reportDir,
    CONFORMANCE_RUN_TIMEOUT_MS: String(timeoutMs),
  }
}

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
        // certify's own limit comes first; the process limit is the backstop.
        const run = await runCertify(
          certifyEnvironment(recorder.url, options.reportDir, options.timeoutMs),
          options.timeoutMs + 15_000,
          mask,
        )
        return {
          certifyExit: run.code,
          certifyOutput: run.output,
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
