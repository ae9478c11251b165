/** The emulator's command-line parsing and seed checking, without starting it. */
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from '@jest/globals'
import { DEFAULT_OPTIONS, parseOptions } from '../../emulator/src/server/options.js'
import { checkSeed, loadSeedFile } from '../../emulator/src/server/seed.js'

const DEFAULT_SEED = fileURLToPath(new URL('../../examples/emulator-seed.yml', import.meta.url))

describe('parseOptions', () => {
  it('gives the documented defaults', () => {
    expect(parseOptions([])).toEqual(DEFAULT_OPTIONS)
    expect(DEFAULT_OPTIONS).toMatchObject({
      port: 8645,
      host: '127.0.0.1',
      speed: 3600,
      pageSize: 3,
      tokenLifetimeSeconds: 3600,
      etagMismatch: 412,
      sasVersion: '2018-03-28',
      rotateDraftInstances: true,
      keepSubmittedInstances: true,
      submissionChecks: 'strict'
    })
  })

  it('reads values in both spellings and the flags', () => {
    expect(
      parseOptions([
        '--port=0',
        '--speed',
        '36000',
        '--etag-mismatch',
        '409',
        '--no-rotate-drafts',
        '--drop-submitted-instances',
        '--ignore-version-header',
        '--quiet',
        '--faults',
        'token -> 503 x1',
        '--submission-checks=basic'
      ])
    ).toMatchObject({
      port: 0,
      speed: 36000,
      etagMismatch: 409,
      rotateDraftInstances: false,
      keepSubmittedInstances: false,
      ignoreVersionHeader: true,
      quiet: true,
      faults: 'token -> 503 x1',
      submissionChecks: 'basic'
    })
    expect(parseOptions(['--port', '1', '--help'])).toBe('help')
  })

  it.each([
    [['--port', '70000'], '--port'],
    [['--page-size', '0'], '--page-size'],
    [['--sas-version', 'latest'], '--sas-version'],
    [['--submission-checks', 'lax'], '--submission-checks must be basic or strict, got lax'],
    [['--seed'], '--seed needs a value'],
    [['--quiet=yes'], 'unknown option --quiet=yes']
  ])('refuses %j naming the option', (argv, message) => {
    expect(() => parseOptions(argv)).toThrow(message)
  })
})

describe('seed', () => {
  it('loads the default seed with the values everyone relies on', () => {
    const seed = loadSeedFile(DEFAULT_SEED)
    expect(seed.tenantId).toBe('8d2c5b1e-3f4a-4c6b-9e7d-1a2b3c4d5e6f')
    expect(seed.apps[0]).toEqual({
      clientId: '5f0e6a7b-1c2d-4e3f-8a9b-0c1d2e3f4a5b',
      clientSecret: 'Emu8Q~local-dev-secret-Zx7Yq2Lm9Np4Rs6Tu8Vw',
      displayName: expect.any(String),
      federatedCredentials: [
        {
          issuer: 'builtin',
          subject: 'repo:contoso/marketplace-offers:ref:refs/tags/v1.2.3',
          audiences: ['api://AzureADTokenExchange']
        }
      ]
    })
    expect(seed.oidcSubject).toBe('repo:contoso/marketplace-offers:ref:refs/tags/v1.2.3')
    expect(seed.offers).toEqual([
      {
        offerId: 'contoso-analytics',
        type: 'AzureApplication',
        name: 'Contoso Analytics',
        plans: [
          { planId: 'standard', name: 'Standard', subType: 'solution-template' },
          { planId: 'premium', name: 'Premium', subType: 'solution-template' }
        ]
      },
      {
        offerId: 'contoso-managed-ops',
        type: 'AzureApplication',
        name: 'Contoso Managed Operations',
        plans: [{ planId: 'managed', name: 'Managed', subType: 'managed-application' }]
      },
      {
        offerId: 'contoso-bc-connector',
        type: 'AzureDynamics365BusinessCentral',
        name: 'Contoso Connector',
        plans: [],
        packageType: 'AddOn',
        appVersion: '1.0.0.0'
      }
    ])
  })

  const good = (): Record<string, unknown> => JSON.parse(JSON.stringify(loadSeedFile(DEFAULT_SEED)))

  it.each<[string, (seed: Record<string, unknown>) => void, string]>([
    ['a tenant that is not a GUID', s => (s.tenantId = 'contoso'), 'tenantId must be a GUID'],
    ['no apps', s => (s.apps = []), 'apps must list at least one app'],
    [
      'a credential without audiences',
      s =>
        delete (s.apps as { federatedCredentials: { audiences?: string[] }[] }[])[0]
          .federatedCredentials[0].audiences,
      'apps[0].federatedCredentials[0].audiences must be a list'
    ],
    [
      'a repeated offer id',
      s => ((s.offers as { offerId: string }[])[1].offerId = 'contoso-analytics'),
      'offers[1].offerId repeats contoso-analytics'
    ],
    [
      'an unknown offer type',
      s => ((s.offers as { type: string }[])[0].type = 'SoftwareAsAService'),
      'offers[0].type must be one of'
    ],
    [
      'plans on a Business Central offer',
      s => ((s.offers as { plans: unknown[] }[])[2].plans = [{ planId: 'x', name: 'X' }]),
      'offers[2].plans must be empty'
    ],
    [
      'a three-part appVersion',
      s => ((s.offers as { appVersion: string }[])[2].appVersion = '1.0.0'),
      'offers[2].appVersion must be a version like 1.0.0.0'
    ]
  ])('refuses %s, naming the field', (_, spoil, message) => {
    const seed = good()
    spoil(seed)
    expect(() => checkSeed(seed)).toThrow(message)
  })
})
