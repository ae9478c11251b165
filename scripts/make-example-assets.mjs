#!/usr/bin/env node
/**
 * Writes the binary files examples/marketplace.yml needs: logos at Partner Center's exact sizes,
 * Azure application packages (zips with mainTemplate.json and createUiDefinition.json at the
 * root), and Business Central .app files. Output is byte-for-byte deterministic (fixed zip
 * timestamps), so re-running it leaves the committed files unchanged.
 *
 * Usage: node scripts/make-example-assets.mjs   (Node 22+: uses zlib.crc32)
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import zlib from 'node:zlib'

const examples = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'examples')

// ---------------------------------------------------------------------------------------------
// PNG: 8-bit RGB, one IDAT, no interlace. A filled rectangle with a lighter band so the logos are
// recognisable when someone opens them.

function chunk(type, data) {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(zlib.crc32(body))
  return Buffer.concat([length, body, crc])
}

function png(width, height, [r, g, b]) {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header[8] = 8 // bit depth
  header[9] = 2 // colour type RGB
  const rows = []
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3) // leading 0 = filter "None"
    const band = y > height / 3 && y < (2 * height) / 3
    for (let x = 0; x < width; x++) {
      row[1 + x * 3] = band ? 255 : r
      row[2 + x * 3] = band ? 255 : g
      row[3 + x * 3] = band ? 255 : b
    }
    rows.push(row)
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0))
  ])
}

// ---------------------------------------------------------------------------------------------
// ZIP: deflated entries, fixed DOS timestamp (2026-01-01 00:00), no data descriptors.

const DOS_TIME = 0
const DOS_DATE = ((2026 - 1980) << 9) | (1 << 5) | 1

/**
 * The run of fields the local header and the central directory record share (version needed,
 * flags, method, time, date, CRC, sizes, name length), written from `at` on.
 */
function writeEntryFields(header, at, { crc, compressedSize, size, fileName }) {
  header.writeUInt16LE(20, at) // version needed
  header.writeUInt16LE(0x0800, at + 2) // UTF-8 names
  header.writeUInt16LE(8, at + 4) // deflate
  header.writeUInt16LE(DOS_TIME, at + 6)
  header.writeUInt16LE(DOS_DATE, at + 8)
  header.writeUInt32LE(crc, at + 10)
  header.writeUInt32LE(compressedSize, at + 14)
  header.writeUInt32LE(size, at + 18)
  header.writeUInt16LE(fileName.length, at + 22)
}

function zip(entries) {
  const locals = []
  const centrals = []
  let offset = 0
  for (const [name, content] of entries) {
    const data = Buffer.from(content)
    const compressed = zlib.deflateRawSync(data, { level: 9 })
    const fileName = Buffer.from(name, 'utf8')
    const crc = zlib.crc32(data)
    const entry = { crc, compressedSize: compressed.length, size: data.length, fileName }
    const local = Buffer.alloc(30) // extra field length (28) stays 0
    local.writeUInt32LE(0x04034b50, 0)
    writeEntryFields(local, 4, entry)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4) // version made by
    writeEntryFields(central, 6, entry)
    central.writeUInt32LE(offset, 42)
    locals.push(local, fileName, compressed)
    centrals.push(central, fileName)
    offset += local.length + fileName.length + compressed.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}

// ---------------------------------------------------------------------------------------------
// Azure application package content: a storage account, and the customer usage attribution
// deployment (`pid-<guid>-partnercenter`) that Partner Center expects in marketplace templates.

function mainTemplate(trackingGuid, managed) {
  return JSON.stringify(
    {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      parameters: {
        location: { type: 'string', defaultValue: '[resourceGroup().location]' },
        storageAccountName: { type: 'string', minLength: 3, maxLength: 24 }
      },
      resources: [
        {
          type: 'Microsoft.Resources/deployments',
          apiVersion: '2021-04-01',
          name: `pid-${trackingGuid}-partnercenter`,
          properties: {
            mode: 'Incremental',
            template: {
              $schema:
                'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
              contentVersion: '1.0.0.0',
              resources: []
            }
          }
        },
        {
          type: 'Microsoft.Storage/storageAccounts',
          apiVersion: '2023-01-01',
          name: "[parameters('storageAccountName')]",
          location: "[parameters('location')]",
          sku: { name: 'Standard_LRS' },
          kind: 'StorageV2',
          properties: { minimumTlsVersion: 'TLS1_2', supportsHttpsTrafficOnly: true }
        }
      ],
      outputs: managed
        ? { storageAccountName: { type: 'string', value: "[parameters('storageAccountName')]" } }
        : {}
    },
    null,
    2
  )
}

function createUiDefinition(label) {
  return JSON.stringify(
    {
      $schema:
        'https://schema.management.azure.com/schemas/0.1.2-preview/CreateUIDefinition.MultiVm.json#',
      handler: 'Microsoft.Azure.CreateUIDef',
      version: '0.1.2-preview',
      parameters: {
        basics: [],
        steps: [
          {
            name: 'storage',
            label,
            elements: [
              {
                name: 'storageAccountName',
                type: 'Microsoft.Storage.StorageAccountSelector',
                label: 'Storage account',
                defaultValue: { type: 'Standard_LRS' }
              }
            ]
          }
        ],
        outputs: {
          location: '[location()]',
          storageAccountName: "[steps('storage').storageAccountName.name]"
        }
      }
    },
    null,
    2
  )
}

function azurePackage(trackingGuid, label, managed) {
  return zip([
    ['mainTemplate.json', mainTemplate(trackingGuid, managed)],
    ['createUiDefinition.json', createUiDefinition(label)]
  ])
}

/** A Business Central .app starts with the NAVX magic; the rest is opaque to the publish step. */
function businessCentralApp(name) {
  return Buffer.concat([
    Buffer.from('NAVX', 'latin1'),
    Buffer.from(`\u0000example app: ${name}\n`, 'utf8')
  ])
}

// ---------------------------------------------------------------------------------------------

const files = {
  'images/logo-48x48.png': png(48, 48, [0, 120, 212]),
  'images/logo-90x90.png': png(90, 90, [0, 120, 212]),
  'images/logo-216x216.png': png(216, 216, [0, 120, 212]),
  'images/logo-255x115.png': png(255, 115, [0, 120, 212]),
  'packages/contoso-analytics-standard-1.2.3.zip': azurePackage(
    '5c1a7e0d-8f3b-4a2c-9d6e-0b1f2a3c4d5e',
    'Analytics storage',
    false
  ),
  'packages/contoso-analytics-premium-1.2.3.zip': azurePackage(
    '5c1a7e0d-8f3b-4a2c-9d6e-0b1f2a3c4d5e',
    'Premium analytics storage',
    false
  ),
  'packages/contoso-managed-ops-managed-1.2.3.zip': azurePackage(
    '7e2b8f1c-9a4d-4b3e-8c7f-1d2e3f4a5b6c',
    'Managed operations storage',
    true
  ),
  'apps/Contoso_Connector_1.2.3.0.app': businessCentralApp('Contoso Connector'),
  'apps/library/Contoso_ConnectorLibrary_1.2.3.0.app': businessCentralApp(
    'Contoso Connector Library'
  )
}

for (const [name, content] of Object.entries(files)) {
  const target = path.join(examples, name)
  mkdirSync(path.dirname(target), { recursive: true })
  writeFileSync(target, content)
  console.log(`${name} (${content.length} bytes)`)
}
