/**
 * Lists the entry names of a zip from its central directory without reading the whole archive:
 * Azure application packages can be large, and only the names at the root are needed to catch a
 * package that the service would fail minutes later (no mainTemplate.json at the root).
 */
import type { FileHandle } from 'node:fs/promises'

const EOCD_SIGNATURE = 0x06054b50
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50
const ZIP64_EOCD_SIGNATURE = 0x06064b50
const CENTRAL_ENTRY_SIGNATURE = 0x02014b50
/** The end record is 22 bytes plus a comment of at most 65535 bytes. */
const EOCD_SEARCH = 22 + 0xffff
/** A package with a central directory larger than this is not a package someone wrote by hand. */
const MAX_CENTRAL_DIRECTORY = 64 * 1024 * 1024

/** Entry names, or undefined when the file is not a readable zip. */
export async function zipEntryNames(
  handle: FileHandle,
  size: number
): Promise<string[] | undefined> {
  const tailLength = Math.min(size, EOCD_SEARCH)
  const tail = await readAt(handle, size - tailLength, tailLength)
  let eocd = -1
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i
      break
    }
  }
  if (eocd < 0) return undefined
  let entries = tail.readUInt16LE(eocd + 10)
  let cdSize = tail.readUInt32LE(eocd + 12)
  let cdOffset = tail.readUInt32LE(eocd + 16)
  if (cdOffset === 0xffffffff || cdSize === 0xffffffff || entries === 0xffff) {
    const locator = eocd - 20
    if (locator < 0 || tail.readUInt32LE(locator) !== ZIP64_LOCATOR_SIGNATURE) return undefined
    const zip64Offset = Number(tail.readBigUInt64LE(locator + 8))
    const zip64 = await readAt(handle, zip64Offset, 56)
    if (zip64.length < 56 || zip64.readUInt32LE(0) !== ZIP64_EOCD_SIGNATURE) return undefined
    entries = Number(zip64.readBigUInt64LE(32))
    cdSize = Number(zip64.readBigUInt64LE(40))
    cdOffset = Number(zip64.readBigUInt64LE(48))
  }
  if (cdSize > MAX_CENTRAL_DIRECTORY || cdOffset + cdSize > size) return undefined
  const cd = await readAt(handle, cdOffset, cdSize)
  const names: string[] = []
  let at = 0
  for (let i = 0; i < entries; i++) {
    if (at + 46 > cd.length || cd.readUInt32LE(at) !== CENTRAL_ENTRY_SIGNATURE) return undefined
    const nameLength = cd.readUInt16LE(at + 28)
    const extraLength = cd.readUInt16LE(at + 30)
    const commentLength = cd.readUInt16LE(at + 32)
    names.push(cd.toString('utf8', at + 46, at + 46 + nameLength))
    at += 46 + nameLength + extraLength + commentLength
  }
  return names
}

export async function readAt(
  handle: FileHandle,
  position: number,
  length: number
): Promise<Buffer> {
  const buffer = Buffer.alloc(length)
  const { bytesRead } = await handle.read(buffer, 0, length, position)
  return buffer.subarray(0, bytesRead)
}
