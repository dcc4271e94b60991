// Runs Stoplight Prism's CLI (mock or proxy) on a free loopback port as a child process: bounded
// start (it answers, or we give up with its output), and always stopped, also when our own
// process ends early, so no Prism outlives the run.
import { spawn, type ChildProcess } from 'node:child_process'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'

const prismCli = createRequire(import.meta.url).resolve('@stoplight/prism-cli/dist/index.js')

// Prism ends when its stdin closes, i.e. when this process is gone, however it went (even SIGKILL).
const exitWithParent = `data:text/javascript,${encodeURIComponent("process.stdin.on('end', () => process.exit(0)).on('error', () => process.exit(0)).resume()")}`

export interface PrismServer {
  url: string
  /** The last lines Prism wrote, for a failure message. */
  output(): string
  stop(): Promise<void>
}

export interface PrismOptions {
  /** How long Prism may take to answer its first request. */
  startTimeoutMs?: number
  /** Prism's log level; violations are read from answers, not from the log. */
  logLevel?: 'error' | 'warn' | 'info'
}

/** A port nothing listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      )
    })
  })
}

// Children still running when this process exits normally are killed with it.
const running = new Set<ChildProcess>()
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL')
})

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()))
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    child.kill('SIGTERM')
    const gone = await Promise.race([exited(child).then(() => true), sleep(3_000).then(() => false)])
    if (!gone) {
      child.kill('SIGKILL')
      await exited(child)
    }
  }
  running.delete(child)
}

async function answers(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(1_000) })
    return true
  } catch {
    return false
  }
}

async function startOnce(args: string[], options: Required<PrismOptions>): Promise<PrismServer> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const child = spawn(
    process.execPath,
    [
      '--import',
      exitWithParent,
      prismCli,
      ...args,
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--verboseLevel',
      options.logLevel,
    ],
    {
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  )
  running.add(child)
  const lines: string[] = []
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean))
    lines.splice(0, Math.max(0, lines.length - 40))
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  const server: PrismServer = { url, output: () => lines.join('\n'), stop: () => stopChild(child) }

  const deadline = Date.now() + options.startTimeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) break
    if (await answers(`${url}/`)) return server
    await sleep(150)
  }
  await server.stop()
  const why =
    child.exitCode !== null ? `exited with ${child.exitCode}` : `did not answer within ${options.startTimeoutMs} ms`
  throw new Error(`prism ${args[0]} ${why}:\n${server.output()}`)
}

/** Starts `prism <args>` on 127.0.0.1; a port taken in the meantime is retried once on another. */
export async function startPrism(args: string[], options: PrismOptions = {}): Promise<PrismServer> {
  const settled = { startTimeoutMs: 30_000, logLevel: 'warn', ...options } as const
  try {
    return await startOnce(args, settled)
  } catch (error) {
    if (!/EADDRINUSE/.test((error as Error).message)) throw error
    return startOnce(args, settled)
  }
}
