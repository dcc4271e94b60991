// npm run openapi: writes openapi/runtime-chat-api.json from schemas/.
// npm run openapi -- --check: writes nothing; exits 1 when the committed copy is not what
// schemas/ gives (so a change to schemas/ cannot land without its document).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { buildOpenApiDocument, openApiText, openapiPath } from '../openapi/openapiDocument.ts'

function firstDifference(expected: string, actual: string): string {
  const want = expected.split('\n')
  const got = actual.split('\n')
  const line = want.findIndex((text, index) => text !== got[index])
  return `line ${line + 1}: schemas/ give ${JSON.stringify(want[line]?.trim())}, the file has ${JSON.stringify(got[line]?.trim() ?? '(end of file)')}`
}

function main(args: string[]): number {
  const document = buildOpenApiDocument()
  const text = openApiText(document)
  if (args.includes('--check')) {
    let committed: string
    try {
      committed = readFileSync(openapiPath, 'utf8')
    } catch {
      console.error(`openapi: ${openapiPath} is missing; run npm run openapi`)
      return 1
    }
    if (committed === text) {
      console.log(`openapi: ${openapiPath} is up to date with schemas/`)
      return 0
    }
    console.error(
      `openapi: ${openapiPath} is out of date with schemas/ (${firstDifference(text, committed)}); run npm run openapi and commit it`,
    )
    return 1
  }
  mkdirSync(dirname(openapiPath), { recursive: true })
  writeFileSync(openapiPath, text)
  const count = Object.values(document.paths).reduce((sum, item) => sum + Object.keys(item ?? {}).length, 0)
  console.log(
    `openapi: wrote ${openapiPath} (${count} operations, ${Object.keys(document.components?.schemas ?? {}).length} schemas)`,
  )
  return 0
}

process.exit(main(process.argv.slice(2)))
