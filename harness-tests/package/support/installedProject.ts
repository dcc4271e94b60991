// The package as a user gets it: packed with npm pack, installed from the tarball into an empty
// project in a temporary folder (outside this repository, so nothing resolves to its
// node_modules), and its commands run there with npx. Every command is bounded in time.
import { spawn } from 'node:child_process'
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

export const repo = resolve(import.meta.dirname, '..', '..', '..')

export interface Finished {
  code: number
  output: string
}

/** The environment of a user's shell: none of this repository's run settings, nor npm's own for `npm test`. */
export function userEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [name, value] of Object.entries(process.env)) {
    const ours = /^(CONFORMANCE_|PLAYWRIGHT_|REFERENCE_|npm_|GITHUB_|RUNNER_)/i.test(name)
    if (!ours && !['PORT', 'INIT_CWD', 'NODE_PATH', 'NODE_OPTIONS'].includes(name)) env[name] = value
  }
  // The tarball's dependencies come from npm's cache when it has them.
  return { ...env, FORCE_COLOR: '0', npm_config_prefer_offline: 'true', npm_config_update_notifier: 'false', ...extra }
}

/** Runs a command to its end, or stops it (and what it started) after timeoutMs. */
export function runCommand(
  command: string,
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number },
): Promise<Finished> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))
    const limit = setTimeout(() => {
      output += `\n(stopped after ${options.timeoutMs / 1000} s)`
      stopGroup(child.pid)
    }, options.timeoutMs)
    child.on('error', fail)
    child.on('close', (code, signal) => {
      clearTimeout(limit)
      done({ code: code ?? (signal ? 128 : 1), output })
    })
  })
}

function stopGroup(pid: number | undefined, signal: NodeJS.Signals = 'SIGTERM'): void {
  if (pid === undefined) return
  try {
    process.kill(-pid, signal)
  } catch {
    // already gone
  }
}

/** npm pack of this repository (its prepack builds dist/), into `folder`; the tarball's path. */
export async function packPackage(folder: string): Promise<string> {
  const packed = await runCommand('npm', ['pack', '--pack-destination', folder], {
    cwd: repo,
    env: userEnvironment(),
    timeoutMs: 5 * 60_000,
  })
  if (packed.code !== 0) throw new Error(`npm pack failed (${packed.code}):\n${packed.output}`)
  const tarball = readdirSync(folder).find((name) => name.endsWith('.tgz'))
  if (!tarball) throw new Error(`npm pack wrote no tarball:\n${packed.output}`)
  return join(folder, tarball)
}

/** An empty project that installs the tarball, as `npm install <tarball>` in a new folder does. */
export async function installInto(project: string, tarball: string): Promise<void> {
  mkdirSync(project, { recursive: true })
  writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'user-project', private: true }, null, 2)}\n`)
  const installed = await runCommand('npm', ['install', '--no-audit', '--no-fund', tarball], {
    cwd: project,
    env: userEnvironment(),
    timeoutMs: 5 * 60_000,
  })
  if (installed.code !== 0)
    throw new Error(`npm install of the tarball failed (${installed.code}):\n${installed.output}`)
  // On a Node version the package's engines name, installing warns of no dependency's engines.
  if (/EBADENGINE/.test(installed.output))
    throw new Error(`npm install of the tarball warned of an unsupported engine:\n${installed.output}`)
}

export interface Served {
  url: string
  output: () => string
  stop: () => Promise<void>
}

/** `npx runtime-chat-conformance serve --port 0` in the project, once it says where it listens. */
export function serve(project: string, env: NodeJS.ProcessEnv): Promise<Served> {
  return new Promise((started, fail) => {
    const child = spawn('npx', ['--no', '--', 'runtime-chat-conformance', 'serve', '--port', '0'], {
      cwd: project,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    })
    let output = ''
    const closed = new Promise<void>((resolveClosed) => child.on('close', () => resolveClosed()))
    const stop = async () => {
      stopGroup(child.pid)
      const late = setTimeout(() => stopGroup(child.pid, 'SIGKILL'), 5_000)
      await closed
      clearTimeout(late)
    }
    const limit = setTimeout(() => {
      void stop()
      fail(new Error(`serve did not start within 60 s:\n${output}`))
    }, 60_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8')
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+\/?)/.exec(output)?.[1]
      if (url) {
        clearTimeout(limit)
        started({ url, output: () => output, stop })
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.on('close', (code) => {
      clearTimeout(limit)
      fail(new Error(`serve exited (${code}) before it listened:\n${output}`))
    })
  })
}
