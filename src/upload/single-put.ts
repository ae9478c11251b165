/**
 * Put Blob: the whole file in one request, read from disk slice by slice (never held whole in
 * memory). Used up to the single-put limit (64 MiB by default, a size every
 * storage version accepts in one request).
 */
import { fileSlices } from './file-read.js'
import {
  sendExpectingCreated,
  storageHeaders,
  uploadTimeoutMs,
  type UploadContext
} from './request.js'

/**
 * 1 MiB: few enough slices (64 for 64 MiB) that per-slice work does not count, and one buffer of
 * that size is all the memory a single put holds.
 */
const SLICE_BYTES = 1024 * 1024

export async function putBlob(context: UploadContext): Promise<void> {
  const { sasUrl, size, contentType, clock, progress } = context
  let countedByAttempt = 0
  async function* counted(slices: AsyncIterable<Buffer>): AsyncGenerator<Uint8Array> {
    for await (const slice of slices) {
      countedByAttempt += slice.length
      progress.add(slice.length)
      yield slice
    }
  }
  // The transport calls this once per attempt. A new attempt first takes back what the previous
  // one counted, so a retried upload never shows more than 100%. A read error (file deleted,
  // EACCES, a file that became shorter) ends the body with that error, which fails the request
  // instead of leaving it waiting for bytes that never come.
  const openBody = (): AsyncIterable<Uint8Array> => {
    progress.retract(countedByAttempt)
    countedByAttempt = 0
    return counted(fileSlices(context, SLICE_BYTES))
  }

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
}
