/**
 * Runs the bundled action (`dist/index.js`, or the CLI bundle) as the GitHub runner does:
 * inputs as `INPUT_<NAME>` with hyphens kept and the name upper-cased (`INPUT_TENANT-ID`), the
 * GITHUB_OUTPUT / GITHUB_STEP_SUMMARY / GITHUB_ENV files, GITHUB_REF, GITHUB_WORKSPACE and
 * RUNNER_TEMP. Build first with `npm run bundle`.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)))

export interface RunOptions {
  /** GITHUB_WORKSPACE (and the working directory); a fresh temp dir when absent. */
  workspace?: string
  /** Default `refs/tags/v1.2.3`. */
  ref?: string
  /** Default 120 s; the process is killed after it. */
  timeoutMs?: number
  /**
   * Sent to the process `ms` after it starts or, with `afterLine`, after the first stdout line
   * that matches: an event, not a guess of how far a run gets in a given time on a given machine.
   */
  signalAfter?: SignalAfter
}

export interface SignalAfter {
  ms: number
  signal: NodeJS.Signals
  afterLine?: RegExp
}

export interface RunResult {
  code: number | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  /** Raw GITHUB_OUTPUT and GITHUB_ENV contents, for leak checks. */
  outputFile: string
  envFile: string
}

/** `{ 'tenant-id': 'x' }` → `{ 'INPUT_TENANT-ID': 'x' }`. */
export function inputs(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values).map(([name, value]) => [
      `INPUT_${name.replace(/ /g, '_').toUpperCase()}`,
      value
    ])
  )
}

/** Runs `node dist/index.js` with the runner's environment plus `env`. */
export function runAction(
  env: Record<string, string>,
  options: RunOptions = {}
): Promise<RunResult> {
  return runBundle(join(root, 'dist/index.js'), [], env, options)
}

/** Runs the CLI bundle (`dist/cli/index.js`) with arguments. */
export function runCli(
  args: string[],
  env: Record<string, string>,
  options: RunOptions = {}
): Promise<RunResult> {
  return runBundle(join(root, 'dist/cli/index.js'), args, env, options)
}

async function runBundle(
  entry: string,
  args: string[],
  env: Record<string, string>,
  options: RunOptions
): Promise<RunResult> {
  const temp = mkdtempSync(join(tmpdir(), 'runner-'))
  const files = {
    output: join(temp, 'output'),
    summary: join(temp, 'summary'),
    env: join(temp, 'env')
  }
  for (const file of Object.values(files)) writeFileSync(file, '')
  const workspace = options.workspace ?? temp
  try {
    const child = spawn(process.execPath, [entry, ...args], {
      cwd: workspace,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? temp,
        GITHUB_ACTIONS: 'true',
        GITHUB_OUTPUT: files.output,
        GITHUB_STEP_SUMMARY: files.summary,
        GITHUB_ENV: files.env,
        GITHUB_REF: options.ref ?? 'refs/tags/v1.2.3',
        GITHUB_WORKSPACE: workspace,
        RUNNER_TEMP: temp,
        ...env
      },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    const signal = options.signalAfter
    let signaller: NodeJS.Timeout | undefined
    const armSignal = (): void => {
      if (signal && !signaller) signaller = setTimeout(() => child.kill(signal.signal), signal.ms)
    }
    if (!signal?.afterLine) armSignal()
    child.stdout.on('data', chunk => {
      stdout += chunk
      // Until armed; the whole output is searched, as a line can arrive split across chunks.
      const awaited = signaller ? undefined : signal?.afterLine
      if (awaited && stdout.split('\n').some(line => awaited.test(line))) armSignal()
    })
    child.stderr.on('data', chunk => (stderr += chunk))
    const killer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000)
    const code = await new Promise<number | null>(done => child.on('close', c => done(c)))
    clearTimeout(killer)
    clearTimeout(signaller)
    const outputFile = readFileSync(files.output, 'utf8')
    return {
      code,
      stdout,
      stderr,
      outputs: parseCommandFile(outputFile),
      summary: readFileSync(files.summary, 'utf8'),
      outputFile,
      envFile: readFileSync(files.env, 'utf8')
    }
  } finally {
    rmSync(temp, { recursive: true, force: true })
  }
}

/** The `name<<ghadelimiter_…` records @actions/core writes to GITHUB_OUTPUT and GITHUB_ENV. */
export function parseCommandFile(text: string): Record<string, string> {
  const values: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[i])
    if (!match) continue
    const value: string[] = []
    for (i++; i < lines.length && lines[i] !== match[2]; i++) value.push(lines[i])
    values[match[1]] = value.join('\n')
  }
  return values
}
