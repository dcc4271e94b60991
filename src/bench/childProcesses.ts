// Every server process the bench starts, so each one is stopped however the bench ends. A child
// leads its own process group, so stopping it also stops what it started. Certifications run
// through src/runs/certificationProcess.ts, which stops its own the same way.
import { spawn, type ChildProcess } from 'node:child_process'
import { projectRoot, stopCertificationProcesses } from '../runs/certificationProcess.ts'

const running = new Set<ChildProcess>()

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return
  try {
    process.kill(-child.pid, signal)
  } catch {
    // already gone
  }
}

process.once('exit', () => {
  for (const child of running) signalGroup(child, 'SIGKILL')
})

function start(command: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(command, args, { cwd: projectRoot, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  running.add(child)
  child.once('exit', () => running.delete(child))
  return child
}

/** Stops a child and its group: SIGTERM, then SIGKILL after a grace period. */
export function stop(child: ChildProcess, graceMs = 3000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    const kill = setTimeout(() => signalGroup(child, 'SIGKILL'), graceMs)
    child.once('exit', () => {
      clearTimeout(kill)
      resolve()
    })
    signalGroup(child, 'SIGTERM')
  })
}

export async function stopAll(): Promise<void> {
  await Promise.all([...[...running].map((child) => stop(child)), stopCertificationProcesses()])
}

export interface ServerChild {
  url: string
  stop: () => Promise<void>
}

/** Starts a server process that prints "listening on http://127.0.0.1:<port>/" and waits for that line. */
export function startServer(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  timeoutMs = 30_000,
): Promise<ServerChild> {
  const child = start(command, args, env)
  let output = ''
  return new Promise((resolve, reject) => {
    const fail = (why: string) => {
      clearTimeout(limit)
      void stop(child)
      reject(new Error(`${[command, ...args].join(' ')}: ${why}\n${output.trim()}`))
    }
    const limit = setTimeout(() => fail(`did not say where it listens within ${timeoutMs} ms`), timeoutMs)
    const read = (chunk: Buffer) => {
      output += chunk.toString('utf8')
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output)?.[1]
      if (!url) return
      clearTimeout(limit)
      child.stdout?.off('data', read)
      child.stdout?.resume()
      child.stderr?.resume()
      resolve({ url, stop: () => stop(child) })
    }
    child.stdout?.on('data', read)
    child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString('utf8')).slice(-4000)))
    child.once('exit', (code) => fail(`exited (${code}) before listening`))
  })
}
