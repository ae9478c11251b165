/**
 * The emulator as a program: its ready line, free ports, refusing bad options and seeds with
 * exit 2, and leaving no process behind on SIGTERM. Needs `npm run build:emulator`.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { EMULATOR_MAIN, REPO_ROOT, startEmulatorProcess } from '../helpers/emulator.js'

function runToExit(
  args: string[]
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise(resolve => {
    const child = spawn(process.execPath, [EMULATOR_MAIN, '--port', '0', ...args], {
      cwd: REPO_ROOT
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', chunk => (stdout += chunk))
    child.stderr.on('data', chunk => (stderr += chunk))
    child.on('exit', code => resolve({ code, stdout, stderr }))
  })
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

describe('emulator start-up', () => {
  it('prints one ready line with the seed and the endpoints, on a free port', async () => {
    const first = await startEmulatorProcess()
    const second = await startEmulatorProcess()
    try {
      const { ready } = first
      expect(ready).toMatchObject({
        ready: true,
        tenantId: '8d2c5b1e-3f4a-4c6b-9e7d-1a2b3c4d5e6f',
        clientId: '5f0e6a7b-1c2d-4e3f-8a9b-0c1d2e3f4a5b',
        clientSecret: 'Emu8Q~local-dev-secret-Zx7Yq2Lm9Np4Rs6Tu8Vw'
      })
      expect(ready.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
      expect(ready.origin).not.toBe('http://127.0.0.1:8645')
      expect(ready.authorityHost).toBe(ready.origin)
      expect(ready.apiBaseUrl).toBe(`${ready.origin}/v1.0/ingestion`)
      expect(ready.adminUrl).toBe(`${ready.origin}/_emulator`)
      expect(ready.blobFrontOrigin).not.toBe(ready.origin)
      expect(ready.oidc.issuer.startsWith(ready.origin)).toBe(true)
      expect(ready.oidc.requestUrl).toContain('?')
      expect(ready.oidc.requestToken).not.toBe('')
      expect(ready.offers.map(o => [o.offerId, o.type, o.planIds])).toEqual([
        ['contoso-analytics', 'AzureApplication', ['standard', 'premium']],
        ['contoso-managed-ops', 'AzureApplication', ['managed']],
        ['contoso-bc-connector', 'AzureDynamics365BusinessCentral', []]
      ])
      expect(ready.offers.every(o => o.productId !== '')).toBe(true)
      expect(second.ready.origin).not.toBe(ready.origin)
    } finally {
      await first.stop()
      await second.stop()
    }
  })

  it.each([
    [['--speed', 'fast'], '--speed'],
    [['--etag-mismatch', '400'], '--etag-mismatch'],
    [['--no-such-option'], '--no-such-option'],
    [['--faults', 'GET /products -> 999'], '--faults']
  ])('exits 2 on bad options %j, naming the option', async (args, named) => {
    const { code, stdout, stderr } = await runToExit(args)
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr.trim().split('\n')).toHaveLength(1)
    expect(stderr).toContain(named)
  })

  it('exits 2 on a bad seed, naming the field by its path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emulator-seed-'))
    const seed = join(dir, 'seed.json')
    writeFileSync(
      seed,
      JSON.stringify({
        tenantId: '8d2c5b1e-3f4a-4c6b-9e7d-1a2b3c4d5e6f',
        apps: [{ clientId: '5f0e6a7b-1c2d-4e3f-8a9b-0c1d2e3f4a5b', clientSecret: 's' }],
        oidcSubject: 'repo:o/r:ref:refs/heads/main',
        offers: [
          {
            offerId: 'x',
            type: 'AzureApplication',
            name: 'X',
            plans: [{ planId: 'p', name: 'P', subType: 'saas' }]
          }
        ]
      })
    )
    const { code, stderr } = await runToExit(['--seed', seed])
    expect(code).toBe(2)
    expect(stderr).toContain('offers[0].plans[0].subType')
  })

  it('stops Azurite and itself on SIGTERM', async () => {
    const emulator = await startEmulatorProcess()
    const health = await emulator.adminJson<{ pid: number; azuritePid: number }>('/health')
    expect(health.pid).toBe(emulator.child.pid)
    expect(isAlive(health.azuritePid)).toBe(true)
    await emulator.stop()
    expect(emulator.child.exitCode).toBe(0)
    expect(isAlive(health.pid)).toBe(false)
    // Azurite's host exits when its stdin pipe closes; give it a moment.
    for (let i = 0; i < 50 && isAlive(health.azuritePid); i++)
      await new Promise(r => setTimeout(r, 100))
    expect(isAlive(health.azuritePid)).toBe(false)
  })
})
