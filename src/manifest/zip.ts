/**
 * Lists the entries of a zip from its central directory with yauzl (the emulator reads
 * uploaded packages with it too), without reading the whole archive: Azure application packages
 * can be large, and only the names and sizes are needed to catch a package that the service
 * would fail minutes later (no mainTemplate.json at the root).
 */
import yauzl from 'yauzl'

export interface ZipEntry {
  name: string
  /** Uncompressed size in bytes, as the central directory states it. */
  size: number
}

/** The entries, or undefined when the file is not a readable zip. */
export async function zipEntries(file: string): Promise<ZipEntry[] | undefined> {
  let zip: yauzl.ZipFile | undefined
  try {
    zip = await yauzl.openPromise(file, { lazyEntries: true })
    const entries: ZipEntry[] = []
    for await (const entry of zip.eachEntry())
      entries.push({ name: entry.fileName, size: entry.uncompressedSize })
    return entries
  } catch {
    return undefined
  } finally {
    zip?.close()
  }
}
