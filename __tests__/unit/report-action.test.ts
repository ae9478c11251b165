/**
 * The action's edge: run() reads inputs from the runner's INPUT_* variables and reports through
 * @actions/core (annotations with file/line, outputs, failure), with @actions/core replaced by mocks.
 */
import { afterEach, expect, it, jest } from '@jest/globals'
import { EOL } from 'node:os'

const core = {
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

const INPUTS = ['INPUT_TENANT-ID', 'INPUT_CLIENT-ID', 'INPUT_CLIENT-SECRET', 'INPUT_VERSION']
afterEach(() => {
  for (const name of INPUTS) delete process.env[name]
})

it('annotates a manifest problem at its file and line, sets status failed and fails the step', async () => {
  const workspace = createWorkspaceMissingPackage()
  Object.assign(process.env, {
    'INPUT_TENANT-ID': '8d2c5b1e-3f4a-4c6b-9e7d-1a2b3c4d5e6f',
    'INPUT_CLIENT-ID': '5f0e6a7b-1c2d-4e3f-8a9b-0c1d2e3f4a5b',
    'INPUT_CLIENT-SECRET': 'secret-value-1234',
    INPUT_VERSION: '1.2.3'
  })
  // The token request starts while the manifest loads; nothing else may be sent.
  const phases: string[] = []
  const stdout: string[] = []
  let linesBeforeFirstSend: number | undefined
  const transport = {
    send: async (request: { phase: string }) => {
      phases.push(request.phase)
      linesBeforeFirstSend ??= stdout.length
      return { status: 500, text: '', headers: {} }
    },
    counts: () => ({ token: phases.length, lookup: 0, write: 0, upload: 0, poll: 0 })
  }
  const createTransport = jest.fn(() => transport)
  const write = jest.spyOn(process.stdout, 'write').mockImplementation(chunk => {
    stdout.push(String(chunk))
    return true
  })
  try {
    await run({
      env: { GITHUB_WORKSPACE: workspace },
      cwd: workspace,
      createTransport: createTransport as never
    })
  } finally {
    write.mockRestore()
  }

  // The secret is masked in the runner's log before anything is sent, and written nowhere else.
  expect(stdout).toEqual([`::add-mask::secret-value-1234${EOL}`])
  expect(linesBeforeFirstSend).toBe(1)

  expect(phases.every(phase => phase === 'token')).toBe(true)
  expect(core.error).toHaveBeenCalledTimes(1)
  expect(core.error).toHaveBeenCalledWith(
    expect.stringContaining('missing.zip'),
    expect.objectContaining({ file: 'marketplace.yml', startLine: 8 })
  )
  expect(core.setOutput).toHaveBeenCalledWith('status', 'failed')
  expect(core.setFailed).toHaveBeenCalledTimes(1)
})
