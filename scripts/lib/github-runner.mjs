// The GitHub runner's side of running an action, for the demo and the benchmark: inputs as
// `INPUT_<NAME>` with hyphens kept, GITHUB_OUTPUT / GITHUB_STEP_SUMMARY / GITHUB_ENV files, and
// reading the outputs back. (The TypeScript tests have their own in __tests__/helpers/runner.ts.)
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** Fresh, empty runner files in a new folder under `parent`; `cleanup()` removes them. */
export function runnerFiles(parent) {
  const dir = mkdtempSync(join(parent, 'runner-'))
  const files = {
    dir,
    output: join(dir, 'output'),
    summary: join(dir, 'summary.md'),
    env: join(dir, 'env')
  }
  for (const file of [files.output, files.summary, files.env]) writeFileSync(file, '')
  return { ...files, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

/** The environment of a step run on a `v1.2.3` tag, on top of `baseEnv`. */
export function actionEnv(inputs, files, { workspace, baseEnv }) {
  return {
    ...baseEnv,
    ...Object.fromEntries(
      Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, String(value)])
    ),
    GITHUB_ACTIONS: 'true',
    GITHUB_REF: 'refs/tags/v1.2.3',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_ENV: files.env,
    RUNNER_TEMP: files.dir
  }
}

/** `name<<delimiter\nvalue\ndelimiter` records, as @actions/core writes GITHUB_OUTPUT. */
export function parseOutputFile(text) {
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
