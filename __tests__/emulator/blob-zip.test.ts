/** The zip listing (yauzl over ranged reads) and the file checks, over in-memory files (no Azurite). */
import { describe, expect, it } from '@jest/globals'
import { validateFile, type StoredFile } from '../../emulator/src/blob/validate.js'
import { listZipEntries } from '../../emulator/src/blob/zip.js'
import { azureAppZip, makeZip, navxApp, pngImage } from './blob-fixtures.js'

/** A stored file that records which byte ranges were read. */
function inMemory(bytes: Buffer): StoredFile & { reads: Array<[number, number]> } {
  const reads: Array<[number, number]> = []
  return {
    size: bytes.length,
    reads,
    read: async (offset, length) => {
      reads.push([offset, length])
      return bytes.subarray(offset, offset + length)
    }
  }
}

describe('listZipEntries', () => {
  it('lists the names in the central directory', async () => {
    const file = inMemory(azureAppZip())
    expect(await listZipEntries(file.read, file.size!)).toEqual([
      'mainTemplate.json',
      'createUiDefinition.json',
      'nestedtemplates/storage.json'
    ])
  })

  it('finds the end record behind a long archive comment', async () => {
    const zip = makeZip([{ name: 'a.app', data: 'x' }], { comment: 'c'.repeat(60_000) })
    const file = inMemory(zip)
    expect(await listZipEntries(file.read, file.size!)).toEqual(['a.app'])
  })

  it('follows the ZIP64 end records', async () => {
    const file = inMemory(makeZip([{ name: 'mainTemplate.json', data: '{}' }], { zip64: true }))
    expect(await listZipEntries(file.read, file.size!)).toEqual(['mainTemplate.json'])
  })

  it('reads only the tail and the directory of a large archive', async () => {
    const payload = Buffer.alloc(8 * 1024 * 1024, 7)
    const zip = makeZip([
      { name: 'mainTemplate.json', data: payload },
      { name: 'createUiDefinition.json', data: '{}' }
    ])
    const file = inMemory(zip)
    await listZipEntries(file.read, file.size!)
    const bytesRead = file.reads.reduce((sum, [, length]) => sum + length, 0)
    expect(bytesRead).toBeLessThan(70_000)
  })

  it('says why a file without an end record is not a zip', async () => {
    const file = inMemory(Buffer.from('PK\x03\x04 but then nothing else of a zip'))
    expect(await listZipEntries(file.read, file.size!)).toEqual(
      expect.stringContaining('End of central directory record signature not found')
    )
  })

  it('refuses a directory that points outside the file', async () => {
    const zip = azureAppZip()
    zip.writeUInt32LE(zip.length, zip.length - 6) // directory offset past the end
    const file = inMemory(zip)
    expect(await listZipEntries(file.read, file.size!)).toEqual(
      expect.stringContaining('not enough bytes')
    )
  })
})

describe('validateFile', () => {
  it('accepts an Azure application zip with both required files at the root', async () => {
    expect(await validateFile(inMemory(azureAppZip()), 'azure-app-zip')).toEqual([])
  })

  it('names each required file that is missing', async () => {
    const zip = makeZip([{ name: 'mainTemplate.json', data: '{}' }])
    expect(await validateFile(inMemory(zip), 'azure-app-zip')).toEqual([
      {
        errorCode: 'MissingRequiredFile',
        severity: 'Error',
        message: "The package must contain 'createUiDefinition.json' at the root of the .zip.",
        resource: 'Package'
      }
    ])
  })

  it('points at a required file that sits in a folder', async () => {
    const zip = makeZip([
      { name: 'app/mainTemplate.json', data: '{}' },
      { name: 'createUiDefinition.json', data: '{}' }
    ])
    const [item] = await validateFile(inMemory(zip), 'azure-app-zip')
    expect(item.message).toContain("It was found as 'app/mainTemplate.json'")
  })

  it('rejects a file that is not a zip', async () => {
    const [item] = await validateFile(inMemory(Buffer.from('{"not":"a zip"}')), 'azure-app-zip')
    expect(item).toMatchObject({ errorCode: 'InvalidPackageFormat', severity: 'Error' })
  })

  it('reports a file that was never uploaded', async () => {
    const missing: StoredFile = { size: undefined, read: async () => Buffer.alloc(0) }
    expect(await validateFile(missing, 'bc-app')).toEqual([
      expect.objectContaining({ errorCode: 'PackageNotFound', resource: 'Package' })
    ])
  })

  it('accepts a Business Central .app and rejects anything else as one', async () => {
    expect(await validateFile(inMemory(navxApp()), 'bc-app')).toEqual([])
    const [item] = await validateFile(inMemory(azureAppZip()), 'bc-app')
    expect(item.errorCode).toBe('InvalidPackageFormat')
  })

  it('accepts a library as an .app or as a zip of .app files only', async () => {
    const library = makeZip([
      { name: 'Contoso_Base_1.0.0.0.app', data: navxApp() },
      { name: 'deps/', data: '' },
      { name: 'deps/Contoso_Util_1.0.0.0.app', data: navxApp() }
    ])
    expect(await validateFile(inMemory(navxApp()), 'bc-library')).toEqual([])
    expect(await validateFile(inMemory(library), 'bc-library')).toEqual([])
    const mixed = makeZip([
      { name: 'a.app', data: navxApp() },
      { name: 'readme.txt', data: 'hi' }
    ])
    expect(await validateFile(inMemory(mixed), 'bc-library')).toHaveLength(1)
    expect(await validateFile(inMemory(makeZip([])), 'bc-library')).toHaveLength(1)
  })

  it('accepts PNG and JPEG images only', async () => {
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10])
    expect(await validateFile(inMemory(pngImage()), 'image')).toEqual([])
    expect(await validateFile(inMemory(jpeg), 'image')).toEqual([])
    expect(await validateFile(inMemory(Buffer.from('GIF89a')), 'image')).toEqual([
      expect.objectContaining({ errorCode: 'InvalidImageFormat', resource: 'Image' })
    ])
  })
})
