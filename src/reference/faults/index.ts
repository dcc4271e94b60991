// The faults REFERENCE_FAULT can name (comma-separated). Unset, the reference has no fault and
// installs nothing: faults cost nothing when unused. Grouped by the rule they break.
import { ConfigError } from '../../environment/configError.ts'
import { actionFaults } from './actionFaults.ts'
import { benchFaults } from './benchFaults.ts'
import { dateFaults } from './dateFaults.ts'
import { dropUnknownProperties } from './dropUnknownProperties.ts'
import { echoCredentials } from './echoCredentials.ts'
import { enumerationFaults } from './enumerationFaults.ts'
import { errorFaults } from './errorFaults.ts'
import { eventFaults } from './eventFaults.ts'
import type { Fault } from './fault.ts'
import { getOrCreateFaults } from './getOrCreateFaults.ts'
import { identifierFaults } from './identifierFaults.ts'
import { listFaults } from './listFaults.ts'
import { participantFaults } from './participantFaults.ts'
import { readAfterWriteFaults } from './readAfterWriteFaults.ts'
import { shapeFaults } from './shapeFaults.ts'
import { stateFaults } from './stateFaults.ts'
import { stringLimitFaults } from './stringLimitFaults.ts'
import { tagFaults } from './tagFaults.ts'
import { transportFaults } from './transportFaults.ts'

export type { Fault } from './fault.ts'
// The spec scope's faults (S14-S19) are a list of their own: not among knownFaults, so neither
// REFERENCE_FAULT nor the self-test runs them until checks of those rules exist.
export { specScopeFaults } from './specScopeFaults.ts'

export const knownFaults: readonly Fault[] = [
  dropUnknownProperties,
  echoCredentials,
  ...shapeFaults,
  ...identifierFaults,
  ...dateFaults,
  ...stringLimitFaults,
  ...enumerationFaults,
  ...tagFaults,
  ...getOrCreateFaults,
  ...listFaults,
  ...readAfterWriteFaults,
  ...participantFaults,
  ...eventFaults,
  ...stateFaults,
  ...actionFaults,
  ...errorFaults,
  ...transportFaults,
]

/** Faults REFERENCE_FAULT also accepts that the self-test does not run (benchFaults.ts). */
const namedOnlyFaults: readonly Fault[] = benchFaults

/** The faults a REFERENCE_FAULT value names; an unknown name is a ConfigError listing the known ones. */
export function faultsNamed(value: string | undefined): Fault[] {
  const names = (value ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean)
  return names.map((name) => {
    const all = [...knownFaults, ...namedOnlyFaults]
    const fault = all.find((f) => f.name === name)
    if (!fault)
      throw new ConfigError(
        'REFERENCE_FAULT',
        `no fault named ${JSON.stringify(name)}; known: ${all.map((f) => f.name).join(', ')}`,
      )
    return fault
  })
}
