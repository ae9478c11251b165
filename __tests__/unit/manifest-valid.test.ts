import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { existsSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'
import { loadManifest } from '../../src/manifest/load.js'
import {
  businessCentral,
  ingestionOffers,
  makeWorkspace,
  managedApp,
  solutionTemplate,
  type Workspace
} from './manifest-fixture.js'

const repo = path.resolve(import.meta.dirname, '..', '..')
const example = path.join(repo, 'examples', 'marketplace.yml')

describe('examples/marketplace.yml', () => {
  test('loads with version 1.2.3 and resolves every file', async () => {
    const manifest = await loadManifest(example, { version: '1.2.3', workspace: repo })
    expect(manifest.file).toBe(example)
    expect(
      ingestionOffers(manifest).map(o => [o.offerId, o.type, o.plans.map(p => p.planId)])
    ).toEqual([
      ['contoso-analytics', 'azure-solution-template', ['standard', 'premium']],
      ['contoso-managed-ops', 'azure-managed-app', ['managed']],
      ['contoso-bc-connector', 'business-central', []]
    ])
    const files = ingestionOffers(manifest).flatMap(o => [
      ...o.images.map(i => i.file),
      ...o.plans.map(p => p.package),
      ...(o.businessCentral ? [o.businessCentral.app, o.businessCentral.library!] : [])
    ])
    expect(files).toHaveLength(4 + 2 + (4 + 1) + (1 + 2))
    for (const file of files) {
      expect(existsSync(file.path)).toBe(true)
      expect(file.size).toBe(statSync(file.path).size)
      expect(file.name).toBe(path.basename(file.path))
      expect(file.source.file).toBe(example)
    }
  })

  test('maps every section to the model', async () => {
    const [analytics, managed, bc] = ingestionOffers(
      await loadManifest(example, { version: '1.2.3', workspace: repo })
    )
    expect(analytics.listing?.description).toContain('<strong>Contoso Analytics</strong>')
    expect(analytics.listing?.links).toEqual([
      {
        type: 'PrivacyUri',
        displayText: 'Privacy policy',
        uri: 'https://contoso.example.com/privacy'
      },
      {
        type: 'Documentation',
        displayText: 'Documentation',
        uri: 'https://contoso.example.com/analytics/docs'
      }
    ])
    expect(analytics.listing?.contacts?.map(c => c.type)).toEqual([
      'CustomerSupport',
      'Engineering'
    ])
    expect(analytics.images.map(i => i.type)).toEqual([
      'AzureLogoSmall',
      'AzureLogoMedium',
      'AzureLogoLarge',
      'AzureLogoWide'
    ])
    expect(analytics.certificationNotes).toBe(
      'Release 1.2.3. Test with any subscription; no credentials are needed.'
    )
    expect(analytics.resellerChannelState).toBe('Enabled')
    expect(analytics.properties).toMatchObject({
      categories: ['analytics'],
      useEnterpriseContract: true
    })
    expect(analytics.plans[0]).toMatchObject({
      subType: 'solution-template',
      version: '1.2.3',
      package: { name: 'contoso-analytics-standard-1.2.3.zip' },
      listing: { summary: 'Analytics for one subscription.' }
    })
    expect(analytics.plans[0].managedApp).toBeUndefined()
    expect(managed.plans[0]).toMatchObject({
      subType: 'managed-application',
      version: '1.2.3',
      managedApp: {
        publicAzureTenantID: '8d2c5b1e-3f4a-4c6b-9e7d-1a2b3c4d5e6f',
        publicAzureAuthorizations: [
          {
            principalID: '3f2e1d0c-4b5a-4968-8776-a5b4c3d2e1f0',
            roleDefinitionID: 'b24988ac-6180-42a0-ab88-20f7382dd24c'
          }
        ],
        allowJitAccess: true,
        canEnableCustomerActions: true,
        allowedCustomerActions: ['Microsoft.Storage/storageAccounts/listKeys/action']
      }
    })
    expect(analytics.previewAudience).toEqual(['0b1f6471-1bf0-4dda-aec3-cb9272f09590'])
    expect(analytics.plans[0].availability).toBeUndefined()
    expect(managed.plans[0].availability).toMatchObject({
      markets: ['us', 'ca', 'gb'],
      pricing: { monthly: 49.99, byMarket: [{ market: 'gb', monthly: 39.99, currency: 'GBP' }] }
    })
    expect(bc.businessCentral).toMatchObject({
      appVersion: '1.2.3.0',
      app: { name: 'Contoso_Connector_1.2.3.0.app' },
      library: { name: 'Contoso_ConnectorLibrary_1.2.3.0.app' }
    })
    expect(bc.plans).toEqual([])
    expect(bc.source.line).toBe(
      readFileSync(example, 'utf8').split('\n').indexOf('  - id: contoso-bc-connector') + 1
    )
  })

  test('states everything a first submission of each offer needs', async () => {
    const manifest = await loadManifest(example, { version: '1.2.3', workspace: repo })
    const gaps = ingestionOffers(manifest).flatMap(o => [
      ...(o.firstSubmissionGaps ?? []),
      ...o.plans.flatMap(p => p.firstSubmissionGaps ?? [])
    ])
    expect(gaps).toEqual([])
  })

  test('the same manifest as JSON loads to the same model', async () => {
    const ws = makeWorkspace()
    try {
      const json = parse(readFileSync(example, 'utf8')) as Record<string, unknown>
      const file = ws.write(
        'marketplace.json',
        JSON.stringify({ $schema: './schema.json', ...json }, null, 2)
      )
      const fromJson = await loadManifest(file, { version: '1.2.3', workspace: ws.root })
      const fromYaml = await loadManifest(example, { version: '1.2.3', workspace: repo })
      const shape = (m: typeof fromJson) =>
        JSON.stringify(m.offers, (key, value) =>
          key === 'source' || key === 'path' ? undefined : value
        )
      expect(shape(fromJson)).toBe(shape(fromYaml))
      expect(fromJson.offers[0].source).toEqual({ file, line: 5, column: 5 })
    } finally {
      ws.remove()
    }
  })
})

describe('loadManifest', () => {
  let ws: Workspace
  beforeEach(() => {
    ws = makeWorkspace()
  })
  afterEach(() => ws.remove())

  test('substitutes ${{ version }} in paths and text, with or without spaces', async () => {
    ws.write(
      'build/standard-2.0.1.zip',
      readFileSync(path.join(ws.root, 'packages/contoso-analytics-standard-1.2.3.zip'))
    )
    const text = solutionTemplate(
      '    certificationNotes: v${{version}} and ${{  version  }}\n'
    ).replace('packages/contoso-analytics-standard-*.zip', 'build/standard-${{ version }}.zip')
    const manifest = await loadManifest(ws.write('marketplace.yml', text), {
      version: '2.0.1',
      workspace: ws.root
    })
    const [offer] = ingestionOffers(manifest)
    expect(offer.certificationNotes).toBe('v2.0.1 and 2.0.1')
    expect(offer.plans[0].package.name).toBe('standard-2.0.1.zip')
    expect(offer.plans[0].version).toBe('2.0.1')
  })

  test('a four-part version is the Business Central app version as it is', async () => {
    const text = businessCentral('    app: apps/Contoso_Connector_*.app\n')
    const manifest = await loadManifest(ws.write('marketplace.yml', text), {
      version: '1.2.3.4',
      workspace: ws.root
    })
    expect(ingestionOffers(manifest)[0].businessCentral?.appVersion).toBe('1.2.3.4')
  })

  test('explicit plan versions and app versions need no published version', async () => {
    const text = `${solutionTemplate('', "        version: '3.0.0'\n")}  - id: contoso-bc-connector
    type: business-central
    app: apps/Contoso_Connector_1.2.3.0.app
    appVersion: '3.0.0.7'
`
    const manifest = await loadManifest(ws.write('marketplace.yml', text), { workspace: ws.root })
    expect(ingestionOffers(manifest)[0].plans[0].version).toBe('3.0.0')
    expect(ingestionOffers(manifest)[1].businessCentral?.appVersion).toBe('3.0.0.7')
  })

  test('policies take parameters as a mapping (sent as JSON) or a JSON string', async () => {
    const text = managedApp(`        tenantId: 8d2c5b1e-3f4a-4c6b-9e7d-1a2b3c4d5e6f
        authorizations:
          - principalId: 3f2e1d0c-4b5a-4968-8776-a5b4c3d2e1f0
            roleDefinitionId: b24988ac-6180-42a0-ab88-20f7382dd24c
        policies:
          - name: audit
            definitionId: /providers/Microsoft.Authorization/policyDefinitions/0a914e76-4921-4c19-b460-a2d36003525a
            parameters: { effect: Audit }
            sku: Standard
          - name: deny
            definitionId: /providers/Microsoft.Authorization/policyDefinitions/1b914e76-4921-4c19-b460-a2d36003525a
            parameters: '{"effect":"Deny"}'
`)
    const manifest = await loadManifest(ws.write('marketplace.yml', text), {
      version: '1.2.3',
      workspace: ws.root
    })
    expect(ingestionOffers(manifest)[0].plans[0].managedApp?.policies).toEqual([
      {
        policyName: 'audit',
        policyDefinitionID:
          '/providers/Microsoft.Authorization/policyDefinitions/0a914e76-4921-4c19-b460-a2d36003525a',
        policyParameters: '{"effect":"Audit"}',
        policySku: 'Standard'
      },
      {
        policyName: 'deny',
        policyDefinitionID:
          '/providers/Microsoft.Authorization/policyDefinitions/1b914e76-4921-4c19-b460-a2d36003525a',
        policyParameters: '{"effect":"Deny"}',
        policySku: undefined
      }
    ])
  })

  test('paths may leave the manifest folder while they stay in the workspace', async () => {
    const text = solutionTemplate().replace(
      'packages/contoso-analytics-standard-*.zip',
      '../packages/contoso-analytics-standard-*.zip'
    )
    const manifest = await loadManifest(ws.write('.github/marketplace.yml', text), {
      version: '1.2.3',
      workspace: ws.root
    })
    expect(ingestionOffers(manifest)[0].plans[0].package.path).toBe(
      path.join(ws.root, 'packages/contoso-analytics-standard-1.2.3.zip')
    )
  })

  test('a relative manifest path is resolved against the workspace', async () => {
    ws.write('marketplace.yml', solutionTemplate())
    const manifest = await loadManifest('marketplace.yml', { version: '1.2.3', workspace: ws.root })
    expect(manifest.file).toBe(path.join(ws.root, 'marketplace.yml'))
  })

  test('lists what a first submission needs and a bare managed app leaves out, each where it belongs', async () => {
    const text = managedApp(`        tenantId: 8d2c5b1e-3f4a-4c6b-9e7d-1a2b3c4d5e6f
        authorizations:
          - principalId: 3f2e1d0c-4b5a-4968-8776-a5b4c3d2e1f0
            roleDefinitionId: b24988ac-6180-42a0-ab88-20f7382dd24c
        visibility: private
`)
    const file = ws.write('marketplace.yml', text)
    const [offer] = ingestionOffers(
      await loadManifest(file, { version: '1.2.3', workspace: ws.root })
    )
    const lineOf = (start: string) => text.split('\n').findIndex(l => l.startsWith(start)) + 1
    expect(offer.firstSubmissionGaps?.map(g => [g.field, g.source.line])).toEqual(
      [
        'listing.summary',
        'listing.description',
        'listing.privacyPolicy',
        'images.large',
        'properties.useEnterpriseContract',
        'listing.contacts.support.name',
        'listing.contacts.support.email',
        'listing.contacts.engineering.name',
        'listing.contacts.engineering.email',
        'properties.categories',
        'previewAudience'
      ].map(field => [`offers[0].${field}`, lineOf('  - id: contoso-managed-ops')])
    )
    expect(offer.firstSubmissionGaps?.[10]).toMatchObject({
      message:
        'offer "contoso-managed-ops" has no preview audience, which Partner Center requires before a first submission',
      hint: expect.stringContaining('Add previewAudience')
    })
    expect(offer.plans[0].firstSubmissionGaps?.map(g => [g.field, g.source.line])).toEqual(
      ['listing.summary', 'listing.description', 'privateAudience', 'markets', 'pricing'].map(
        field => [`offers[0].plans[0].${field}`, lineOf('      - id: managed')]
      )
    )
  })

  test('a Business Central app needs its listing, logo and legal terms; a stated file description counts', async () => {
    const text = businessCentral(`    app: apps/Contoso_Connector_1.2.3.0.app
    listing:
      summary: Connector
      description: { file: listing/contoso-bc-connector.html }
    properties:
      termsOfUse: Our terms
`)
    const file = ws.write('marketplace.yml', text)
    const [offer] = ingestionOffers(
      await loadManifest(file, { version: '1.2.3', workspace: ws.root })
    )
    expect(offer.firstSubmissionGaps?.map(g => [g.field, g.source.line])).toEqual([
      ['offers[0].listing.privacyPolicy', 7],
      ['offers[0].images.large', 3]
    ])
  })

  test.each(["''", "'  '"])(
    'blank terms of use (%s) are no legal terms: the new offer would fail validation',
    async blank => {
      const text = businessCentral(`    app: apps/Contoso_Connector_1.2.3.0.app
    properties:
      termsOfUse: ${blank}
`)
      const file = ws.write('marketplace.yml', text)
      const [offer] = ingestionOffers(
        await loadManifest(file, { version: '1.2.3', workspace: ws.root })
      )
      expect(offer.firstSubmissionGaps).toContainEqual(
        expect.objectContaining({
          field: 'offers[0].properties.useEnterpriseContract',
          message:
            'offer "contoso-bc-connector" has no legal terms, which Partner Center requires before a first submission',
          source: expect.objectContaining({ line: 7 })
        })
      )
    }
  )

  test('screenshots are checked at 1280x720 and keep their order', async () => {
    ws.write('images/shot.png', pngHeader(1280, 720))
    const text = solutionTemplate(
      '    images:\n      screenshots: [images/shot.png, images/shot.png]\n'
    )
    const manifest = await loadManifest(ws.write('marketplace.yml', text), {
      version: '1.2.3',
      workspace: ws.root
    })
    expect(ingestionOffers(manifest)[0].images.map(i => [i.type, i.order])).toEqual([
      ['AzureScreenshot', 0],
      ['AzureScreenshot', 1]
    ])
  })
})

/** Enough of a PNG for the size check: signature and IHDR. */
function pngHeader(width: number, height: number): Buffer {
  const head = Buffer.alloc(33)
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(head)
  head.writeUInt32BE(13, 8)
  head.write('IHDR', 12, 'ascii')
  head.writeUInt32BE(width, 16)
  head.writeUInt32BE(height, 20)
  return head
}
