// The CI integrations are valid files: action.yml and every GitHub workflow this repository
// holds or shows (docs/ci/) pass @action-validator/cli (GitHub's schemas for actions and
// workflows), the action's scripts read inputs only through env, and the GitLab template has the
// jobs docs/ci.md describes. The steps themselves run in installedPackage.test.ts.
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { test } from 'node:test'
import { parse } from 'yaml'
import { readAction } from './support/actionSteps.ts'
import { repo } from './support/installedProject.ts'

const validatorCli = join(
  dirname(createRequire(import.meta.url).resolve('@action-validator/cli/package.json')),
  'cli.mjs',
)

function validate(file: string): { code: number | null; output: string } {
  const run = spawnSync(process.execPath, [validatorCli, file], { encoding: 'utf8', timeout: 60_000 })
  return { code: run.status, output: `${run.stdout}${run.stderr}` }
}

function workflowFiles(): string[] {
  const folders = [join(repo, 'docs', 'ci'), join(repo, '.github', 'workflows')].filter((folder) => existsSync(folder))
  return folders.flatMap((folder) =>
    readdirSync(folder)
      .filter((name) => /\.ya?ml$/.test(name) && !name.startsWith('gitlab'))
      .map((name) => join(folder, name)),
  )
}

test('action.yml and every GitHub workflow pass the validator', () => {
  const files = [join(repo, 'action.yml'), ...workflowFiles()]
  assert.ok(files.length >= 3, `action.yml and the example workflows: ${files.join(', ')}`)
  for (const file of files) {
    const { code, output } = validate(file)
    assert.equal(code, 0, `${file}:\n${output}`)
  }
})

test('the validator rejects a broken action and a broken workflow', () => {
  const folder = mkdtempSync(join(tmpdir(), 'conformance-ci-files-'))
  try {
    const action = readFileSync(join(repo, 'action.yml'), 'utf8')
    // A step without `shell`, which a composite action's run step must name.
    const brokenAction = join(folder, 'action.yml')
    writeFileSync(brokenAction, action.replace(/^ {6}shell: bash\n/m, ''))
    assert.notEqual(validate(brokenAction).code, 0)
    const [workflow] = workflowFiles()
    assert.ok(workflow)
    const brokenWorkflow = join(folder, 'workflow.yml')
    writeFileSync(brokenWorkflow, readFileSync(workflow, 'utf8').replace(/runs-on:/, 'runs-at:'))
    assert.notEqual(validate(brokenWorkflow).code, 0)
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
})

test('the action’s scripts take inputs through env only, and every CONFORMANCE_ variable is one the harness reads', () => {
  const action = readAction(join(repo, 'action.yml'))
  const known = new Set(
    [...readFileSync(join(repo, '.env.example'), 'utf8').matchAll(/^(CONFORMANCE_\w+)=/gm)].map((m) => m[1]),
  )
  for (const name of ['CONFORMANCE_RUN_ID', 'CONFORMANCE_REPORT_DIR']) known.add(name)
  for (const step of action.runs.steps) {
    if (step.run !== undefined) assert.ok(!step.run.includes('${{'), `${step.name}: no expression inside the script`)
    for (const variable of Object.keys(step.env ?? {}).filter((name) => name.startsWith('CONFORMANCE_')))
      assert.ok(known.has(variable) || variable === 'CONFORMANCE_BIN', `${variable} is a setting of the harness`)
  }
  for (const [name, input] of Object.entries(action.inputs)) assert.ok(input.description, `input ${name} is described`)
  assert.deepEqual(Object.keys(action.outputs).sort(), ['exit-code', 'report-dir', 'verdict'])
})

test('the GitLab template: a hidden job with the script, two jobs extending it', () => {
  const template = parse(readFileSync(join(repo, 'docs', 'ci', 'gitlab-ci-certify.yml'), 'utf8')) as Record<
    string,
    { extends?: string; script?: unknown; image?: string; artifacts?: { when?: string; reports?: { junit?: string } } }
  >
  const base = template['.runtime-chat-conformance']
  assert.ok(base && Array.isArray(base.script) && base.script.every((line) => typeof line === 'string'))
  assert.match(base.image ?? '', /^node:2\d/)
  assert.equal(base.artifacts?.when, 'always')
  assert.equal(base.artifacts.reports?.junit, 'reports/junit.xml')
  for (const job of ['conformance:staging', 'conformance:own-server'])
    assert.equal(template[job]?.extends, '.runtime-chat-conformance', job)
})
