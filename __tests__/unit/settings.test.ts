import { describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import path from 'node:path'
import { isPublishError, type PublishError } from '../../src/errors.js'
import { DEFAULTS, INPUT_NAMES, parseSettings } from '../../src/settings.js'

const TENANT = '8d2c5b1e-3f4a-4c6b-9e7d-1a2b3c4d5e6f'
const CLIENT = '5f0e6a7b-1c2d-4e3f-8a9b-0c1d2e3f4a5b'
const SECRET = 'Emu8Q~local-dev-secret-Zx7Yq2Lm9Np4Rs6Tu8Vw'

const GITHUB_TOKEN = 'ghs_16C7e42F292c6912E7710c838347Ae178B4a'

interface Runner {
  ref?: string
  workspace?: string
  eventName?: string
}

function settings(inputs: Record<string, string>, runner: Runner = {}) {
  const all: Record<string, string> = { 'tenant-id': TENANT, 'client-id': CLIENT, ...inputs }
  const { workspace = '/work/cwd', ref, eventName } = runner
  return parseSettings(name => all[name] ?? '', { ref, eventName }, workspace)
}

function inputError(inputs: Record<string, string>, runner: Runner = {}): PublishError {
  try {
    settings(inputs, runner)
  } catch (e) {
    if (isPublishError(e)) return e
    throw e
  }
  throw new Error('expected an input error')
}

describe('parseSettings', () => {
  test('defaults', () => {
    expect(settings({})).toEqual({
      mode: 'publish',
      tenantId: TENANT,
      clientId: CLIENT,
      clientSecret: undefined,
      oidcAudience: 'api://AzureADTokenExchange',
      manifestPath: path.resolve('/work/cwd', 'marketplace.yml'),
      target: 'preview',
      version: undefined,
      offers: [],
      dryRun: false,
      wait: true,
      timeoutMinutes: DEFAULTS.timeoutMinutes,
      onConflict: 'fail',
      authorityHost: 'https://login.microsoftonline.com',
      apiBaseUrl: 'https://api.partner.microsoft.com/v1.0/ingestion',
      productIngestionUrl: 'https://graph.microsoft.com/rp/product-ingestion',
      concurrency: 4,
      checkExisting: 'auto',
      githubToken: undefined
    })
  })

  test('every input given', () => {
    const parsed = settings(
      {
        'client-secret': SECRET,
        'oidc-audience': 'api://custom',
        manifest: 'offers/marketplace.json',
        target: 'live',
        version: '2.0.0-rc.1',
        offers: 'contoso-analytics,\ncontoso-{bc,managed}-*\n',
        'dry-run': 'TRUE',
        wait: 'False',
        'timeout-minutes': '12.5',
        'on-conflict': 'wait',
        'authority-host': 'http://127.0.0.1:8645/',
        'api-base-url': 'http://127.0.0.1:8645/v1.0/ingestion/',
        'product-ingestion-url': 'http://127.0.0.1:8645/rp/product-ingestion/',
        concurrency: '16',
        'check-existing': 'always',
        mode: 'follow',
        'github-token': `${GITHUB_TOKEN}\n`
      },
      { workspace: '/github/workspace' }
    )
    expect(parsed).toEqual({
      mode: 'follow',
      tenantId: TENANT,
      clientId: CLIENT,
      clientSecret: SECRET,
      oidcAudience: 'api://custom',
      manifestPath: path.resolve('/github/workspace', 'offers/marketplace.json'),
      target: 'live',
      version: '2.0.0-rc.1',
      offers: ['contoso-analytics', 'contoso-{bc,managed}-*'],
      dryRun: true,
      wait: false,
      timeoutMinutes: 12.5,
      onConflict: 'wait',
      authorityHost: 'http://127.0.0.1:8645',
      apiBaseUrl: 'http://127.0.0.1:8645/v1.0/ingestion',
      productIngestionUrl: 'http://127.0.0.1:8645/rp/product-ingestion',
      concurrency: 16,
      checkExisting: 'always',
      githubToken: GITHUB_TOKEN
    })
  })

  test.each([
    ['refs/tags/v1.2.3', '1.2.3'],
    ['refs/tags/1.2.3.4', '1.2.3.4'],
    ['refs/tags/v2.0.0-beta.1', '2.0.0-beta.1'],
    ['refs/tags/release-5', undefined],
    ['refs/heads/main', undefined],
    [undefined, undefined]
  ])('version from the ref %s', (ref, version) => {
    expect(settings({}, { ref }).version).toBe(version)
  })

  test('the version input wins over the tag, and a leading v is dropped', () => {
    expect(settings({ version: 'v3.1.0' }, { ref: 'refs/tags/v1.2.3' }).version).toBe('3.1.0')
  })

  test('a tenant may be given by its verified domain', () => {
    expect(settings({ 'tenant-id': 'contoso.onmicrosoft.com' }).tenantId).toBe(
      'contoso.onmicrosoft.com'
    )
  })

  test.each([
    [{ 'tenant-id': '' }, 'tenant-id', /is required/, /Directory \(tenant\) ID/],
    [{ 'tenant-id': 'not a tenant' }, 'tenant-id', /is not a tenant ID/, /GUID/],
    [{ 'client-id': '' }, 'client-id', /is required/, /Application \(client\) ID/],
    [{ 'client-id': 'my-app' }, 'client-id', /is not a GUID: "my-app"/, /not the app's name/],
    [{ target: 'production' }, 'target', /must be one of draft, preview, live/, /default preview/],
    [{ version: '1.2' }, 'version', /is not a version: "1.2"/, /1\.2\.3/],
    [{ offers: 'contoso analytics' }, 'offers', /invalid offer ID or glob/, /commas or new lines/],
    [{ 'dry-run': 'yes' }, 'dry-run', /must be true or false; got "yes"/, /true or false/],
    [{ wait: '1' }, 'wait', /must be true or false/, /true or false/],
    [{ 'timeout-minutes': '0' }, 'timeout-minutes', /above 0/, /time budget/],
    [{ 'timeout-minutes': 'an hour' }, 'timeout-minutes', /number of minutes/, /time budget/],
    [{ 'timeout-minutes': '20000' }, 'timeout-minutes', /at most 10080/, /time budget/],
    [{ 'on-conflict': 'cancel' }, 'on-conflict', /must be one of fail, wait/, /default fail/],
    [{ 'check-existing': 'never' }, 'check-existing', /one of auto, always/, /default auto/],
    [
      { 'authority-host': 'login.microsoftonline.com' },
      'authority-host',
      /is not an absolute URL/,
      /https:\/\//
    ],
    [
      { 'authority-host': 'https://login.microsoftonline.com/tenant' },
      'authority-host',
      /without a path/,
      /origin only/
    ],
    [
      { 'authority-host': 'ftp://login.microsoftonline.com' },
      'authority-host',
      /http\(s\) URL; got ftp/,
      /https/
    ],
    [
      { 'api-base-url': 'https://api.example.com/v1?x=1' },
      'api-base-url',
      /query or a fragment/,
      /scheme, host and path/
    ],
    [
      { 'product-ingestion-url': 'graph.microsoft.com/rp/product-ingestion' },
      'product-ingestion-url',
      /is not an absolute URL/,
      /https:\/\//
    ],
    [{ concurrency: '0' }, 'concurrency', /whole number from 1 to 16; got "0"/, /at once/],
    [{ concurrency: '17' }, 'concurrency', /from 1 to 16/, /at once/],
    [{ concurrency: '2.5' }, 'concurrency', /whole number/, /at once/],
    [
      { mode: 'validate' },
      'mode',
      /must be one of publish, follow, list, check/,
      /default publish/
    ],
    [{ mode: 'follow', 'tenant-id': '' }, 'tenant-id', /is required/, /Directory \(tenant\) ID/],
    [{ mode: 'follow', 'client-id': '' }, 'client-id', /is required/, /client\) ID/],
    [{ mode: 'list', 'tenant-id': 'not a tenant' }, 'tenant-id', /is not a tenant ID/, /GUID/],
    [{ mode: 'follow', target: 'draft' }, 'target', /preview or live with mode: follow/, /live/]
  ])('%j is refused', (inputs, name, message, hint) => {
    const error = inputError(inputs)
    expect(error.code).toBe('INPUT_INVALID')
    expect(error.message).toMatch(new RegExp(`^Input "${name}" `))
    expect(error.message).toMatch(message)
    expect(error.details.hint).toMatch(hint)
  })

  test.each(['list', 'check'])('%s needs no credentials', mode => {
    const parsed = settings({ mode, 'tenant-id': '', 'client-id': '' })
    expect(parsed).toMatchObject({ mode, tenantId: '', clientId: '' })
  })

  test('a publish on pull_request_target must be a dry run; follow and list may run there', () => {
    const target = { eventName: 'pull_request_target' }
    const error = inputError({}, target)
    expect(error.message).toMatch(/^Input "dry-run" must be true on pull_request_target/)
    expect(error.details.hint).toMatch(/dry-run: true/)
    expect(settings({ 'dry-run': 'true' }, target).dryRun).toBe(true)
    expect(settings({ mode: 'follow' }, target).mode).toBe('follow')
    expect(settings({}, { eventName: 'pull_request' }).dryRun).toBe(false)
  })

  test('reads only the declared inputs', () => {
    const read: string[] = []
    parseSettings(
      name => (read.push(name), name === 'tenant-id' ? TENANT : name === 'client-id' ? CLIENT : ''),
      {},
      '/'
    )
    expect(new Set(read)).toEqual(new Set(Object.values(INPUT_NAMES)))
  })

  test('any input value yields settings or an INPUT_INVALID error that never echoes the secret', () => {
    const names = Object.values(INPUT_NAMES)
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...names), fc.string({ maxLength: 40 })),
        inputs => {
          try {
            settings({ ...inputs, 'client-secret': SECRET })
          } catch (e) {
            expect(isPublishError(e) && e.code).toBe('INPUT_INVALID')
            expect(
              JSON.stringify({
                message: (e as Error).message,
                details: (e as PublishError).details
              })
            ).not.toContain(SECRET)
          }
        }
      ),
      { numRuns: 300 }
    )
  })
})
