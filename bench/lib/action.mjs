// Runs the bundled action (`dist/index.js`) the way the GitHub runner does: inputs as
// `INPUT_<NAME>` with hyphens kept, and GITHUB_OUTPUT / GITHUB_STEP_SUMMARY / GITHUB_ENV files.
import { spawn } from 'node:child_process'
import { mkdirSync, readFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import {
  actionEnv as runnerEnv,
  runnerFiles as freshRunnerFiles,
  parseOutputFile
} from '../../scripts/lib/github-runner.mjs'
import { actionEntry, root, workDir } from './paths.mjs'

export function actionEnv(inputs, files) {
  const baseEnv = { PATH: process.env.PATH, HOME: process.env.HOME }
  return runnerEnv(inputs, files, { workspace: root, baseEnv })
}

export function runnerFiles() {
  mkdirSync(workDir, { recursive: true })
  return freshRunnerFiles(workDir)
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

/** The first `::error::` line of a failed run, for the report (annotations carry no secrets). */
export function firstError(run) {
  const line = run.stdout.split('\n').find(l => l.startsWith('::error'))
  return (line ?? run.stderr.trim().split('\n')[0] ?? '')
    .replace(/^::error[^:]*::/, '')
    .slice(0, 400)
}
