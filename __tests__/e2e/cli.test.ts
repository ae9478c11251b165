/** The CLI bundle: the same publish from a terminal, configured by flags and MARKETPLACE_* variables. */
import { expect, it } from '@jest/globals'
import { runCli } from '../helpers/runner.js'
import { sessionForFile, writesToApi } from './session.js'
import { createWorkspace } from './workspace.js'

const session = sessionForFile()

function cliEnv(): Record<string, string> {
  const { ready } = session.emulator
  return {
    GITHUB_ACTIONS: '',
    MARKETPLACE_CLIENT_SECRET: ready.clientSecret,
    MARKETPLACE_AUTHORITY_HOST: ready.authorityHost,
    MARKETPLACE_API_BASE_URL: ready.apiBaseUrl
  }
}

/** The flags every publish from the terminal needs, then `more`. */
function cliArgs(...more: string[]): string[] {
  const { ready } = session.emulator
  return [
    '--tenant-id',
    ready.tenantId,
    '--client-id',
    ready.clientId,
    '--manifest',
    'marketplace.yml',
    '--version',
    '1.2.3',
    ...more
  ]
}

it('prints a plan for --dry-run and exits 0 without writing', async () => {
  const { ready } = session.emulator
  const workspace = createWorkspace(['contoso-analytics'])
  const run = await runCli(cliArgs('--dry-run'), cliEnv(), { workspace })
  expect(run.stderr).toBe('')
  expect(run.code).toBe(0)
  expect(run.stdout).toContain('Plan (dry run, target preview): nothing was written.')
  expect(run.stdout).not.toContain('::')
  expect(run.stdout).not.toContain(ready.clientSecret)
  expect(writesToApi(await session.requests())).toEqual([])
})

it('publishes to draft and prints a plain-text summary', async () => {
  const run = await runCli(cliArgs('--target', 'draft'), cliEnv(), {
    workspace: createWorkspace(['contoso-bc-connector'])
  })
  expect(run.code).toBe(0)
  expect(run.stdout).toContain('Status: draft')
  expect(run.stdout).toMatch(/contoso-bc-connector: draft/)
})

it('shows usage and exits 2 for an unknown option, 0 for --help', async () => {
  const bad = await runCli(['--no-such-flag', 'x'], {})
  expect(bad.code).toBe(2)
  expect(bad.stderr).toContain("Unknown option '--no-such-flag'")
  const help = await runCli(['--help'], {})
  expect(help.code).toBe(0)
  expect(help.stdout).toContain('Usage: marketplace-publish')
  expect(help.stdout).toContain('--tenant-id')
})
