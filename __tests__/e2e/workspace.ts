/**
 * A throw-away repository for the end-to-end tests: a manifest for the emulator's seeded offers
 * and the real files it names (zip packages with mainTemplate.json, PNG logos of the right sizes,
 * Business Central .app files).
 */
import { crc32, deflateSync } from 'node:zlib'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

export type SeededOffer = 'contoso-analytics' | 'contoso-managed-ops' | 'contoso-bc-connector'

const TENANT = '8d2c5b1e-3f4a-4c6b-9e7d-1a2b3c4d5e6f'
const OWNER_ROLE = '8e3af657-a8ff-443c-a75c-2fe8c4bcb635'
const PRINCIPAL = '5f0e6a7b-1c2d-4e3f-8a9b-0c1d2e3f4a5b'

const OFFERS: Record<SeededOffer, string> = {
  'contoso-analytics': `
  - id: contoso-analytics
    type: azure-solution-template
    listing:
      title: Contoso Analytics
      summary: Analytics for your Azure subscription, version \${{ version }}
    images:
      large: images/large.png
    plans:
      - id: standard
        name: Standard
        package: packages/analytics-standard.zip
      - id: premium
        name: Premium
        package: packages/analytics-premium.zip`,
  'contoso-managed-ops': `
  - id: contoso-managed-ops
    type: azure-managed-app
    listing:
      summary: Managed operations by Contoso
    plans:
      - id: managed
        name: Managed
        package: packages/managed-ops.zip
        tenantId: ${TENANT}
        authorizations:
          - principalId: ${PRINCIPAL}
            roleDefinitionId: ${OWNER_ROLE}`,
  'contoso-bc-connector': `
  - id: contoso-bc-connector
    type: business-central
    app: bc/Contoso_Connector_\${{ version }}.0.app`
}

/** Writes the workspace and returns its path; the manifest is `marketplace.yml` at its root. */
export function createWorkspace(offers: SeededOffer[], extra = ''): string {
  const root = mkdtempSync(join(tmpdir(), 'e2e-workspace-'))
  const write = (path: string, data: string | Buffer): void => {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), data)
  }
  write('marketplace.yml', `version: 1\noffers:${offers.map(o => OFFERS[o]).join('')}\n${extra}`)
  write('images/large.png', png(216, 216))
  const template = {
    'mainTemplate.json':
      '{"$schema":"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#","contentVersion":"1.0.0.0","resources":[]}',
    'createUiDefinition.json':
      '{"handler":"Microsoft.Azure.CreateUIDef","version":"0.1.2-preview","parameters":{"basics":[],"steps":[],"outputs":{}}}'
  }
  write('packages/analytics-standard.zip', zip(template))
  write('packages/analytics-premium.zip', zip({ ...template, 'README.md': 'premium' }))
  write('packages/managed-ops.zip', zip({ ...template, 'viewDefinition.json': '{}' }))
  // Two versions, for the tests that publish v1.2.4 after v1.2.3.
  for (const version of ['1.2.3.0', '1.2.4.0']) {
    write(
      `bc/Contoso_Connector_${version}.app`,
      Buffer.concat([Buffer.from('NAVX'), Buffer.from(version), Buffer.alloc(2048, 7)])
    )
  }
  return root
}

/** A zip with stored (uncompressed) entries. */
export function zip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const [name, text] of Object.entries(entries)) {
    const data = Buffer.from(text)
    const nameBytes = Buffer.from(name)
    const crc = crc32(data)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(data.length, 18)
    local.writeUInt32LE(data.length, 22)
    local.writeUInt16LE(nameBytes.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(data.length, 20)
    central.writeUInt32LE(data.length, 24)
    central.writeUInt16LE(nameBytes.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, nameBytes, data)
    centrals.push(central, nameBytes)
    offset += local.length + nameBytes.length + data.length
  }
  const cd = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(Object.keys(entries).length, 8)
  end.writeUInt16LE(Object.keys(entries).length, 10)
  end.writeUInt32LE(cd.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, cd, end])
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
