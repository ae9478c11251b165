// Runs the bundled action (`dist/index.js`) the way the GitHub runner does: inputs as
// `INPUT_<NAME>` with hyphens kept, and GITHUB_OUTPUT / GITHUB_STEP_SUMMARY / GITHUB_ENV files.
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { actionEntry, root, workDir } from './paths.mjs'

export function actionEnv(inputs, files) {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    ...Object.fromEntries(
      Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, String(value)])
    ),
    GITHUB_ACTIONS: 'true',
    GITHUB_REF: 'refs/tags/v1.2.3',
    GITHUB_WORKSPACE: root,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_ENV: files.env,
    RUNNER_TEMP: files.dir
  }
}

/** Fresh runner files in a folder under bench/.work; `cleanup()` removes them. */
export function runnerFiles() {
  const dir = mkdtempSync(join(workDir, 'runner-'))
  const files = {
    dir,
    output: join(dir, 'output'),
    summary: join(dir, 'summary.md'),
    env: join(dir, 'env')
  }
  for (const file of [files.output, files.summary, files.env]) writeFileSync(file, '')
  return { ...files, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

/** Runs the action to completion: `{ code, wallMs, stdout, stderr, summary, outputs }`. */
export async function runAction(inputs) {
  const files = runnerFiles()
  try {
    const started = performance.now()
    const { code, stdout, stderr } = await new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [actionEntry], {
        cwd: root,
        env: actionEnv(inputs, files)
      })
      let out = ''
      let err = ''
      child.stdout.on('data', chunk => (out += chunk))
      child.stderr.on('data', chunk => (err += chunk))
      child.once('error', reject)
      child.once('close', exitCode => resolve({ code: exitCode, stdout: out, stderr: err }))
    })
    const wallMs = performance.now() - started
    return {
      code,
      wallMs,
      stdout,
      stderr,
      summary: readFileSync(files.summary, 'utf8'),
      outputs: parseOutputFile(readFileSync(files.output, 'utf8'))
    }
  } finally {
    files.cleanup()
  }
}

/** `name<<delimiter\nvalue\ndelimiter` records, as @actions/core writes GITHUB_OUTPUT. */
function parseOutputFile(text) {
  const outputs = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[i])
    if (!match) continue
    const value = []
    for (i++; i < lines.length && lines[i] !== match[2]; i++) value.push(lines[i])
    outputs[match[1]] = value.join('\n')
  }
  return outputs
}

/** The first `::error::` line of a failed run, for the report (annotations carry no secrets). */
export function firstError(run) {
  const line = run.stdout.split('\n').find(l => l.startsWith('::error'))
  return (line ?? run.stderr.trim().split('\n')[0] ?? '')
    .replace(/^::error[^:]*::/, '')
    .slice(0, 400)
}
