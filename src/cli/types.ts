// types: writes src/contract/contractTypes.generated.ts from schemas/ (npm run types). With
// --check it writes nothing and exits 1 when the committed file is not what schemas/ give, so a
// change to schemas/ cannot land without its types.
import { readFileSync, writeFileSync } from 'node:fs'
import { relative } from 'node:path'
import { parseArgs } from 'node:util'
import { contractTypesPath, contractTypesText } from '../typeGeneration/contractTypes.ts'

async function main(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { check: { type: 'boolean' } } })
  const text = await contractTypesText()
  const shown = relative(process.cwd(), contractTypesPath)
  if (!values.check) {
    writeFileSync(contractTypesPath, text)
    console.log(`types: wrote ${shown}`)
    return 0
  }
  let committed = ''
  try {
    committed = readFileSync(contractTypesPath, 'utf8')
  } catch {
    // missing: out of date below
  }
  if (committed === text) {
    console.log(`types: ${shown} is up to date with schemas/`)
    return 0
  }
  console.error(`types: ${shown} is out of date with schemas/; run npm run types and commit it`)
  return 1
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(`types: ${(error as Error).message}`)
    process.exitCode = 2
  },
)
