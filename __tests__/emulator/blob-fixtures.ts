/** Small files for the blob-*.test.ts suites: a stored (uncompressed) zip writer and magic bytes. */
import { crc32 } from 'node:zlib'

export interface ZipEntry {
  name: string
  data: Buffer | string
}

/**
 * A valid .zip with every entry stored. `zip64` writes the ZIP64 end records and puts 0xFFFF…
 * in the classic ones, as archivers do for huge files; `comment` is appended after the end record.
 */
export function makeZip(
  entries: ZipEntry[],
  o: { zip64?: boolean; comment?: string } = {}
): Buffer {
  const locals: Buffer[] = []
  const directory: Buffer[] = []
  let offset = 0
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8')
    const data = Buffer.isBuffer(entry.data) ? entry.data : Buffer.from(entry.data, 'utf8')
    const crc = crc32(data)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(0x0800, 6) // names are UTF-8
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(data.length, 18)
    local.writeUInt32LE(data.length, 22)
    local.writeUInt16LE(name.length, 26)
    locals.push(local, name, data)

    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(0x0800, 8)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(data.length, 20)
    central.writeUInt32LE(data.length, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    directory.push(central, name)
    offset += local.length + name.length + data.length
  }
  const directoryBytes = Buffer.concat(directory)
  const comment = Buffer.from(o.comment ?? '', 'utf8')
  const end: Buffer[] = []
  if (o.zip64) {
    const record = Buffer.alloc(56)
    record.writeUInt32LE(0x06064b50, 0)
    record.writeBigUInt64LE(44n, 4)
    record.writeUInt16LE(45, 12)
    record.writeUInt16LE(45, 14)
    record.writeBigUInt64LE(BigInt(entries.length), 24)
    record.writeBigUInt64LE(BigInt(entries.length), 32)
    record.writeBigUInt64LE(BigInt(directoryBytes.length), 40)
    record.writeBigUInt64LE(BigInt(offset), 48)
    const locator = Buffer.alloc(20)
    locator.writeUInt32LE(0x07064b50, 0)
    locator.writeBigUInt64LE(BigInt(offset + directoryBytes.length), 8)
    locator.writeUInt32LE(1, 16)
    end.push(record, locator)
  }
  const eocd = Buffer.alloc(22)
  eocd.writeUInt32LE(0x06054b50, 0)
  eocd.writeUInt16LE(o.zip64 ? 0xffff : entries.length, 8)
  eocd.writeUInt16LE(o.zip64 ? 0xffff : entries.length, 10)
  eocd.writeUInt32LE(o.zip64 ? 0xffffffff : directoryBytes.length, 12)
  eocd.writeUInt32LE(o.zip64 ? 0xffffffff : offset, 16)
  eocd.writeUInt16LE(comment.length, 20)
  return Buffer.concat([...locals, directoryBytes, ...end, eocd, comment])
}

export const azureAppZip = (): Buffer =>
  makeZip([
    { name: 'mainTemplate.json', data: '{"$schema":"https://schema.management.azure.com/"}' },
    { name: 'createUiDefinition.json', data: '{"handler":"Microsoft.Azure.CreateUIDef"}' },
    { name: 'nestedtemplates/storage.json', data: '{}' }
  ])

/** The first bytes of a Business Central .app: the NAVX magic and a header. */
export const navxApp = (): Buffer =>
  Buffer.concat([Buffer.from('NAVX', 'ascii'), Buffer.alloc(36, 1), Buffer.from('PK\x03\x04')])

export const pngImage = (): Buffer =>
  Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)])
