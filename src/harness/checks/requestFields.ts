// Placing a value at a field of a request (path, query or body), by the field paths of the
// schema walk (fixtures/contractFields.ts), and reading it back from a resource.
import { anyItem, anyKey, type FieldLocation } from '../../../fixtures/contractFields.ts'
import type { CallOptions } from '../client/runtimeClient.ts'

type Container = Record<string, unknown> | unknown[]

function isContainer(value: unknown): value is Container {
  return !!value && typeof value === 'object'
}

export interface PlacedValue {
  request: CallOptions
  /** The path with every map key and array index it used: ["tags", "colorX1a"]. */
  at: string[]
}

/** A copy of the request with the value at the field; a map field gets a new key from newKey. */
export function withValueAt(
  request: CallOptions,
  location: FieldLocation,
  path: readonly string[],
  value: unknown,
  newKey: () => string,
): PlacedValue {
  const copy = structuredClone(request)
  const root: Container =
    location === 'body'
      ? ((copy.body as Container | undefined) ?? {})
      : location === 'query'
        ? (copy.query ?? {})
        : (copy.params ?? {})
  if (location === 'body') copy.body = root
  else if (location === 'query') copy.query = root as Record<string, unknown>
  else copy.params = root as Record<string, string>

  const at: string[] = []
  let node = root as Record<string, unknown>
  path.forEach((segment, index) => {
    const key = segment === anyKey ? newKey() : segment === anyItem ? '0' : segment
    at.push(key)
    if (index === path.length - 1) {
      node[key] = value
      return
    }
    const existing = node[key]
    const next: Container =
      path[index + 1] === anyItem
        ? Array.isArray(existing)
          ? existing
          : []
        : isContainer(existing) && !Array.isArray(existing)
          ? existing
          : {}
    node[key] = next
    node = next as Record<string, unknown>
  })
  return { request: copy, at }
}

/** The value at a concrete path of a resource, or undefined when the resource does not show it. */
export function valueAt(resource: unknown, at: readonly string[]): unknown {
  let node = resource
  for (const key of at) {
    if (!isContainer(node)) return undefined
    node = (node as Record<string, unknown>)[key]
  }
  return node
}
