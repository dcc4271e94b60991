// Query strings in the vendor client's convention (S7): qs with dots for maps and repeated
// keys for arrays, e.g. tags.foo=a&participantIds=u1&participantIds=u2.
import qs from 'qs'

/** qs's stringify options of the vendor's client; the OpenAPI export names them too. */
export const vendorQueryOptions = {
  encode: true,
  allowDots: true,
  arrayFormat: 'repeat',
  skipNulls: true,
} as const satisfies qs.IStringifyOptions

export function encodeQuery(query: Record<string, unknown> | undefined): string {
  if (!query) return ''
  return qs.stringify(query, vendorQueryOptions)
}

/** The bracket form (tags[foo]=a) that qs parses by default; a target should accept it too (S7). */
export function encodeQueryWithBrackets(query: Record<string, unknown>): string {
  return qs.stringify(query, { encode: true, arrayFormat: 'repeat', skipNulls: true })
}
