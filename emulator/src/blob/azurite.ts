/**
 * Azurite's blob service as a child process on a free loopback port: the real Storage protocol
 * (Put Blob, Put Block, Put Block List, SAS signature, permission and expiry checks) without
 * reimplementing it. Only the service limits Azurite ignores are enforced in front of it.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/** Azurite's well-known development account (public, documented, not a secret). */
export const DEV_ACCOUNT = 'devstoreaccount1'
export const DEV_ACCOUNT_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='

const READY_LINE = /successfully listens on (http:\/\/\S+)/
const START_TIMEOUT_MS = 30_000
const STOP_TIMEOUT_MS = 5_000

/**
 * Runs Azurite's `main.js` inside a small host script that exits when its stdin closes. The
 * parent holds the other end of that pipe, so Azurite dies with the emulator even when the
 * emulator is killed without running `stop()`. In memory there is nothing to keep, so it exits
 * at once; with `--location` it first lets Azurite shut down cleanly (it persists metadata) and
 * exits once Azurite reports it has closed: its timers would otherwise keep the process alive.
 */
const HOST_SCRIPT = `
const main = process.argv[1]
process.argv = [process.argv[0], main, ...process.argv.slice(2)]
const log = console.log
console.log = (...parts) => {
  log(...parts)
  if (String(parts[0]).includes('successfully closed')) process.exit(0)
}
process.stdin.on('end', () => {
  if (process.argv.includes('--inMemoryPersistence')) process.exit(0)
  setTimeout(() => process.exit(0), ${STOP_TIMEOUT_MS - 1_000}).unref()
  // Azurite registers its SIGTERM handler a moment after it prints that it listens.
  const shutDown = setInterval(() => {
    if (process.listenerCount('SIGTERM') === 0) return
    clearInterval(shutDown)
    process.emit('SIGTERM')
  }, 20)
})
process.stdin.resume()
require(main)
`

export interface Azurite {
  /** e.g. `http://127.0.0.1:41237`; the account is the first path segment. */
  origin: string
  pid: number
  stop(): Promise<void>
}

export async function startAzurite(o: {
  host: string
  location?: string
  /** Refuse storage versions Azurite does not know (tests of the action's uploader); default off. */
  checkApiVersion?: boolean
}): Promise<Azurite> {
  const require = createRequire(import.meta.url)
  const main = join(dirname(require.resolve('azurite/package.json')), 'dist/src/blob/main.js')
  const storage = o.location ? ['--location', o.location] : ['--inMemoryPersistence']
  const args = [
    ...['--blobHost', o.host, '--blobPort', '0', ...storage],
    '--silent',
    '--disableTelemetry',
    // Clients may speak any Storage version (the action's SDK, curl with 2018-03-28, ...).
    ...(o.checkApiVersion ? [] : ['--skipApiVersionCheck'])
  ]
  const child = spawn(process.execPath, ['-e', HOST_SCRIPT, main, ...args], {
    stdio: ['pipe', 'pipe', 'pipe']
  })
  const origin = await waitForReady(child)
  return {
    origin,
    pid: child.pid ?? -1,
    stop: () => stopChild(child)
  }
}

function waitForReady(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = ''
    const timer = setTimeout(
      () => fail(`Azurite did not start within ${START_TIMEOUT_MS} ms`),
      START_TIMEOUT_MS
    )
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8')
      const ready = READY_LINE.exec(output)
      if (ready) {
        clearTimeout(timer)
        child.off('exit', onExit)
        resolve(ready[1])
      }
    }
    const onExit = (code: number | null): void => fail(`Azurite exited with code ${code}`)
    function fail(reason: string): void {
      clearTimeout(timer)
      child.kill('SIGKILL')
      reject(new Error(`${reason}: ${output.trim().slice(-2_000)}`))
    }
    // Both streams are drained for the child's whole life so that it never blocks on a full pipe.
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', onExit)
  })
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise(resolve => {
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS)
    child.once('exit', () => {
      clearTimeout(timer)
      resolve()
    })
    child.stdin?.end()
  })
}
