/**
 * The run as a whole (settings → manifest → token → publish → report) with a recording sink and a
 * fake transport: nothing is sent before the settings are valid, nothing beyond the token before
 * the manifest is valid, and bad credentials stop the run before any API request.
 */
import { describe, expect, it } from '@jest/globals'
import type { HttpRequest, Transport } from '../../src/http/types.js'
import { runPublish, type RunDeps } from '../../src/publish/run.js'
import { createWorkspace } from '../e2e/workspace.js'
import { fakeClock } from './fake-clock.js'
import { recordingSink } from './report-fixtures.js'

const TENANT = '8d2c5b1e-3f4a-4c6b-9e7d-1a2b3c4d5e6f'
const CLIENT = '5f0e6a7b-1c2d-4e3f-8a9b-0c1d2e3f4a5b'

function setup(
  inputs: Record<string, string>,
  reply: (request: HttpRequest) => { status: number; text: string }
) {
  const rec = recordingSink()
  const sent: HttpRequest[] = []
  let transports = 0
  const transport: Transport = {
    send: async request => {
      sent.push(request)
      const { status, text } = reply(request)
      return { status, text, headers: { 'content-type': 'application/json' } }
    },
    counts: () => ({
      token: sent.filter(r => r.phase === 'token').length,
      lookup: 0,
      write: 0,
      upload: 0,
      poll: 0
    })
  }
  const workspace = createWorkspace(['contoso-analytics'])
  const deps: RunDeps = {
    read: name => inputs[name] ?? '',
    sink: rec.sink,
    github: {
      ref: 'refs/tags/v1.2.3',
      serverUrl: 'https://github.com',
      apiUrl: 'https://api.github.com'
    },
    clock: fakeClock(),
    env: { GITHUB_WORKSPACE: workspace },
    cwd: workspace,
    signal: new AbortController().signal,
    createTransport: () => {
      transports++
      return transport
    }
  }
  return { rec, sent, deps, transports: () => transports }
}

const valid = {
  'tenant-id': TENANT,
  'client-id': CLIENT,
  'client-secret': 'Emu8Q~test-secret-value',
  'authority-host': 'https://login.example.com'
}

describe('runPublish', () => {
  it('reports invalid settings without creating a transport, exit code 2', async () => {
    const { rec, deps, transports } = setup({ ...valid, target: 'production' }, () => ({
      status: 500,
      text: ''
    }))
    const code = await runPublish(deps)
    expect(code).toBe(2)
    expect(transports()).toBe(0)
    expect(rec.annotations).toEqual([
      expect.objectContaining({
        level: 'error',
        message: expect.stringContaining('Input "target"')
      })
    ])
    expect(rec.outputs.status).toBe('failed')
    expect(rec.failed).toHaveLength(1)
  })

  it('reports manifest problems at their line, sending nothing beyond the token', async () => {
    const { rec, sent, deps } = setup({ ...valid, manifest: 'missing.yml' }, () => ({
      status: 500,
      text: ''
    }))
    const code = await runPublish(deps)
    expect(code).toBe(1)
    expect(sent.map(r => r.phase)).toEqual(['token'])
    expect(rec.annotations.length).toBeGreaterThan(0)
    expect(rec.annotations.every(a => a.level === 'error')).toBe(true)
    // The manifest's problem is reported, not the token's (a 500 here).
    expect(rec.annotations[0].message).toContain('missing.yml')
  })

  it('stops at the token when the credentials are refused: no API request at all', async () => {
    const body = JSON.stringify({
      error: 'invalid_client',
      error_description: 'AADSTS7000215: Invalid client secret provided.',
      error_codes: [7000215]
    })
    const { rec, sent, deps } = setup(valid, () => ({ status: 401, text: body }))
    const code = await runPublish(deps)
    expect(code).toBe(1)
    expect(sent.every(r => r.phase === 'token')).toBe(true)
    expect(rec.annotations).toHaveLength(1)
    expect(rec.annotations[0].message).toContain('AADSTS7000215')
    expect(rec.annotations[0].message).not.toContain('Emu8Q~test-secret-value')
    // The sink masks the secret (on a runner: ::add-mask::); nothing patches stdout for it.
    expect(rec.secrets).toContain('Emu8Q~test-secret-value')
    expect(rec.summary.markdown).toContain('| 1 | 0 | 0 | 0 | 0 |')
  })

  it('lists the offers with no credentials, no transport and no request; masks the GitHub token', async () => {
    const { rec, deps, transports } = setup(
      { mode: 'list', 'github-token': 'ghs_list-mode-token-value' },
      () => ({ status: 500, text: '' })
    )
    const code = await runPublish(deps)
    expect(code).toBe(0)
    expect(transports()).toBe(0)
    expect(rec.outputs).toEqual({ offers: '["contoso-analytics"]' })
    expect(rec.summary.markdown).toContain('| `contoso-analytics` | azure-solution-template |')
    expect(rec.secrets).toEqual(['ghs_list-mode-token-value'])
    expect(rec.annotations).toEqual([])
  })

  it('reports a list whose filter matches no offer as a failed run', async () => {
    const { rec, deps } = setup({ mode: 'list', offers: 'contoso-gold' }, () => ({
      status: 500,
      text: ''
    }))
    expect(await runPublish(deps)).toBe(2)
    expect(rec.annotations[0].message).toContain('"contoso-gold" matches no offer')
    expect(rec.outputs.status).toBe('failed')
  })
})
