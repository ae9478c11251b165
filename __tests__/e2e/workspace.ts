/**
 * A throw-away repository for the end-to-end tests: a manifest for the emulator's seeded offers
 * that states everything their submissions need, and the real files it names (zip packages with
 * mainTemplate.json, PNG logos of the right sizes, Business Central .app files).
 */
import { crc32, deflateSync } from 'node:zlib'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { makeZip, type ZipEntry } from '../emulator/blob-fixtures.js'

export type SeededOffer =
  'contoso-analytics' | 'contoso-managed-ops' | 'contoso-bc-connector' | ProductIngestionOffer

/** The seed's offers of the product-ingestion API; each manifest changes what a release changes. */
export type ProductIngestionOffer = 'contoso-saas' | 'contoso-vm' | 'contoso-container'

/** The bundle digest the container offer's manifest publishes (the seed has another one). */
export const CNAB_DIGEST = `sha256:${'5e'.repeat(32)}`

const TENANT = '8d2c5b1e-3f4a-4c6b-9e7d-1a2b3c4d5e6f'
const OWNER_ROLE = '8e3af657-a8ff-443c-a75c-2fe8c4bcb635'
const PRINCIPAL = '5f0e6a7b-1c2d-4e3f-8a9b-0c1d2e3f4a5b'
const PUBLISHER_TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47'
const PUBLISHER_SUBSCRIPTION = '0b1f6471-1bf0-4dda-aec3-cb9272f09590'
/** The subscription of the preview audience. */
export const PREVIEW_SUBSCRIPTION = '0b1f6471-1bf0-4dda-aec3-cb9272f09590'

/**
 * What the listings state beyond their title and summary, so that submissions pass the emulator's
 * (default, strict) submission checks as Partner Center's validation: description and privacy
 * link; Azure Applications add contacts, a category and the preview audience; every offer has
 * the large logo and legal terms. Exported for tests that write their own new offers.
 */
export const LISTING_REST = `
      description: <p>Made by Contoso.</p>
      privacyPolicy: https://contoso.example.com/privacy`
export const CONTACTS = `
      contacts:
        support: { name: Contoso Support, email: support@contoso.example.com }
        engineering: { name: Contoso Engineering, email: engineering@contoso.example.com }`
export const LOGO = `
    images:
      large: images/large.png`
export const AZURE_PROPERTIES = `
    properties:
      categories: [analytics]
      useEnterpriseContract: true
    previewAudience: [${PREVIEW_SUBSCRIPTION}]`
export const BC_PROPERTIES = `
    properties:
      useEnterpriseContract: true`

/** A plan's listing: what its submission needs. */
export const planListing = (summary: string): string => `
        listing:
          summary: ${summary}
          description: <p>${summary}</p>`

const OFFERS: Record<SeededOffer, string> = {
  'contoso-analytics': `
  - id: contoso-analytics
    type: azure-solution-template
    listing:
      title: Contoso Analytics
      summary: Analytics for your Azure subscription, version \${{ version }}${LISTING_REST}${CONTACTS}${LOGO}${AZURE_PROPERTIES}
    plans:
      - id: standard
        name: Standard${planListing('One subscription')}
        package: packages/analytics-standard-*.zip
      - id: premium
        name: Premium${planListing('Every subscription')}
        package: packages/analytics-premium-*.zip`,
  'contoso-managed-ops': `
  - id: contoso-managed-ops
    type: azure-managed-app
    listing:
      summary: Managed operations by Contoso${LISTING_REST}${CONTACTS}${LOGO}${AZURE_PROPERTIES}
    plans:
      - id: managed
        name: Managed${planListing('Operated by Contoso')}
        package: packages/managed-ops-*.zip
        tenantId: ${TENANT}
        authorizations:
          - principalId: ${PRINCIPAL}
            roleDefinitionId: ${OWNER_ROLE}
        markets: [us, ca]
        pricing: { monthly: 49.99 }`,
  'contoso-bc-connector': `
  - id: contoso-bc-connector
    type: business-central
    listing:
      summary: Business Central data next to your Azure costs${LISTING_REST}${LOGO}${BC_PROPERTIES}
    app: bc/Contoso_Connector_\${{ version }}.0.app`,
  'contoso-saas': `
  - id: contoso-saas
    type: saas
    listing:
      summary: Insights for your Azure workloads, version \${{ version }}
    technicalConfiguration:
      landingPage: https://contoso.example.com/insights/landing
      webhook: https://contoso.example.com/insights/webhook
      entraTenantId: ${PUBLISHER_TENANT}
      entraAppId: 3c5a0f7e-2d1b-4e8f-9a6c-7b0d1e2f3a4b
    plans:
      - id: starter
        name: Starter
        markets: [us, gb, de, fr]
        pricing: { model: per-user, monthly: 12, users: { min: 1, max: 100 } }`,
  'contoso-vm': `
  - id: contoso-vm
    type: azure-virtual-machine
    plans:
      - id: ubuntu-22-04
        name: Ubuntu 22.04 LTS
        image:
          x64Gen2:
            galleryImageVersion: /subscriptions/${PUBLISHER_SUBSCRIPTION}/resourceGroups/images/providers/Microsoft.Compute/galleries/contoso/images/ubuntu-22-04/versions/\${{ version }}
            tenantId: ${PUBLISHER_TENANT}`,
  'contoso-container': `
  - id: contoso-container
    type: azure-container
    plans:
      - id: standard
        name: Standard
        cnab:
          tenantId: ${PUBLISHER_TENANT}
          subscriptionId: ${PUBLISHER_SUBSCRIPTION}
          resourceGroup: containers
          registry: contosoregistry
          repository: contoso-container/bundle
          tag: \${{ version }}
          digest: ${CNAB_DIGEST}`
}

/** Writes the workspace and returns its path; the manifest is `marketplace.yml` at its root. */
export function createWorkspace(offers: SeededOffer[], extra = ''): string {
  const root = mkdtempSync(join(tmpdir(), 'e2e-workspace-'))
  const write = (path: string, data: string | Buffer): void => {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), data)
  }
  write('marketplace.yml', `version: 1\noffers:${offers.map(o => OFFERS[o]).join('')}\n${extra}`)
  // Packages carry their version in the file name, as a build names them: only then may a re-run
  // reuse a package already uploaded (src/publish/package-reuse.ts).
  write('images/large.png', png(216, 216))
  const template: ZipEntry[] = [
    {
      name: 'mainTemplate.json',
      data: '{"$schema":"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#","contentVersion":"1.0.0.0","resources":[]}'
    },
    {
      name: 'createUiDefinition.json',
      data: '{"handler":"Microsoft.Azure.CreateUIDef","version":"0.1.2-preview","parameters":{"basics":[],"steps":[],"outputs":{}}}'
    }
  ]
  write('packages/analytics-standard-1.2.3.zip', makeZip(template))
  write(
    'packages/analytics-premium-1.2.3.zip',
    makeZip([...template, { name: 'README.md', data: 'premium' }])
  )
  write(
    'packages/managed-ops-1.2.3.zip',
    makeZip([...template, { name: 'viewDefinition.json', data: '{}' }])
  )
  // Two versions, for the tests that publish v1.2.4 after v1.2.3.
  for (const version of ['1.2.3.0', '1.2.4.0']) {
    write(
      `bc/Contoso_Connector_${version}.app`,
      Buffer.concat([Buffer.from('NAVX'), Buffer.from(version), Buffer.alloc(2048, 7)])
    )
  }
  return root
}

/**
 * A seeded offer's manifest entry under another offer ID; with a `name`, a run creates the offer.
 * The entry ends with its last plan's `package:` line.
 */
export function offerAs(offer: SeededOffer, id: string, name?: string): string {
  return OFFERS[offer].replace(
    `- id: ${offer}\n`,
    `- id: ${id}\n${name === undefined ? '' : `    name: ${name}\n`}`
  )
}

/**
 * Two offers Partner Center does not have yet, each with a `name` so that the run creates them:
 * `contoso-new-template` (the solution template of contoso-analytics) and `contoso-new-managed`
 * (the managed app of contoso-managed-ops). Without `availability`, they state everything their
 * first submission needs but the preview audience, the managed plan's markets and its price.
 */
export function newOffersManifest(availability: boolean): string {
  const text = `version: 1\noffers:${offerAs('contoso-analytics', 'contoso-new-template', 'Contoso New Template')}${offerAs('contoso-managed-ops', 'contoso-new-managed', 'Contoso New Managed')}\n`
  if (availability) return text
  const unstated = /^\s+(previewAudience|markets|pricing):/
  return text
    .split('\n')
    .filter(line => !unstated.test(line))
    .join('\n')
}

/** A manifest of contoso-analytics with only its `standard` plan, whose package is on line 8. */
export function standardPlanManifest(packagePath: string): string {
  return [
    'version: 1',
    'offers:',
    '  - id: contoso-analytics',
    '    type: azure-solution-template',
    '    plans:',
    '      - id: standard',
    '        name: Standard',
    `        package: ${packagePath}`,
    ''
  ].join('\n')
}

/**
 * A workspace whose manifest's only plan names a package that is not there: line 8 (its
 * `package:` line) is where a manifest error must point.
 */
export function createWorkspaceMissingPackage(): string {
  const root = createWorkspace([])
  writeFileSync(join(root, 'marketplace.yml'), standardPlanManifest('packages/missing.zip'))
  return root
}

/** A valid grey RGB PNG of the given size. */
export function png(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const length = Buffer.alloc(4)
    length.writeUInt32BE(data.length)
    const body = Buffer.concat([Buffer.from(type), data])
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(body))
    return Buffer.concat([length, body, crc])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header[8] = 8
  header[9] = 2
  const rows = Buffer.alloc((width * 3 + 1) * height, 0x80)
  for (let y = 0; y < height; y++) rows[y * (width * 3 + 1)] = 0
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0))
  ])
}
