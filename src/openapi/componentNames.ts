// Where a $ref of schemas/ points, and the name the OpenAPI document gives that schema under
// #/components/schemas. Names follow the folder a file sits in, so two files never collide.

/** A schema of schemas/: a whole file, or one definition of common.json. */
export interface SchemaLocation {
  file: string
  definition?: string
}

const base = 'file:///schemas/'

/** Resolves a $ref written in `fromFile` (relative file and #/definitions/name fragment). */
export function refTarget(ref: string, fromFile: string): SchemaLocation {
  const url = new URL(ref, base + fromFile)
  const file = url.pathname.slice(new URL(base).pathname.length)
  const fragment = decodeURIComponent(url.hash.replace(/^#/, ''))
  if (fragment === '' || fragment === '/') return { file }
  const definition = /^\/definitions\/([^/]+)$/.exec(fragment)?.[1]
  if (!definition)
    throw new Error(
      `${fromFile}: $ref ${ref} points inside a schema; only files and #/definitions/<name> can become components`,
    )
  return { file, definition }
}

const pascal = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

/** How each folder's files are named as components: resources/user.json is User, requests/createUser.json CreateUserBody. */
const folderSuffixes: Record<string, string> = {
  resources: '',
  requests: 'Body',
  responses: 'Response',
}

/** The components/schemas name of a schema file or a common.json definition. */
export function componentName({ file, definition }: SchemaLocation): string {
  if (definition !== undefined) return pascal(definition)
  const [folder, stem] = file.replace(/\.json$/, '').split('/')
  if (stem === undefined) return pascal(folder as string)
  const suffix = folderSuffixes[folder as string]
  if (suffix === undefined) throw new Error(`${file}: files of ${folder}/ become parameters, not components`)
  return pascal(stem) + suffix
}

export const componentRef = (location: SchemaLocation) => `#/components/schemas/${componentName(location)}`
