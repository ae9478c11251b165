/**
 * Lists the entry names of a stored .zip with yauzl (the zip reader the action's manifest checks
 * use too), through a ranged reader, so only the tail and the central directory of a 1 GiB
 * package are fetched, never the whole blob.
 */
import { Readable } from 'node:stream'
import yauzl from 'yauzl'

export type RangeReader = (offset: number, length: number) => Promise<Buffer>

/** yauzl reads a directory entry by entry; fetching this much at a time keeps that to a few reads. */
const CHUNK_BYTES = 64 * 1024

class ChunkedReader extends yauzl.RandomAccessReader {
  private chunk: { start: number; bytes: Buffer } = { start: 0, bytes: Buffer.alloc(0) }

  constructor(
    private readonly readRange: RangeReader,
    private readonly size: number
  ) {
    super()
  }

  override _readStreamForRange(start: number, end: number): Readable {
    return Readable.from(this.bytes(start, end))
  }

  private async *bytes(start: number, end: number): AsyncGenerator<Buffer> {
    const { chunk } = this
    if (start < chunk.start || end > chunk.start + chunk.bytes.length) {
      const length = Math.min(Math.max(end - start, CHUNK_BYTES), this.size - start)
      this.chunk = { start, bytes: await this.readRange(start, length) }
    }
    yield this.chunk.bytes.subarray(start - this.chunk.start, end - this.chunk.start)
  }
}

/** The entry names, or why the file is not a readable zip. */
export async function listZipEntries(read: RangeReader, size: number): Promise<string[] | string> {
  try {
    const zip = await yauzl.fromRandomAccessReaderPromise(new ChunkedReader(read, size), size, {
      lazyEntries: true
    })
    const names: string[] = []
    for await (const entry of zip.eachEntry()) names.push(entry.fileName)
    return names
  } catch (error) {
    return (error as Error).message
  }
}
