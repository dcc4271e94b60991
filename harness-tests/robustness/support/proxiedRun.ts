// The common frame of a run the tests watch: a fresh reference, a proxy in front of it whose
// hook sees every request, `npm run certify` through the proxy, and everything closed after.
import {
  removeReportDir,
  runCertificationProcess,
  type CertificationProcessOptions,
  type CertificationProcessResult,
} from '../../../src/runs/certificationProcess.ts'
import { proxy, reference, targetEnv, type ProxyHook, type Running } from './servers.ts'

export interface ProxiedRun {
  /** The reference behind the proxy, to look at what the run left. */
  target: Running
  result: CertificationProcessResult
  close: () => Promise<void>
}

export async function proxiedRun(
  hook: ProxyHook,
  args: string[],
  options: Omit<CertificationProcessOptions, 'args'>,
): Promise<ProxiedRun> {
  const target = await reference()
  const front = await proxy(target.url, hook)
  const result = await runCertificationProcess({ ...options, args, env: { ...targetEnv(front.url), ...options.env } })
  return {
    target,
    result,
    close: async () => {
      await front.close()
      await target.close()
      removeReportDir(result)
    },
  }
}
