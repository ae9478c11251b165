#!/usr/bin/env node
// `npm run demo`: start the emulator, run the bundled action against it exactly as the GitHub runner
// does (INPUT_* environment with hyphens kept, GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files, a release
// tag in GITHUB_REF), publish examples/marketplace.yml to live, print the outputs and the job
// summary, and stop the emulator. Exits with the action's exit code.
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { actionEnv, parseOutputFile, runnerFiles } from './lib/github-runner.mjs'

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
const files = runnerFiles(tmpdir())

const inputs = {
  'tenant-id': ready.tenantId,
  'client-id': ready.clientId,
  'client-secret': ready.clientSecret,
  manifest: 'examples/marketplace.yml',
  target,
  'authority-host': ready.authorityHost,
  'api-base-url': ready.apiBaseUrl,
  'product-ingestion-url': ready.productIngestionUrl
}
const env = actionEnv(inputs, files, { workspace: root, baseEnv: process.env })

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
  files.cleanup()
}
process.exit(code)
