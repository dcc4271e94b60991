// The faults REFERENCE_FAULT can name (comma-separated). Unset, the reference has no fault and
// installs nothing: faults cost nothing when unused.
import { ConfigError } from '../../harness/config/configError.ts'
import { dropUnknownProperties } from './dropUnknownProperties.ts'
import { echoCredentials } from './echoCredentials.ts'
import type { Fault } from './fault.ts'

export type { Fault } from './fault.ts'

export const knownFaults: readonly Fault[] = [dropUnknownProperties, echoCredentials]

/** The faults a REFERENCE_FAULT value names; an unknown name is a ConfigError listing the known ones. */
export function faultsNamed(value: string | undefined): Fault[] {
  const names = (value ?? '').split(',').map((name) => name.trim()).filter(Boolean)
  return names.map((name) => {
    const fault = knownFaults.find((f) => f.name === name)
    if (!fault) throw new ConfigError('REFERENCE_FAULT', `no fault named ${JSON.stringify(name)}; known: ${knownFaults.map((f) => f.name).join(', ')}`)
    return fault
  })
}
