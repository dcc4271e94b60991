// The package as a user gets it: npm pack, installed from the tarball into an empty project in a
// temporary folder (no access to this repository's node_modules). There, `npx
// runtime-chat-conformance serve` and `certify` must give exit 0 and the reports; certify() from a
// script must resolve with the report; a fault in the served reference must give exit 1 and the
// failure in the report; the GitHub Action's shell steps and the GitLab template's script must
// certify with the same tarball.
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { parse } from 'yaml'
import type { ConformanceReport } from '../../src/harness/reporting/conformanceReport.ts'
import { exitCodeOf, exitCodes } from '../../src/harness/reporting/exitCodes.ts'
import { referenceDefaults } from '../../src/reference/defaults.ts'
import { faultsNamed } from '../../src/reference/faults/index.ts'
import { checksGrep } from '../../src/runs/certificationProcess.ts'
import { runActionSteps } from './support/actionSteps.ts'
import {
  installInto,
  packPackage,
  repo,
  runCommand,
  serve,
  userEnvironment,
  type Finished,
  type Served,
} from './support/installedProject.ts'

const reportFiles = ['conformance.json', 'conformance.md', 'conformance.html', 'badge.svg', 'junit.xml']
const token = `package-test-${randomBytes(8).toString('hex')}`
const botId = referenceDefaults.botId
/** The fault the served reference is started with, and the checks that see it. */
const fault = faultsNamed('user-delete-keeps-user')[0]!

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T
}

/**
 * A run narrowed with --grep on the clean reference: the checks it ran all passed, and its exit
 * code is the one its verdict gives. (Whether the checks it did not run leave a level
 * `incomplete` is the reporter's business, not the package's.)
 */
function assertCleanNarrowedRun(report: ConformanceReport, exitCode: number | string, prefix: string): void {
  const ran = report.checks.filter((c) => c.id.startsWith(prefix))
  assert.ok(ran.length > 0, `the report holds the ${prefix}* checks`)
  assert.deepEqual(
    ran.filter((c) => c.status !== 'passed').map((c) => `${c.id}: ${c.status}`),
    [],
  )
  assert.deepEqual(
    report.checks.filter((c) => c.status === 'failed').map((c) => c.id),
    [],
  )
  assert.equal(Number(exitCode), exitCodeOf(report), 'the exit code is the verdict’s')
}

function shown(finished: Finished): string {
  return `exit ${finished.code}:\n${finished.output.slice(-3_000)}`
}

describe('the packed package, installed in an empty project', { timeout: 20 * 60_000 }, () => {
  const work = mkdtempSync(join(tmpdir(), 'conformance-package-'))
  const project = join(work, 'project')
  const servers: Served[] = []
  let tarball: string
  let reference: Served

  const env = (extra: Record<string, string> = {}) => userEnvironment({ CONFORMANCE_TOKEN: token, ...extra })
  const npx = (args: string[], extra: Record<string, string> = {}, timeoutMs = 5 * 60_000) =>
    runCommand('npx', ['--no', '--', 'runtime-chat-conformance', ...args], { cwd: project, env: env(extra), timeoutMs })
  /** The installed command run by node directly: quicker than npx, for the many small calls. */
  const bin = (args: string[]) =>
    runCommand(process.execPath, [join(project, 'node_modules', '.bin', 'runtime-chat-conformance'), ...args], {
      cwd: project,
      env: env(),
      timeoutMs: 60_000,
    })
  const startServer = async (extra: Record<string, string> = {}) => {
    const server = await serve(project, env(extra))
    servers.push(server)
    return server
  }
  const target = (url: string, reportDir: string) => ({
    CONFORMANCE_BASE_URL: url,
    CONFORMANCE_BOT_ID: botId,
    CONFORMANCE_REPORT_DIR: reportDir,
  })

  before(async () => {
    tarball = await packPackage(work)
    await installInto(project, tarball)
    reference = await startServer()
  })

  after(async () => {
    await Promise.all(servers.map((server) => server.stop()))
    rmSync(work, { recursive: true, force: true })
  })

  test('the project has the package from the tarball, compiled, without TypeScript or a loader', async () => {
    const resolved = await runCommand(
      process.execPath,
      ['-e', "console.log(require.resolve('runtime-chat-conformance/package.json'))"],
      { cwd: project, env: env(), timeoutMs: 30_000 },
    )
    assert.equal(resolved.code, 0, shown(resolved))
    assert.equal(resolved.output.trim(), join(project, 'node_modules', 'runtime-chat-conformance', 'package.json'))
    const installed = join(project, 'node_modules')
    for (const absent of ['tsx', 'typescript'])
      assert.ok(!existsSync(join(installed, absent)), `${absent} is not installed with the package`)
    const packaged = join(installed, 'runtime-chat-conformance')
    for (const present of [
      'dist/src/cli/main.js',
      'dist/src/index.d.ts',
      'schemas/operations.json',
      'openapi/runtime-chat-api.json',
    ])
      assert.ok(existsSync(join(packaged, present)), `the package holds ${present}`)
    assert.ok(!existsSync(join(packaged, 'src')), 'no TypeScript sources are shipped')
  })

  test('--help lists the commands, each command has its --help, --version is the package’s', async () => {
    const help = await npx(['--help'])
    assert.equal(help.code, 0, shown(help))
    const commands = ['certify', 'serve', 'report', 'cleanup', 'replay', 'openapi', 'drift']
    for (const command of commands) assert.match(help.output, new RegExp(`^  ${command} `, 'm'))
    for (const command of commands) {
      for (const asked of [
        [command, '--help'],
        ['help', command],
      ]) {
        const own = await bin(asked)
        assert.equal(own.code, 0, shown(own))
        assert.match(own.output, new RegExp(`^usage: runtime-chat-conformance ${command}`, 'm'))
      }
    }
    const version = await npx(['--version'])
    assert.equal(version.output.trim(), readJson<{ version: string }>(join(repo, 'package.json')).version)
    const unknown = await bin(['certfy'])
    assert.equal(unknown.code, 2)
    assert.match(unknown.output, /certfy is not a command/)
  })

  test('openapi prints the shipped document, and drift finds none between it and the schemas', async () => {
    const printed = await npx(['openapi'])
    assert.equal(printed.code, 0, shown(printed))
    assert.equal(printed.output, readFileSync(join(repo, 'openapi', 'runtime-chat-api.json'), 'utf8'))
    const shipped = join('node_modules', 'runtime-chat-conformance', 'openapi', 'runtime-chat-api.json')
    const drift = await npx(['drift', shipped])
    assert.equal(drift.code, 0, shown(drift))
    assert.match(drift.output, /^drift: none/m)
  })

  test('npx serve, then npx certify: exit 0 and the reports in the project', async () => {
    const certified = await npx(['certify'], target(reference.url, 'reports'), 10 * 60_000)
    assert.equal(certified.code, 0, shown(certified))
    for (const file of reportFiles) assert.ok(existsSync(join(project, 'reports', file)), `reports/${file} is written`)
    const report = readJson<ConformanceReport>(join(project, 'reports', 'conformance.json'))
    assert.equal(report.levels[report.level].verdict, 'conforms')
    assert.ok(report.checks.filter((c) => c.status === 'passed').length > 100, 'the whole suite ran')
    assert.ok(!certified.output.includes(token), 'the token is not printed')
  })

  test('certify() from a script resolves with the report', async () => {
    const script = join(project, 'certify-from-a-script.mjs')
    writeFileSync(
      script,
      `import { certify } from 'runtime-chat-conformance'
const report = await certify({
  baseUrl: process.env.TARGET_URL,
  token: process.env.TARGET_TOKEN,
  botId: process.env.TARGET_BOT,
  reportDir: 'library-reports',
  level: 'core',
  playwrightArgs: ['--grep', 'S8\\\\.user\\\\.'],
  output: 'quiet',
})
console.log(JSON.stringify(report))
`,
    )
    const ran = await runCommand(process.execPath, [script], {
      cwd: project,
      env: userEnvironment({ TARGET_URL: reference.url, TARGET_TOKEN: token, TARGET_BOT: botId }),
      timeoutMs: 5 * 60_000,
    })
    assert.equal(ran.code, 0, shown(ran))
    const resolved = JSON.parse(ran.output.trim().split('\n').at(-1) ?? '') as ConformanceReport
    assertCleanNarrowedRun(resolved, exitCodeOf(resolved), 'S8.user.')
    const written = readJson<ConformanceReport>(join(project, 'library-reports', 'conformance.json'))
    assert.deepEqual(resolved, written, 'it is the report the run wrote')
  })

  test('the shipped declarations type a TypeScript caller', async () => {
    writeFileSync(
      join(project, 'typed.ts'),
      `import { certify, exitCodeOf, type ConformanceReport } from 'runtime-chat-conformance'
export const run: Promise<ConformanceReport> = certify({ level: 'strict', seed: 42, tagKeys: ['a', 'conformanceRun'] })
export const code: Promise<number> = run.then(exitCodeOf)
// @ts-expect-error: not a level
export const wrong = certify({ level: 'gold' })
`,
    )
    const tsc = join(repo, 'node_modules', 'typescript', 'bin', 'tsc')
    const args = [
      '--noEmit',
      '--strict',
      '--module',
      'nodenext',
      '--moduleResolution',
      'nodenext',
      '--target',
      'es2022',
    ]
    const checked = await runCommand(
      process.execPath,
      [tsc, ...args, '--skipLibCheck', '--lib', 'es2022,dom', 'typed.ts'],
      { cwd: project, env: env(), timeoutMs: 2 * 60_000 },
    )
    assert.equal(checked.code, 0, shown(checked))
  })

  test('a fault in the served reference: certify exits 1 and the report names the broken rule', async () => {
    const faulty = await startServer({ REFERENCE_FAULT: fault.name })
    const concerns = [...(fault.concerns ?? [])]
    assert.ok(concerns.length > 0)
    const certified = await npx(['certify', '--grep', checksGrep(concerns)], target(faulty.url, 'faulty-reports'))
    assert.equal(certified.code, 1, shown(certified))
    const report = readJson<ConformanceReport>(join(project, 'faulty-reports', 'conformance.json'))
    assert.equal(report.levels[report.level].verdict, 'does not conform')
    const failed = report.checks.filter((c) => c.status === 'failed')
    assert.ok(
      failed.some((c) => c.rule === fault.breaks),
      `a check of ${fault.breaks} failed: ${failed.map((c) => c.id).join(', ')}`,
    )
    assert.match(readFileSync(join(project, 'faulty-reports', 'conformance.md'), 'utf8'), /does not conform/)
  })

  describe('the GitHub Action’s shell steps, run here with its inputs', () => {
    const workspace = () => join(work, 'action-workspace')
    const run = (inputs: Record<string, string>, name: string) =>
      runActionSteps(repo, inputs, {
        workspace: workspace(),
        runnerTemp: join(work, `runner-temp-${name}`),
        env: userEnvironment(),
        timeoutMs: 5 * 60_000,
      })

    test('they install the package, certify, fill the summary and the outputs', async () => {
      rmSync(workspace(), { recursive: true, force: true })
      const result = await run(
        {
          'base-url': reference.url,
          token,
          'bot-id': botId,
          level: 'core',
          package: relative(workspace(), tarball),
          args: `--grep=${checksGrep(['S8.user.'])}`,
          'target-name': 'action test',
        },
        'pass',
      )
      const [install, certify] = result.steps
      assert.equal(install?.name, 'Install runtime-chat-conformance')
      assert.equal(install.code, 0, shown(install))
      assert.equal(certify?.name, 'Certify')
      assert.equal(result.outputs['report-dir'], join(workspace(), 'reports'))
      const report = readJson<ConformanceReport>(join(workspace(), 'reports', 'conformance.json'))
      assertCleanNarrowedRun(report, certify.code, 'S8.user.')
      assert.equal(result.outputs['exit-code'], String(certify.code), shown(certify))
      assert.equal(result.outputs.verdict, report.levels[report.level].verdict)
      for (const file of reportFiles) assert.ok(existsSync(join(workspace(), 'reports', file)), `reports/${file}`)
      assert.match(result.summary, /^# Runtime API conformance: action test/m)
      assert.ok(!result.steps.some((s) => s.output.includes(token)), 'the token is not printed')
    })

    test('an empty base URL (a missing secret) fails in one sentence instead of certifying the reference', async () => {
      const result = await run({ 'base-url': '', token, 'bot-id': botId, package: tarball }, 'empty')
      const certify = result.steps.find((s) => s.name === 'Certify')
      assert.equal(certify?.code, 2, certify && shown(certify))
      assert.match(certify.output, /base-url is empty/)
      assert.equal(result.outputs.verdict, 'no report')
    })
  })

  test('the GitLab template’s script certifies with the package it names', async () => {
    const template = parse(readFileSync(join(repo, 'docs', 'ci', 'gitlab-ci-certify.yml'), 'utf8')) as Record<
      string,
      { script?: string[]; variables?: Record<string, string>; artifacts?: { paths: string[] } }
    >
    const job = template['.runtime-chat-conformance']
    assert.ok(job?.script && job.variables && job.artifacts)
    const folder = join(work, 'gitlab-job')
    rmSync(folder, { recursive: true, force: true })
    writeFileSync(join(work, 'gitlab-script.sh'), `mkdir -p '${folder}' && cd '${folder}'\n${job.script.join('\n')}\n`)
    const ran = await runCommand('bash', ['-eo', 'pipefail', join(work, 'gitlab-script.sh')], {
      cwd: work,
      env: userEnvironment({
        ...job.variables,
        CONFORMANCE_PACKAGE: tarball,
        CERTIFY_ARGS: `--grep=${checksGrep(['S8.user.'])}`,
        CONFORMANCE_TOKEN: token,
        ...target(reference.url, 'reports'),
        CONFORMANCE_REPORT_DIR: '',
      }),
      timeoutMs: 6 * 60_000,
    })
    assert.equal(ran.code, exitCodes.partial, shown(ran)) // narrowed to S8.user.: partial
    assertCleanNarrowedRun(
      readJson<ConformanceReport>(join(folder, 'reports', 'conformance.json')),
      ran.code,
      'S8.user.',
    )
    const kept = ['conformance.json', 'conformance.md', 'conformance.html', 'badge.svg', 'junit.xml']
    for (const file of kept) {
      assert.ok(existsSync(join(folder, 'reports', file)), `reports/${file}`)
      const path = `reports/${file}`
      assert.ok(
        job.artifacts.paths.some((pattern) =>
          new RegExp(`^${pattern.replace('.', '\\.').replace('*', '[^/]*')}$`).test(path),
        ),
        `the artifacts keep ${path}`,
      )
    }
  })
})
