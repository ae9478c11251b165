// The emulator as the benchmark uses it: a child process on a free port, its ready line, its
// admin routes, and the two API calls the upload section needs (a token, a package's SAS URL).
import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { emulatorEntry, root } from './paths.mjs'

/** Starts `build/emulator/main.js --port 0 ...args` and resolves once it prints its ready line. */
export function startEmulator(args = []) {
  const child = spawn(process.execPath, [emulatorEntry, '--port', '0', ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stderr = ''
  child.stderr.on('data', chunk => (stderr = (stderr + chunk).slice(-4000)))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => fail(new Error('the emulator printed no ready line in 60 s')),
      60_000
    )
    const fail = error => {
      clearTimeout(timer)
      child.kill('SIGTERM')
      reject(new Error(`${error.message}\n${stderr.trim()}`))
    }
    child.once('exit', code => fail(new Error(`the emulator exited early (code ${code})`)))
    createInterface({ input: child.stdout }).once('line', line => {
      clearTimeout(timer)
      child.removeAllListeners('exit')
      const ready = JSON.parse(line)
      resolve({ ready, admin: adminClient(ready), stop: () => stop(child) })
    })
  })
}

function stop(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise(resolve => {
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })
}

/** `admin('GET', '/requests')` → parsed JSON of `{adminUrl}/requests`. */
function adminClient(ready) {
  return async (method, path, body) => {
    const response = await fetch(`${ready.adminUrl}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body)
    })
    const text = await response.text()
    if (!response.ok)
      throw new Error(`${method} ${path} -> ${response.status} ${text.slice(0, 300)}`)
    return text === '' ? undefined : JSON.parse(text)
  }
}

/** An access token for the seeded app, from the emulator's v1 token endpoint. */
export async function getToken(ready) {
  const response = await fetch(`${ready.authorityHost}/${ready.tenantId}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: ready.clientId,
      client_secret: ready.clientSecret,
      resource: 'https://api.partner.microsoft.com'
    })
  })
  const reply = await response.json()
  if (!reply.access_token) throw new Error(`no token: ${JSON.stringify(reply).slice(0, 300)}`)
  return reply.access_token
}

/** POSTs a new Azure application package to the first seeded Azure offer; its `fileSasUri`. */
export async function newUploadUrl(ready, token, fileName) {
  const offer = ready.offers.find(o => o.type === 'AzureApplication') ?? ready.offers[0]
  const response = await fetch(`${ready.apiBaseUrl}/products/${offer.productId}/packages`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ resourceType: 'AzureApplicationPackage', fileName })
  })
  const reply = await response.json()
  if (response.status !== 201 || !reply.fileSasUri) {
    throw new Error(`POST packages -> ${response.status} ${JSON.stringify(reply).slice(0, 300)}`)
  }
  return reply.fileSasUri
}
