// Searches files and text for a secret in every form a writer might give it: raw, URL-encoded,
// JSON-escaped, base64 (at each of the three byte alignments), and inside zip archives (blob
// reports, traces) and base64 zips embedded in HTML (Playwright's HTML report).
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { unzipSync } from 'fflate'

export function secretForms(secret: string): string[] {
  const forms = new Set([secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)])
  const bytes = Buffer.from(secret, 'utf8')
  for (let offset = 0; offset < 3; offset++) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64')
    // Drop the blocks that also hold the padding bytes before and after: what is left is the same wherever the secret sits.
    forms.add(encoded.slice(offset === 0 ? 0 : 4, encoded.length - 4))
  }
  return [...forms].filter((form) => form.length >= 8)
}

const zipMagic = Buffer.from([0x50, 0x4b, 0x03, 0x04])
const embeddedZip = /data:application\/zip;base64,([A-Za-z0-9+/=]+)/g

/** Where the secret was found: "file", "file!entry", "file#embedded-zip!entry"… */
export function findInBuffer(content: Buffer, where: string, forms: readonly string[], found: string[]): void {
  if (content.subarray(0, 4).equals(zipMagic)) {
    let entries: Record<string, Uint8Array>
    try {
      entries = unzipSync(content)
    } catch (error) {
      found.push(`${where} (a zip that cannot be read, so cannot be cleared: ${(error as Error).message})`)
      return
    }
    for (const [name, entry] of Object.entries(entries))
      findInBuffer(Buffer.from(entry), `${where}!${name}`, forms, found)
    return
  }
  const text = content.toString('utf8')
  if (forms.some((form) => text.includes(form))) found.push(where)
  for (const match of text.matchAll(embeddedZip))
    findInBuffer(Buffer.from(match[1] ?? '', 'base64'), `${where}#embedded-zip`, forms, found)
}

export function filesUnder(root: string, skip: (path: string) => boolean = () => false): string[] {
  const files: string[] = []
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (skip(path)) continue
      if (entry.isDirectory()) walk(path)
      else if (entry.isFile()) files.push(path)
    }
  }
  if (statSync(root, { throwIfNoEntry: false })?.isDirectory()) walk(root)
  return files
}

/** Every place the secret appears in these files and texts. */
export function findSecret(secret: string, files: readonly string[], texts: Record<string, string> = {}): string[] {
  const forms = secretForms(secret)
  const found: string[] = []
  for (const file of files) findInBuffer(readFileSync(file), file, forms, found)
  for (const [name, text] of Object.entries(texts)) findInBuffer(Buffer.from(text, 'utf8'), name, forms, found)
  return found
}
