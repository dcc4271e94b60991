// npm run report -- <folder of blob reports>: the conformance report of a sharded run. Each
// shard ran `npm run certify -- --shard=i/n --reporter=blob`; their blob reports, gathered in
// one folder, are merged by Playwright and passed through the same reporter as a whole run, so
// the report is the one an unsharded run writes. Exits like certify: 0 only when the level
// certified conforms.
import { spawn } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { ConfigError } from '../environment/configError.ts'
import { codeFile } from '../environment/packageLayout.ts'
import { readReportDir } from '../harness/config/harnessConfig.ts'
import { environment } from '../environment/environmentValues.ts'
import { removeReportFiles } from '../harness/reporting/reportFileNames.ts'
import { exitCodeOf, exitCodes, readReport } from '../harness/reporting/exitCodes.ts'
import { exitWhenDone } from './exitWhenDone.ts'

const playwrightCli = createRequire(import.meta.url).resolve('@playwright/test/cli')
const conformanceReporter = codeFile('src/harness/reporting/conformanceReporter')

function mergeReports(blobDir: string, env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const args = [playwrightCli, 'merge-reports', '--reporter', conformanceReporter, blobDir]
    const child = spawn(process.execPath, args, { env, stdio: 'inherit' })
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)))
  })
}

/** The folder of blob reports named by the arguments; a ConfigError when there is none to merge. */
function blobFolder(args: readonly string[]): string {
  const flag = args.find((arg) => arg.startsWith('-'))
  if (flag) throw new ConfigError(flag, 'is not an option of npm run report, which takes one folder of blob reports')
  if (args.length > 1)
    throw new ConfigError(args[1] as string, 'npm run report takes one folder: gather every shard’s blob report in it')
  const folder = args[0] ?? 'blob-report'
  const named = args[0] === undefined ? `no folder was named and ${folder}/` : folder
  let zips: string[]
  try {
    zips = readdirSync(folder).filter((name) => name.endsWith('.zip'))
  } catch {
    throw new ConfigError(
      'npm run report',
      `${named} is not a folder: name the folder that holds every shard's blob report (npm run report -- <folder>)`,
    )
  }
  if (zips.length === 0)
    throw new ConfigError('npm run report', `${named} holds no blob report (.zip): run each shard with --reporter=blob`)
  return folder
}

async function report(args: string[]): Promise<number> {
  const env = environment()
  const reportDir = readReportDir(env)
  const blobDir = blobFolder(args)
  removeReportFiles(reportDir)
  const mergeExit = await mergeReports(blobDir, {
    ...env,
    CONFORMANCE_REPORT_DIR: reportDir,
  })
  const written = readReport(reportDir)
  if (!written) {
    console.error(`report: no report written from the blob reports in ${blobDir} (merge-reports exited ${mergeExit})`)
    return exitCodes.noReport
  }
  return exitCodeOf(written)
}

exitWhenDone('report', report(process.argv.slice(2)))
