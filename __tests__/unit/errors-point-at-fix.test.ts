/**
 * Each error's hint follows from its cause (issue 12, point 6): a wrong API base URL is a
 * connection or URL problem naming the input, a symbolic link loop is named as one, one missing
 * version is one problem, a syntax error is one row, the sign-in with neither a secret nor OIDC
 * is a settings problem, and an INPUT_* variable that misspells an input gets a warning.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { symlinkSync } from 'node:fs'
import { checkSignIn } from '../../src/auth/sign-in.js'
import { PublishError, type ErrorCode } from '../../src/errors.js'
import { createTransport } from '../../src/http/transport.js'
import { createIngestionClient } from '../../src/ingestion/client.js'
import { misnamedInputs, misnamedInputWarning } from '../../src/input-env.js'
import { loadManifest, type ManifestProblem } from '../../src/manifest/load.js'
import { toResultErrors } from '../../src/publish/errors.js'
import { stubTokens } from './client-test-kit.js'
import { reply, startServer, testClock } from './http-test-kit.js'
import { makeWorkspace, markedLine, solutionTemplate, type Workspace } from './manifest-fixture.js'

const SOURCE = 'the `api-base-url` input (default https://api.partner.microsoft.com/v1.0/ingestion)'

async function rejection(promise: Promise<unknown>): Promise<PublishError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(PublishError)
  return error as PublishError
}

describe('a wrong api-base-url', () => {
  function client(baseUrl: string) {
    const transport = createTransport({ clock: testClock(), random: () => 0, maxAttempts: 2 })
    return createIngestionClient({
      baseUrl,
      baseUrlSource: SOURCE,
      transport,
      tokens: stubTokens()
    })
  }

  it('that answers 404 at the API root says the URL is wrong, naming the input', async () => {
    const server = await startServer((_q, res) => reply(res, 404, 'Not Found'))
    try {
      const base = `${server.origin}/v1.0/ingestoin`
      const error = await rejection(client(base).findProductByOfferId('contoso-analytics'))
      expect(error.code).toBe('HTTP_STATUS')
      expect(error.message).toMatch(new RegExp(`^${base} is not the Ingestion API: Could not `))
      expect(error.details.hint).toBe(
        `Check ${SOURCE}: it is ${base} in this run. The product list at its root answered 404, which the API never does: the URL (host or path) is wrong.`
      )
      expect(error.details.hint).not.toMatch(/deleted/)
    } finally {
      await server.close()
    }
  })

  it('keeps the hint about a deleted resource for a 404 below the root', async () => {
    const server = await startServer((_q, res) => reply(res, 404, 'Not Found'))
    try {
      const error = await rejection(client(`${server.origin}/v1.0/ingestion`).getProduct('p-1'))
      expect(error.details.hint).toMatch(/whether someone deleted it/)
    } finally {
      await server.close()
    }
  })

  it('whose host refuses connections is a connection problem naming the input', async () => {
    const server = await startServer((_q, res) => reply(res, 200, '{"value":[]}'))
    const base = `${server.origin}/v1.0/ingestion`
    await server.close()
    const error = await rejection(client(base).findProductByOfferId('contoso-analytics'))
    expect(error.code).toBe('HTTP_NETWORK')
    expect(error.message).toMatch(
      new RegExp(`^Could not connect to the Ingestion API at ${server.origin}: GET .*ECONNREFUSED`)
    )
    expect(error.details.hint).toBe(
      `Check ${SOURCE}: it is ${base} in this run. If it is right, check the network path to it (proxy, firewall, DNS).`
    )
  })
})

describe('files the manifest names', () => {
  let ws: Workspace
  beforeEach(() => {
    ws = makeWorkspace()
    symlinkSync('b.zip', `${ws.root}/packages/a.zip`)
    symlinkSync('a.zip', `${ws.root}/packages/b.zip`)
    symlinkSync('gone.zip', `${ws.root}/packages/dangling.zip`)
  })
  afterEach(() => ws.remove())

  async function problemAt(packagePath: string): Promise<ManifestProblem> {
    const text = solutionTemplate().replace(
      'package: packages/contoso-analytics-standard-*.zip',
      `package: ${packagePath} # <-`
    )
    const file = ws.write('marketplace.yml', text)
    const error = await rejection(loadManifest(file, { version: '1.2.3', workspace: ws.root }))
    const problems = error.details.cause as ManifestProblem[]
    expect(problems).toHaveLength(1)
    expect(problems[0].source.line).toBe(markedLine(text))
    return problems[0]
  }

  it('names a loop of symbolic links as a loop, with its links', async () => {
    const problem = await problemAt('packages/a.zip')
    expect(problem.message).toBe(
      'packages/a.zip is a loop of symbolic links (packages/a.zip → packages/b.zip → packages/a.zip)'
    )
    expect(problem.hint).toMatch(/Point one of the links at the real file/)
  })

  it('says why a glob that only matches a loop matches no file', async () => {
    const problem = await problemAt('packages/[ab].zip')
    expect(problem.message).toBe(
      'packages/[ab].zip matches no readable file: packages/a.zip is a loop of symbolic links (packages/a.zip → packages/b.zip → packages/a.zip)'
    )
  })

  it('names a link to nothing as such', async () => {
    const problem = await problemAt('packages/dangling.zip')
    expect(problem.message).toBe(
      'packages/dangling.zip is a symbolic link to gone.zip, which does not exist'
    )
  })

  it('still says "file not found" when nothing is there', async () => {
    expect((await problemAt('packages/none.zip')).message).toBe('file not found: packages/none.zip')
  })

  it('names a manifest that is a link loop', async () => {
    symlinkSync('loop.yml', `${ws.root}/loop.yml`)
    const error = await rejection(loadManifest('loop.yml', { workspace: ws.root }))
    expect(error.code).toBe('MANIFEST_FILE')
    expect(error.message).toBe(
      'cannot read the manifest: loop.yml is a loop of symbolic links (loop.yml → loop.yml)'
    )
  })
})

describe('one cause, one error', () => {
  let ws: Workspace
  beforeEach(() => {
    ws = makeWorkspace()
  })
  afterEach(() => ws.remove())

  it('a missing version is one problem listing every field that needs it', async () => {
    const text = `version: 1
offers:
  - id: contoso-analytics
    type: azure-solution-template
    certificationNotes: Release \${{ version }} # <-
    plans:
      - id: standard
        name: Standard
        package: packages/contoso-analytics-standard-*.zip
      - id: premium
        name: Premium
        package: packages/contoso-analytics-premium-*.zip
        version: \${{ version }}
`
    const file = ws.write('marketplace.yml', text)
    const error = await rejection(loadManifest(file, { workspace: ws.root }))
    expect(error.code).toBe('VERSION_REQUIRED')
    const rows = toResultErrors(error)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({
      code: 'VERSION_REQUIRED',
      source: { line: markedLine(text) }
    })
    expect(rows[0].message).toBe(
      'no version is known, and 3 fields need one: offers[0].certificationNotes (line 5), offers[0].plans[0].version (line 7), offers[0].plans[1].version (line 13) Pass the `version` input (e.g. 1.2.3), or run on a pushed tag such as v1.2.3.'
    )
  })

  it('a missing version beside another problem is still one problem', async () => {
    const text = solutionTemplate(
      '    certificationNotes: ${{ version }}\n    reseller: maybe\n',
      '        version: ${{ version }}\n'
    )
    const error = await rejection(
      loadManifest(ws.write('marketplace.yml', text), { workspace: ws.root })
    )
    expect(error.code).toBe('MANIFEST_INVALID')
    const rows = toResultErrors(error)
    expect(rows).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/^no version is known, and 2 fields need one: /)
      }),
      expect.objectContaining({
        message: expect.stringMatching(/^unsupported value "maybe" in offers\[0\]\.reseller /)
      })
    ])
  })

  it.each<[ErrorCode, string]>([
    ['MANIFEST_SYNTAX', 'marketplace.yml:4:11: Nested mappings are not allowed'],
    ['VERSION_REQUIRED', 'marketplace.yml needs a version: …']
  ])('%s gives one row per problem, none on top', (code, message) => {
    const problem = {
      message: 'the problem',
      field: '',
      source: { file: '/w/marketplace.yml', line: 4, column: 11 },
      hint: 'Fix it.'
    }
    expect(toResultErrors(new PublishError(code, message, { cause: [problem] }))).toEqual([
      {
        code,
        message: 'the problem Fix it.',
        source: problem.source,
        severity: undefined
      }
    ])
  })
})

describe('settings', () => {
  it('neither a client secret nor GitHub OIDC is a settings problem, before any request', () => {
    let error: unknown
    try {
      checkSignIn({ mode: 'publish', clientSecret: undefined }, {})
    } catch (e) {
      error = e
    }
    expect(error).toMatchObject({
      code: 'INPUT_INVALID',
      message: expect.stringContaining('No client secret was given (the `client-secret` input)')
    })
    expect(() =>
      checkSignIn(
        { mode: 'publish', clientSecret: undefined },
        {
          ACTIONS_ID_TOKEN_REQUEST_URL: 'https://gh.example/token',
          ACTIONS_ID_TOKEN_REQUEST_TOKEN: 't'
        }
      )
    ).not.toThrow()
    expect(() => checkSignIn({ mode: 'publish', clientSecret: 's' }, {})).not.toThrow()
    expect(() => checkSignIn({ mode: 'check', clientSecret: undefined }, {})).not.toThrow()
    expect(() => checkSignIn({ mode: 'list', clientSecret: undefined }, {})).not.toThrow()
  })

  it('warns about INPUT_* variables that misspell an input, naming the input meant', () => {
    const found = misnamedInputs({
      'INPUT_TENANT-ID': 'declared, fine',
      INPUT_TENANT_ID: '8d2c',
      INPUT_CLIENTID: 'x',
      INPUT_DRYRUN: 'true',
      INPUT_TIMEOUT_MINUTS: '5',
      INPUT_SOMETHING_ELSE: 'another tool',
      INPUT_MANIFEST: 'marketplace.yml',
      TENANT_ID: 'not an input variable'
    })
    expect(found).toEqual([
      { variable: 'INPUT_CLIENTID', input: 'client-id' },
      { variable: 'INPUT_DRYRUN', input: 'dry-run' },
      { variable: 'INPUT_TENANT_ID', input: 'tenant-id' },
      { variable: 'INPUT_TIMEOUT_MINUTS', input: 'timeout-minutes' }
    ])
    expect(misnamedInputWarning(found[2])).toBe(
      'INPUT_TENANT_ID is not an input of this action and is ignored; did you mean tenant-id? Give it under `with:` as tenant-id (the runner passes it as INPUT_TENANT-ID).'
    )
  })
})
