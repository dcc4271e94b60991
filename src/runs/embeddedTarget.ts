// With no target named (CONFORMANCE_BASE_URL unset), a run certifies the embedded reference.
// This fills in the settings that describe it, from the reference's own defaults, for every
// variable the user left unset: the harness then reads one configuration, whatever the target.
import { embeddedMarker } from '../harness/config/harnessConfig.ts'
import { textValue, type Env } from '../environment/environmentValues.ts'
import { referenceDefaults } from '../reference/defaults.ts'

/** Whether the run certifies the embedded reference: no target named, or the marker says it was started for the run. */
function certifiesEmbeddedReference(env: Env): boolean {
  return textValue(env, 'CONFORMANCE_BASE_URL') === undefined || env[embeddedMarker] === '1'
}

/** The settings of the embedded reference, for a certification of it; the user's own values win. */
export function embeddedTargetSettings(env: Env): Record<string, string> {
  const settings: Record<string, string> = {
    [embeddedMarker]: '1',
    CONFORMANCE_TOKEN: referenceDefaults.token,
    CONFORMANCE_BOT_ID: referenceDefaults.botId,
    CONFORMANCE_INTEGRATION_ID: referenceDefaults.integrationId,
    // The reference serves all 48 operations: its quick start certifies the spec scope too.
    CONFORMANCE_SPEC_SCOPE: 'on',
  }
  // An action named by the user comes with the user's input (or none); the default one with its own.
  if (textValue(env, 'CONFORMANCE_ACTION') === undefined) {
    settings.CONFORMANCE_ACTION = referenceDefaults.action
    settings.CONFORMANCE_ACTION_INPUT = JSON.stringify(referenceDefaults.actionInput)
  }
  for (const name of Object.keys(settings)) if (textValue(env, name) !== undefined) delete settings[name]
  return settings
}

/** Fills env (in place) with the embedded reference's settings when the run certifies it. */
export function withEmbeddedTarget<E extends Env>(env: E): E {
  if (certifiesEmbeddedReference(env)) Object.assign(env, embeddedTargetSettings(env))
  return env
}
