// Tag semantics: an update sets the keys sent and removes a key sent as "" (S5); get-or-create
// matches on the discriminating keys, or on every tag sent when none are listed (S6).
import type { Tags } from '../../contract/types.ts'

/** Tags after an update: sent keys set, keys sent as "" removed, the others kept. */
export function applyTagUpdate(current: Tags, update: Tags | undefined): Tags {
  if (!update) return current
  const next = new Map(Object.entries(current))
  for (const [key, value] of Object.entries(update)) {
    if (value === '') next.delete(key)
    else next.set(key, value)
  }
  return Object.fromEntries(next)
}

/** Tags as stored at creation: an empty value means no tag. */
export function initialTags(tags: Tags | undefined): Tags {
  return applyTagUpdate({}, tags)
}

/** The tags an existing resource must share with the request to be returned by get-or-create. */
export function matchingTags(tags: Tags, discriminateByTags: string[] | undefined): Tags {
  if (!discriminateByTags) return initialTags(tags)
  return Object.fromEntries(
    discriminateByTags
      .filter((key) => tags[key] !== undefined && tags[key] !== '')
      .map((key) => [key, tags[key] as string]),
  )
}

export function hasTags(resourceTags: Tags, wanted: Tags): boolean {
  return Object.entries(wanted).every(([key, value]) => resourceTags[key] === value)
}
