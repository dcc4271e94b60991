// npm run drift -- <OpenAPI document>: lists, per operation and field, where the document and
// schemas/ differ. Exit 0: nothing in scope differs; 1: something does; 2: the document cannot
// be read (one sentence, no stack trace).
import { allOperations } from '../contract/operations.ts'
import { UnreadableDocument, readOpenApiFile } from '../drift/documentLoading.ts'
import { driftAgainst } from '../drift/driftCheck.ts'
import { driftLineText } from '../drift/driftComparison.ts'

export const driftExitCodes = { same: 0, drift: 1, unreadable: 2 } as const

const ours = allOperations.size

function main(args: string[]): number {
  const [path, ...extra] = args.filter((arg) => arg !== '--')
  if (!path || extra.length > 0) {
    console.error('usage: npm run drift -- <path to an OpenAPI 3.x document (JSON or YAML)>')
    return driftExitCodes.unreadable
  }
  const theirs = readOpenApiFile(path)
  const { lines, outOfScope } = driftAgainst(theirs)
  const info = theirs.document.info as { title?: unknown; version?: unknown } | undefined
  const name = [path, info?.title, info?.version].filter((part) => typeof part === 'string').join(', ')
  const ignored =
    outOfScope.length > 0
      ? ` ${outOfScope.length} of its operations are outside our ${ours} and were not compared (${outOfScope.join(', ')}).`
      : ''
  if (lines.length === 0) {
    console.log(`drift: none. The ${ours} operations of schemas/ (ours) agree with ${name} (theirs).${ignored}`)
    return driftExitCodes.same
  }
  console.log(`drift between schemas/ (ours) and ${name} (theirs):`)
  for (const line of lines) console.log(`  ${driftLineText(line)}`)
  const operations = new Set(lines.map((line) => line.operation)).size
  console.log(
    `${lines.length} difference${lines.length === 1 ? '' : 's'} in ${operations} of the ${ours} operations.${ignored}`,
  )
  return driftExitCodes.drift
}

try {
  process.exitCode = main(process.argv.slice(2))
} catch (error) {
  if (!(error instanceof UnreadableDocument)) throw error
  console.error(`drift: ${error.message}`)
  process.exitCode = driftExitCodes.unreadable
}
