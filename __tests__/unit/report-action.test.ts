/**
 * The action's edge: run() reads inputs through @actions/core and reports through it (secrets
 * masked, annotations with file/line, outputs, failure), with @actions/core replaced by mocks.
 */
import { expect, it, jest } from '@jest/globals'

/** What happened at the edge, in order: masks and requests. */
const events: string[] = []
const inputs: Record<string, string> = {
  'tenant-id': '8d2c5b1e-3f4a-4c6b-9e7d-1a2b3c4d5e6f',
  'client-id': '5f0e6a7b-1c2d-4e3f-8a9b-0c1d2e3f4a5b',
  'client-secret': 'secret-value-1234',
  version: '1.2.3'
}
const core = {
  getInput: jest.fn((name: string) => inputs[name] ?? ''),
  setSecret: jest.fn((value: string) => void events.push(`mask ${value}`)),
  info: jest.fn(),
  debug: jest.fn(),
  isDebug: jest.fn(() => false),
  warning: jest.fn(),
  error: jest.fn(),
  startGroup: jest.fn(),
  endGroup: jest.fn(),
  setOutput: jest.fn(),
  setFailed: jest.fn(),
  getIDToken: jest.fn(),
  summary: { addRaw: jest.fn(), write: jest.fn() }
}
jest.unstable_mockModule('@actions/core', () => core)
const { run } = await import('../../src/main.js')
const { createWorkspaceMissingPackage } = await import('../e2e/workspace.js')

it('annotates a manifest problem at its file and line, sets status failed and fails the step', async () => {
  const workspace = createWorkspaceMissingPackage()
  // The token request starts while the manifest loads; nothing else may be sent.
  const transport = {
    send: async (request: { phase: string }) => {
      events.push(`send ${request.phase}`)
      return { status: 500, text: '', headers: {} }
    },
    counts: () => ({ token: 1, lookup: 0, write: 0, upload: 0, poll: 0 })
  }
  const write = jest.spyOn(process.stdout, 'write')
  await run({
    env: { GITHUB_WORKSPACE: workspace },
    cwd: workspace,
    createTransport: () => transport
  })

  expect(core.getInput).toHaveBeenCalledWith('client-secret')
  // The secret is masked in the runner's log before anything is sent, through core.setSecret.
  expect(events[0]).toBe('mask secret-value-1234')
  expect(events.filter(e => e.startsWith('send'))).toEqual(['send token'])
  expect(write).not.toHaveBeenCalled()

  expect(core.error).toHaveBeenCalledTimes(1)
  expect(core.error).toHaveBeenCalledWith(
    expect.stringContaining('missing.zip'),
    expect.objectContaining({ file: 'marketplace.yml', startLine: 8 })
  )
  expect(core.setOutput).toHaveBeenCalledWith('status', 'failed')
  expect(core.setFailed).toHaveBeenCalledTimes(1)
})
