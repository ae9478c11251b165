/**
 * Lists the entry names of a zip from its central directory with yauzl (the emulator reads
 * uploaded packages with it too), without reading the whole archive: Azure application packages
 * can be large, and only the names at the root are needed to catch a package that the service
 * would fail minutes later (no mainTemplate.json at the root).
 */
import yauzl from 'yauzl'

/** Entry names, or undefined when the file is not a readable zip. */
export async function zipEntryNames(file: string): Promise<string[] | undefined> {
  let zip: yauzl.ZipFile | undefined
  try {
    zip = await yauzl.openPromise(file, { lazyEntries: true })
    const names: string[] = []
    for await (const entry of zip.eachEntry()) names.push(entry.fileName)
    return names
  } catch {
    return undefined
  } finally {
    zip?.close()
  }
}
