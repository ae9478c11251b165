#!/usr/bin/env node
// `npm run demo`: start the emulator, run the bundled action against it exactly as the GitHub runner
// does (INPUT_* environment with hyphens kept, GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files, a release
// tag in GITHUB_REF), publish examples/marketplace.yml to live, print the outputs and the job
// summary, and stop the emulator. Exits with the action's exit code.
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'

const root = resolve(fileURLToPath(new URL('..', import.meta.url)))
const target = process.env.DEMO_TARGET ?? 'live'

function startEmulator() {
  const child = spawn(
    process.execPath,
    [join(root, 'build/emulator/main.js'), '--port', '0', '--quiet'],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit']
    }
  )
  return new Promise((resolveReady, reject) => {
    child.once('exit', code => reject(new Error(`the emulator exited early (code ${code})`)))
    createInterface({ input: child.stdout }).once('line', line => {
      resolveReady({ child, ready: JSON.parse(line) })
    })
  })
}

function stopEmulator(child) {
  if (child.exitCode !== null) return Promise.resolve()
  return new Promise(done => {
    child.once('exit', done)
    child.kill('SIGTERM')
  })
}

/** `name<<delimiter\nvalue\ndelimiter` records, as @actions/core writes GITHUB_OUTPUT. */
function parseOutputFile(text) {
  const outputs = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i])
    if (!m) continue
    const value = []
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i])
    outputs[m[1]] = value.join('\n')
  }
  return outputs
}

/**
 * Shows a line of the action's stdout as the runner's log would: masks and debug lines are consumed
 * (debug ones shown with DEMO_DEBUG=1), annotations become readable lines.
 */
function renderWorkflowCommand(line) {
  const command = /^::([a-z-]+)(?: [^:]*)?::(.*)$/.exec(line)
  if (!command) return line
  const [, name, message] = command
  if (name === 'debug') return process.env.DEMO_DEBUG ? `  debug: ${message}` : undefined
  if (name === 'error' || name === 'warning' || name === 'notice') return `${name}: ${message}`
  if (name === 'group') return `> ${message}`
  return undefined
}

const { child, ready } = await startEmulator()
const work = mkdtempSync(join(tmpdir(), 'marketplace-demo-'))
const files = {
  output: join(work, 'output'),
  summary: join(work, 'summary.md'),
  env: join(work, 'env')
}
for (const f of Object.values(files)) writeFileSync(f, '')

const inputs = {
  'tenant-id': ready.tenantId,
  'client-id': ready.clientId,
  'client-secret': ready.clientSecret,
  manifest: 'examples/marketplace.yml',
  target,
  'authority-host': ready.authorityHost,
  'api-base-url': ready.apiBaseUrl
}
const env = {
  ...process.env,
  ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
  GITHUB_ACTIONS: 'true',
  GITHUB_REF: 'refs/tags/v1.2.3',
  GITHUB_WORKSPACE: root,
  GITHUB_OUTPUT: files.output,
  GITHUB_STEP_SUMMARY: files.summary,
  GITHUB_ENV: files.env,
  RUNNER_TEMP: work
}

console.log(
  `emulator ready at ${ready.origin}; publishing examples/marketplace.yml (target: ${target})\n`
)
let code = 1
try {
  code = await new Promise(done => {
    const action = spawn(process.execPath, [join(root, 'dist/index.js')], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'inherit']
    })
    createInterface({ input: action.stdout }).on('line', line => {
      const shown = renderWorkflowCommand(line)
      if (shown !== undefined) console.log(shown)
    })
    action.once('exit', c => done(c ?? 1))
  })
  console.log('\n--- outputs ---')
  for (const [name, value] of Object.entries(parseOutputFile(readFileSync(files.output, 'utf8')))) {
    console.log(`${name}=${value}`)
  }
  console.log('\n--- job summary ---')
  console.log(readFileSync(files.summary, 'utf8'))
} finally {
  await stopEmulator(child)
  rmSync(work, { recursive: true, force: true })
}
process.exit(code)
