// Runs the shell steps of a composite action (action.yml) on this machine as a GitHub runner
// would: each `run` with `bash --noprofile --norc -eo pipefail`, its `env` and
// `working-directory` with the expressions filled in, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY,
// GITHUB_ACTION_PATH and RUNNER_TEMP set. Only the expressions the action may use in those
// places are understood (inputs.<name>, steps.<id>.outputs.<name>); any other is an error, so
// the action stays runnable here. `uses` steps (GitHub's own actions) are listed, not run.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parse } from 'yaml'
import { runCommand, type Finished } from './installedProject.ts'

interface ActionStep {
  id?: string
  name?: string
  if?: string
  uses?: string
  run?: string
  shell?: string
  env?: Record<string, string>
  'working-directory'?: string
  with?: Record<string, string>
}

export interface ActionDefinition {
  inputs: Record<string, { description: string; required?: boolean; default?: string }>
  outputs: Record<string, { description: string; value: string }>
  runs: { using: string; steps: ActionStep[] }
}

interface StepRun extends Finished {
  name: string
  outputs: Record<string, string>
}

export interface ActionRun {
  steps: StepRun[]
  /** `uses` steps, not run here. */
  skipped: string[]
  /** What the steps wrote to GITHUB_STEP_SUMMARY. */
  summary: string
  /** The action's outputs, from its steps' outputs. */
  outputs: Record<string, string>
}

export function readAction(file: string): ActionDefinition {
  return parse(readFileSync(file, 'utf8')) as ActionDefinition
}

function outputsOf(file: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const equals = line.indexOf('=')
    if (equals > 0) outputs[line.slice(0, equals)] = line.slice(equals + 1)
  }
  return outputs
}

/** Fills in ${{ … }}: inputs.<name> and steps.<id>.outputs.<name>; nothing else. */
function expand(text: string, inputs: Record<string, string>, steps: Record<string, Record<string, string>>): string {
  return text.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_, expression: string) => {
    const input = /^inputs\.([\w-]+)$/.exec(expression)
    if (input?.[1] !== undefined) return inputs[input[1]] ?? ''
    const output = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expression)
    if (output?.[1] !== undefined && output[2] !== undefined) return steps[output[1]]?.[output[2]] ?? ''
    throw new Error(`the local runner does not know the expression ${expression}`)
  })
}

export async function runActionSteps(
  actionDir: string,
  given: Record<string, string>,
  place: { workspace: string; runnerTemp: string; env: NodeJS.ProcessEnv; timeoutMs: number },
): Promise<ActionRun> {
  const action = readAction(join(actionDir, 'action.yml'))
  const inputs: Record<string, string> = {}
  for (const [name, input] of Object.entries(action.inputs)) {
    const value = given[name] ?? input.default ?? ''
    if (input.required && value === '' && !(name in given)) throw new Error(`input ${name} is required`)
    inputs[name] = value
  }
  for (const name of Object.keys(given))
    if (!(name in action.inputs)) throw new Error(`the action has no input ${name}`)

  mkdirSync(place.runnerTemp, { recursive: true })
  mkdirSync(place.workspace, { recursive: true })
  const summaryFile = join(place.runnerTemp, 'step-summary.md')
  writeFileSync(summaryFile, '')
  const stepOutputs: Record<string, Record<string, string>> = {}
  const run: ActionRun = { steps: [], skipped: [], summary: '', outputs: {} }
  for (const [index, step] of action.runs.steps.entries()) {
    const name = step.name ?? step.id ?? `step ${index + 1}`
    if (step.uses !== undefined) {
      run.skipped.push(`${name} (${step.uses})`)
      continue
    }
    if (step.if !== undefined) throw new Error(`the local runner does not evaluate the condition of ${name}`)
    if (step.run === undefined || step.shell !== 'bash') throw new Error(`${name}: only bash run steps are run here`)
    // A failed step ends the job's steps, as on a runner (the action has no always() run step).
    if (run.steps.some((s) => s.code !== 0)) break
    const outputFile = join(place.runnerTemp, `output-${index}`)
    const script = join(place.runnerTemp, `step-${index}.sh`)
    writeFileSync(outputFile, '')
    writeFileSync(script, step.run)
    const env: NodeJS.ProcessEnv = {
      ...place.env,
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_ACTION_PATH: actionDir,
      GITHUB_WORKSPACE: place.workspace,
      RUNNER_TEMP: place.runnerTemp,
    }
    for (const [variable, value] of Object.entries(step.env ?? {})) env[variable] = expand(value, inputs, stepOutputs)
    const cwd = resolve(place.workspace, expand(step['working-directory'] ?? '.', inputs, stepOutputs))
    const finished = await runCommand('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
      cwd,
      env,
      timeoutMs: place.timeoutMs,
    })
    const outputs = outputsOf(outputFile)
    if (step.id) stepOutputs[step.id] = outputs
    run.steps.push({ name, ...finished, outputs })
  }
  run.summary = readFileSync(summaryFile, 'utf8')
  for (const [name, output] of Object.entries(action.outputs))
    run.outputs[name] = expand(output.value, inputs, stepOutputs)
  return run
}
