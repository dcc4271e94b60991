// A few bodies take a longer text than the resource they make can hold (a task's title and
// description; a workflow's name and failureReason, which their bodies do not limit). The
// documents leave open whether such a text is rejected, cut or stored (S14); the reference keeps
// what fits and cuts the rest, so it accepts every body its schema allows and never answers a
// resource its schema refuses. The limits are read from the resources' schemas.
import { contractSchemas } from '../contract/schemaRegistry.ts'

/** `value` cut to the maxLength of `field` in the resource schema `resource` (code points, as the schemas count). */
export function fitted(resource: string, field: string, value: string): string {
  const { maxLength } = contractSchemas().schemaOf(resource, field) as { maxLength?: number }
  if (maxLength === undefined) return value
  const characters = [...value]
  return characters.length > maxLength ? characters.slice(0, maxLength).join('') : value
}
