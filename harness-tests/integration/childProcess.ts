// Runs a command of the harness as a user would, and keeps everything it printed (the secret
// scan searches the console output too).
import { spawn } from 'node:child_process'

export interface Finished {
  code: number
  output: string
}

export function run(
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  cwd = process.cwd(),
): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code: code ?? 1, output }))
  })
}

/** The environment without the user's harness settings (a .env does not override what is set, even empty). */
export function cleanEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [name, value] of Object.entries(process.env)) {
    if (
      !name.startsWith('CONFORMANCE_') &&
      !name.startsWith('PLAYWRIGHT_') &&
      name !== 'REFERENCE_FAULT' &&
      name !== 'PORT'
    )
      env[name] = value
  }
  const harnessVariables = [
    'BASE_URL',
    'TOKEN',
    'BOT_ID',
    'INTEGRATION_ID',
    'ACTION',
    'ACTION_INPUT',
    'SEED',
    'RUN_ID',
    'TIMEOUT_MS',
    'WORKERS',
    'REPORT_DIR',
    'TAG_KEYS',
    'LEVEL',
    'TARGET_NAME',
    'TARGET_VERSION',
  ]
  for (const name of harnessVariables) env[`CONFORMANCE_${name}`] = ''
  return { ...env, FORCE_COLOR: '0', ...overrides }
}
