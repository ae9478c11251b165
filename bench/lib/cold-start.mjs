// Section 1: how long the action takes from process start to its first request, beside the
// cost of starting Node at all, and the size of what the runner loads.
import { spawn } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { actionEnv, runnerFiles } from './action.mjs'
import { actionEntry, exampleManifest, root } from './paths.mjs'
import { median } from './stats.mjs'

const RUNS = 11
const TENANT = '8d2c5b1e-3f4a-4c6b-9e7d-1a2b3c4d5e6f'

export async function coldStart() {
  const firstRequest = []
  const failures = []
  const server = await tokenTrap()
  try {
    for (let run = 0; run < RUNS; run++) {
      const outcome = await timeToFirstRequest(server)
      if (outcome.ms !== undefined) firstRequest.push(outcome.ms)
      else failures.push(outcome.reason)
    }
  } finally {
    await new Promise(resolve => server.close(resolve))
  }
  const nodeOnly = []
  for (let run = 0; run < RUNS; run++) nodeOnly.push(await timeToExit(['-e', '0']))
  return {
    runs: RUNS,
    firstRequestMs: firstRequest.length > 0 ? median(firstRequest) : undefined,
    nodeMs: median(nodeOnly),
    failures,
    bundle: bundleSizes()
  }
}

/**
 * A local "authority host" that notes when each token request arrives and refuses it with an
 * Entra-style 400 (not retried), so the action stops right after its first request.
 */
function tokenTrap() {
  const server = createServer((req, res) => {
    server.emit('first-request', performance.now())
    req.resume()
    res.writeHead(400, { 'content-type': 'application/json' })
    res.end(
      JSON.stringify({
        error: 'invalid_client',
        error_description: 'AADSTS7000215: Invalid client secret provided.'
      })
    )
  })
  return new Promise(resolve => server.listen(0, '127.0.0.1', () => resolve(server)))
}

function timeToFirstRequest(server) {
  const origin = `http://127.0.0.1:${server.address().port}`
  const files = runnerFiles()
  const inputs = {
    'tenant-id': TENANT,
    'client-id': '5f0e6a7b-1c2d-4e3f-8a9b-0c1d2e3f4a5b',
    'client-secret': 'bench-not-a-real-secret',
    manifest: exampleManifest,
    target: 'preview',
    version: '1.2.3',
    'authority-host': origin,
    'api-base-url': `${origin}/v1.0/ingestion`
  }
  return new Promise(resolve => {
    let arrivedAt
    const onRequest = time => (arrivedAt ??= time)
    server.on('first-request', onRequest)
    const started = performance.now()
    const child = spawn(process.execPath, [actionEntry], {
      cwd: root,
      env: actionEnv(inputs, files),
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let output = ''
    child.stdout.on('data', chunk => (output += chunk))
    child.stderr.on('data', chunk => (output += chunk))
    child.once('close', code => {
      server.off('first-request', onRequest)
      files.cleanup()
      if (arrivedAt !== undefined) resolve({ ms: arrivedAt - started })
      else resolve({ reason: `exit ${code} before any request: ${firstLine(output)}` })
    })
  })
}

function timeToExit(args) {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(process.execPath, args, { stdio: 'ignore' })
    child.once('error', reject)
    child.once('close', () => resolve(performance.now() - started))
  })
}

function firstLine(text) {
  return (
    text.split('\n').find(line => line.includes('::error')) ??
    text.split('\n')[0] ??
    ''
  ).slice(0, 200)
}

/** Bytes of the action bundle: `dist/index.js` and every other `.js` chunk beside it. */
function bundleSizes() {
  const dist = join(root, 'dist')
  const chunks = readdirSync(dist)
    .filter(name => name.endsWith('.js'))
    .map(name => ({ name: `dist/${name}`, bytes: statSync(join(dist, name)).size }))
  return { entryBytes: statSync(actionEntry).size, chunks }
}
