/**
 * Lists the entry names of a .zip from its central directory, reading only the tail and the
 * directory itself through a ranged reader, so a 1 GiB package never sits in memory.
 * Handles ZIP64 archives (over 4 GiB or 65,535 entries), whose sizes live in a second record.
 */

export type RangeReader = (offset: number, length: number) => Promise<Buffer>

export type ZipListing = { ok: true; names: string[] } | { ok: false; reason: string }

const EOCD_SIGNATURE = 0x06054b50
const EOCD_SIZE = 22
const MAX_COMMENT = 0xffff
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50
const ZIP64_LOCATOR_SIZE = 20
const ZIP64_EOCD_SIGNATURE = 0x06064b50
const ZIP64_EOCD_SIZE = 56
const ENTRY_SIGNATURE = 0x02014b50
const ENTRY_FIXED_SIZE = 46
/** A bigger directory is not a package anyone uploads; refuse it rather than buffer it. */
const MAX_DIRECTORY_BYTES = 64 * 1024 * 1024

export const LOCAL_HEADER = Buffer.from([0x50, 0x4b, 0x03, 0x04])

export async function listZipEntries(read: RangeReader, size: number): Promise<ZipListing> {
  const tailLength = Math.min(size, EOCD_SIZE + MAX_COMMENT + ZIP64_LOCATOR_SIZE)
  const tailStart = size - tailLength
  const tail = await read(tailStart, tailLength)
  const eocd = lastIndexOfSignature(tail, EOCD_SIGNATURE, EOCD_SIZE)
  if (eocd < 0) return { ok: false, reason: 'it has no end-of-central-directory record' }

  let entries = tail.readUInt16LE(eocd + 10)
  let directorySize = tail.readUInt32LE(eocd + 12)
  let directoryOffset = tail.readUInt32LE(eocd + 16)
  if (entries === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    const locator = eocd - ZIP64_LOCATOR_SIZE
    if (locator < 0 || tail.readUInt32LE(locator) !== ZIP64_LOCATOR_SIGNATURE) {
      return { ok: false, reason: 'its ZIP64 end-of-central-directory locator is missing' }
    }
    const recordOffset = Number(tail.readBigUInt64LE(locator + 8))
    if (recordOffset + ZIP64_EOCD_SIZE > size) {
      return { ok: false, reason: 'its ZIP64 end-of-central-directory record is out of range' }
    }
    const record = await read(recordOffset, ZIP64_EOCD_SIZE)
    if (record.readUInt32LE(0) !== ZIP64_EOCD_SIGNATURE) {
      return { ok: false, reason: 'its ZIP64 end-of-central-directory record is corrupt' }
    }
    entries = Number(record.readBigUInt64LE(32))
    directorySize = Number(record.readBigUInt64LE(40))
    directoryOffset = Number(record.readBigUInt64LE(48))
  }

  if (directoryOffset + directorySize > size) {
    return { ok: false, reason: 'its central directory lies outside the file' }
  }
  if (directorySize > MAX_DIRECTORY_BYTES) {
    return { ok: false, reason: 'its central directory is larger than 64 MiB' }
  }
  const directory =
    directorySize === 0 ? Buffer.alloc(0) : await read(directoryOffset, directorySize)
  return parseDirectory(directory, entries)
}

function parseDirectory(directory: Buffer, entries: number): ZipListing {
  const names: string[] = []
  let position = 0
  for (let index = 0; index < entries; index++) {
    if (
      position + ENTRY_FIXED_SIZE > directory.length ||
      directory.readUInt32LE(position) !== ENTRY_SIGNATURE
    ) {
      return { ok: false, reason: 'its central directory is corrupt' }
    }
    const utf8 = (directory.readUInt16LE(position + 8) & 0x0800) !== 0
    const nameLength = directory.readUInt16LE(position + 28)
    const extraLength = directory.readUInt16LE(position + 30)
    const commentLength = directory.readUInt16LE(position + 32)
    const nameStart = position + ENTRY_FIXED_SIZE
    if (nameStart + nameLength > directory.length) {
      return { ok: false, reason: 'its central directory is corrupt' }
    }
    // Names without the UTF-8 flag are CP437; latin1 decodes their ASCII subset identically.
    names.push(directory.toString(utf8 ? 'utf8' : 'latin1', nameStart, nameStart + nameLength))
    position = nameStart + nameLength + extraLength + commentLength
  }
  return { ok: true, names }
}

/** The last offset where a record with this signature fits completely, or -1. */
function lastIndexOfSignature(buffer: Buffer, signature: number, recordSize: number): number {
  for (let index = buffer.length - recordSize; index >= 0; index--) {
    if (buffer.readUInt32LE(index) === signature) return index
  }
  return -1
}
