// openapi: the contract as an OpenAPI 3.0 document, built from schemas/. It prints the document,
// or writes it with --out <file>; `npm run openapi` writes the committed copy. With --check it
// writes nothing and exits 1 when that file (default: the package's own copy) is not what
// schemas/ give, so a change to schemas/ cannot land without its document.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, relative } from 'node:path'
import { parseArgs } from 'node:util'
import { buildOpenApiDocument, openApiText, openapiPath } from '../openapi/openapiDocument.ts'

function firstDifference(expected: string, actual: string): string {
  const want = expected.split('\n')
  const got = actual.split('\n')
  const line = want.findIndex((text, index) => text !== got[index])
  return `line ${line + 1}: schemas/ give ${JSON.stringify(want[line]?.trim())}, the file has ${JSON.stringify(got[line]?.trim() ?? '(end of file)')}`
}

function check(file: string, text: string): number {
  let committed: string
  try {
    committed = readFileSync(file, 'utf8')
  } catch {
    console.error(`openapi: ${file} is missing; run npm run openapi`)
    return 1
  }
  if (committed === text) {
    console.log(`openapi: ${file} is up to date with schemas/`)
    return 0
  }
  console.error(
    `openapi: ${file} is out of date with schemas/ (${firstDifference(text, committed)}); run npm run openapi and commit it`,
  )
  return 1
}

function main(args: string[]): number {
  const { values } = parseArgs({ args, options: { out: { type: 'string' }, check: { type: 'boolean' } } })
  const document = buildOpenApiDocument()
  const text = openApiText(document)
  if (values.check) return check(values.out ?? relative(process.cwd(), openapiPath), text)
  if (values.out === undefined) {
    process.stdout.write(text)
    return 0
  }
  mkdirSync(dirname(values.out), { recursive: true })
  writeFileSync(values.out, text)
  const count = Object.values(document.paths).reduce((sum, item) => sum + Object.keys(item ?? {}).length, 0)
  console.log(
    `openapi: wrote ${values.out} (${count} operations, ${Object.keys(document.components?.schemas ?? {}).length} schemas)`,
  )
  return 0
}

try {
  process.exitCode = main(process.argv.slice(2))
} catch (error) {
  // parseArgs' unknown or incomplete option: one sentence.
  console.error(`openapi: ${(error as Error).message}`)
  process.exitCode = 2
}
