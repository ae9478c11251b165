/**
 * A self-hosted runner behind a company proxy: with HTTP_PROXY set, the whole publish of the three
 * example offers (token, Ingestion API, uploads to the blob front) goes through the proxy, and
 * nothing goes around it; with NO_PROXY naming the host, nothing goes through it.
 */
import { afterEach, beforeEach, expect, it } from '@jest/globals'
import { startForwardProxy, type ForwardProxy } from '../helpers/forward-proxy.js'
import { runAction } from '../helpers/runner.js'
import { sessionForFile } from './session.js'
import { createWorkspace } from './workspace.js'

const session = sessionForFile()
let proxy: ForwardProxy
beforeEach(async () => {
  await session.reset()
  proxy = await startForwardProxy()
})
afterEach(async () => {
  await proxy.close()
})

const PHASES = ['token', 'lookup', 'write', 'upload', 'poll'] as const

/** The action's own count of requests per phase (every attempt), from the job summary's table. */
function countsFromSummary(summary: string): Record<(typeof PHASES)[number], number> {
  const lines = summary.split('\n')
  const header = lines.findIndex(line => line.startsWith('| token | lookup | write |'))
  expect(header).toBeGreaterThanOrEqual(0)
  const values = lines[header + 2].split('|').slice(1, -1).map(Number)
  return Object.fromEntries(PHASES.map((phase, i) => [phase, values[i]])) as never
}

function publishAll(extraEnv: Record<string, string>) {
  const workspace = createWorkspace([
    'contoso-analytics',
    'contoso-managed-ops',
    'contoso-bc-connector'
  ])
  return runAction({ ...session.env({ target: 'live' }), ...extraEnv }, { workspace })
}

it('sends every request of a whole publish through HTTP_PROXY, uploads included', async () => {
  const run = await publishAll({ HTTP_PROXY: proxy.url })
  expect(run.stderr).toBe('')
  expect(run.code).toBe(0)
  expect(run.outputs.status).toBe('live')

  const { ready } = session.emulator
  const emulatorHost = new URL(ready.origin).host
  const blobHost = new URL(ready.blobFrontOrigin).host
  const byHost = (host: string) => proxy.log.filter(entry => entry.host === host).length
  // Plain http (the loopback emulator) goes through the proxy in absolute form, one entry per
  // request; the proxy saw no other host.
  expect(new Set(proxy.log.map(entry => entry.host))).toEqual(new Set([emulatorHost, blobHost]))
  expect(proxy.log.every(entry => entry.method !== 'CONNECT')).toBe(true)

  // Token and API: each request the emulator logged came through the proxy.
  const served = (await session.requests()).filter(r => !r.path.startsWith('/_emulator'))
  expect(served.length).toBeGreaterThan(0)
  expect(byHost(emulatorHost)).toBe(served.length)
  // Uploads (which that log does not see) and everything else: each attempt the action counted.
  const counts = countsFromSummary(run.summary)
  expect(counts.upload).toBeGreaterThan(0)
  expect(byHost(blobHost)).toBe(counts.upload)
  expect(proxy.log).toHaveLength(PHASES.reduce((sum, phase) => sum + counts[phase], 0))
})

it('honours NO_PROXY: a host it names is reached directly', async () => {
  const run = await publishAll({ HTTP_PROXY: proxy.url, NO_PROXY: 'localhost,127.0.0.1' })
  expect(run.stderr).toBe('')
  expect(run.code).toBe(0)
  expect(run.outputs.status).toBe('live')
  expect(proxy.log).toEqual([])
})
