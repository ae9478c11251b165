/** The CLI bundle: the same publish from a terminal, configured by flags and MARKETPLACE_* variables. */
import { describe, expect, it } from '@jest/globals'
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

it('checks a manifest with the check command: no credentials, no request, exit 0', async () => {
  await session.reset()
  const { ready } = session.emulator
  const run = await runCli(
    ['check', '--manifest', 'marketplace.yml', '--version', '1.2.3'],
    { GITHUB_ACTIONS: '', MARKETPLACE_API_BASE_URL: ready.apiBaseUrl },
    { workspace: createWorkspace(['contoso-analytics']) }
  )
  expect(run.stderr).toBe('')
  expect(run.code).toBe(0)
  expect(run.stdout).toContain('Check: passed (no credentials, no request)')
  expect(run.stdout).toMatch(
    /offers\[0\]\.plans\[0\]\.package: packages\/analytics-standard-1\.2\.3\.zip: zip/
  )
  expect(await session.requests()).toEqual([])
})

describe('the exit codes --help states', () => {
  it('are in --help', async () => {
    const help = await runCli(['--help'], {})
    expect(help.stdout).toContain('Usage: marketplace-publish [publish | check | follow | list]')
    expect(help.stdout).toMatch(/^ {2}check +check the manifest and every file it names/m)
    expect(help.stdout).toContain('  0  published, planned, checked or listed\n')
    expect(help.stdout).toContain(
      '  1  the manifest, a file it names, the sign-in or the publish failed\n'
    )
    expect(help.stdout).toContain(
      '  2  invalid command line or settings: an unknown flag or command'
    )
    expect(help.stdout).toContain('no client secret (MARKETPLACE_CLIENT_SECRET)')
  })

  it('2 for a missing client secret, said in flags, before any request', async () => {
    await session.reset()
    const { MARKETPLACE_CLIENT_SECRET: _, ...noSecret } = cliEnv()
    const run = await runCli(cliArgs(), noSecret, {
      workspace: createWorkspace(['contoso-analytics'])
    })
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(
      'error: No client secret was given (MARKETPLACE_CLIENT_SECRET) and GitHub OIDC is not available'
    )
    expect(run.stderr).toContain('Either set MARKETPLACE_CLIENT_SECRET (from a repository secret)')
    expect(run.stderr).not.toMatch(/`client-secret` input/)
    expect(await session.requests()).toEqual([])
  })

  it('2 for a bad flag value, naming the flag', async () => {
    const run = await runCli(['check', '--concurrency', '0'], { GITHUB_ACTIONS: '' })
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(
      'error: --concurrency must be a whole number from 1 to 16; got "0"'
    )
    expect(run.stderr).toContain('Set --concurrency to how many offers to publish at once')
  })

  it('2 for an unknown command', async () => {
    const run = await runCli(['chek'], {})
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(
      "marketplace-publish: Unknown command 'chek'; use one of: publish, follow, list, check"
    )
  })

  it('1 for a manifest that needs a version none gives, pointing at --version', async () => {
    const run = await runCli(
      ['check', '--manifest', 'marketplace.yml'],
      { GITHUB_ACTIONS: '' },
      { workspace: createWorkspace(['contoso-analytics']), ref: 'refs/heads/main' }
    )
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(
      /^error: marketplace\.yml:\d+:\d+: no version is known, and 3 fields need one: /m
    )
    expect(run.stderr).toContain(
      'Pass --version (e.g. 1.2.3), or run on a pushed tag such as v1.2.3.'
    )
    expect(run.stderr).not.toMatch(/`version` input/)
  })
})
