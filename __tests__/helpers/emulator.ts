/**
 * Starts the built emulator (`npm run build:emulator` first) as a child process on a free port
 * and hands back its ready line, an admin client and stop(). Tests talk to it over HTTP only;
 * the ready line's type is the emulator's own (a type import: no emulator code runs here).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { ReadyInfo } from '../../emulator/src/emulator.js'

export type { ReadyInfo }

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url))
/** EMULATOR_MAIN in the environment runs another build (e.g. one being debugged). */
export const EMULATOR_MAIN =
  process.env.EMULATOR_MAIN ??
  fileURLToPath(new URL('../../build/emulator/main.js', import.meta.url))

const START_TIMEOUT_MS = 30_000
const STOP_TIMEOUT_MS = 10_000
const STDERR_TAIL_CHARS = 2_000

export interface EmulatorProcess {
  ready: ReadyInfo
  /** The child process (its pid, exit state). */
  child: ChildProcess
  /** fetch(`${adminUrl}${path}`): the Response, so tests can check the status too. */
  admin(path: string, init?: RequestInit): Promise<Response>
  /** The same, parsed as JSON; rejects on a non-2xx status. */
  adminJson<T = any>(path: string, init?: RequestInit): Promise<T> // eslint-disable-line @typescript-eslint/no-explicit-any
  /** Everything the emulator wrote on stderr so far. */
  stderr(): string
  /** SIGTERM, then waits for the process to exit. */
  stop(): Promise<void>
}

export async function startEmulatorProcess(args: string[] = []): Promise<EmulatorProcess> {
  if (!existsSync(EMULATOR_MAIN))
    throw new Error(`${EMULATOR_MAIN} is missing: run npm run build:emulator first`)
  const child = spawn(process.execPath, [EMULATOR_MAIN, '--port', '0', '--quiet', ...args], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stderr = ''
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const exited = new Promise<void>(resolve => child.once('exit', () => resolve()))

  const ready = await new Promise<ReadyInfo>((resolve, reject) => {
    let stdout = ''
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`emulator not ready after ${START_TIMEOUT_MS} ms: ${tail(stderr)}`))
    }, START_TIMEOUT_MS)
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk
      const newline = stdout.indexOf('\n')
      if (newline < 0) return
      clearTimeout(timer)
      try {
        resolve(JSON.parse(stdout.slice(0, newline)) as ReadyInfo)
      } catch {
        child.kill('SIGKILL')
        reject(new Error(`emulator printed no JSON ready line: ${stdout.slice(0, newline)}`))
      }
    })
    child.once('exit', code => {
      clearTimeout(timer)
      reject(new Error(`emulator exited with ${code} before it was ready: ${tail(stderr)}`))
    })
  })

  const admin = (path: string, init?: RequestInit): Promise<Response> =>
    fetch(`${ready.adminUrl}${path}`, init)
  return {
    ready,
    child,
    admin,
    async adminJson(path, init) {
      const reply = await admin(path, init)
      const body: unknown = await reply.json()
      if (!reply.ok) throw new Error(`${path} answered ${reply.status}: ${JSON.stringify(body)}`)
      return body as any // eslint-disable-line @typescript-eslint/no-explicit-any
    },
    stderr: () => stderr,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return
      child.kill('SIGTERM')
      const timeout = new Promise<'timeout'>(resolve =>
        setTimeout(() => resolve('timeout'), STOP_TIMEOUT_MS).unref()
      )
      if ((await Promise.race([exited, timeout])) === 'timeout') {
        child.kill('SIGKILL')
        throw new Error(`emulator did not exit within ${STOP_TIMEOUT_MS} ms of SIGTERM`)
      }
    }
  }
}

function tail(text: string): string {
  return text.length > STDERR_TAIL_CHARS
    ? `…${text.slice(-STDERR_TAIL_CHARS)}`
    : text || '(no stderr)'
}
