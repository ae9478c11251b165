/**
 * Put Blob: the whole file in one streamed request, read from disk slice by slice (never held in
 * memory). Used up to the storage version's single-put limit (upload-plan.ts).
 */
import { fileSlices } from './file-read.js'
import {
  sendExpectingCreated,
  storageHeaders,
  uploadTimeoutMs,
  type UploadContext
} from './request.js'

/**
 * 64 KiB, the size Node's own file streams read. Every slice is fresh memory (file-read.ts), and
 * memory of this size comes from the allocator's heap and is reused once collected, where 1 MiB
 * slices were mapped afresh each time: about twice the page faults, and no faster through the
 * emulator (docs/decisions/upload.md).
 */
const SLICE_BYTES = 64 * 1024

export async function putBlob(context: UploadContext): Promise<void> {
  const { sasUrl, size, contentType, clock, progress } = context
  let attempt: Attempt = { counted: 0, over: false }
  // The transport calls this once per attempt. A new attempt first takes back what the previous
  // one counted, so a retried upload never shows more than 100%. A read error (file deleted,
  // EACCES, a file that became shorter) ends the body with that error, which fails the request
  // instead of leaving it waiting for bytes that never come.
  const openBody = (): AsyncIterable<Uint8Array> => {
    end(attempt)
    attempt = { counted: 0, over: false }
    return counted(fileSlices(context, SLICE_BYTES), attempt)
  }
  async function* counted(slices: AsyncIterable<Buffer>, own: Attempt): AsyncGenerator<Uint8Array> {
    for await (const slice of slices) {
      // A client may still ask for the body of a request that is over (answered early, e.g. 413).
      if (own.over) return
      own.counted += slice.length
      progress.add(slice.length)
      yield slice
    }
  }
  const end = (over: Attempt): void => {
    over.over = true
    progress.retract(over.counted)
    over.counted = 0
  }

  try {
    await sendExpectingCreated(context, 'Put Blob', {
      method: 'PUT',
      url: sasUrl,
      headers: {
        ...storageHeaders(clock),
        'x-ms-blob-type': 'BlockBlob',
        'content-type': contentType,
        'content-length': String(size)
      },
      body: openBody,
      timeoutMs: uploadTimeoutMs(size)
    })
  } catch (error) {
    // A refused put may be sent again as blocks (index.ts), which count from zero.
    end(attempt)
    throw error
  }
}

/** What one attempt's body has counted in the progress, and whether its request is over. */
interface Attempt {
  counted: number
  over: boolean
}
