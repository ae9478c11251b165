/**
 * Put Blob: the whole file in one request, streamed from disk (never held in memory). Used up to
 * the single-put limit (64 MiB by default, a size every storage version accepts in one request).
 */
import { createReadStream } from 'node:fs'
import { Transform, pipeline, type Readable } from 'node:stream'
import {
  sendExpectingCreated,
  storageHeaders,
  uploadTimeoutMs,
  type UploadContext
} from './request.js'

const READ_CHUNK = 1024 * 1024

export async function putBlob(context: UploadContext): Promise<void> {
  const { sasUrl, size, contentType, clock, progress } = context
  let countedByAttempt = 0
  // The transport calls this once per attempt. A new attempt first takes back what the previous
  // one counted, so a retried upload never shows more than 100%.
  const openBody = (): Readable => {
    progress.retract(countedByAttempt)
    countedByAttempt = 0
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        countedByAttempt += chunk.length
        progress.add(chunk.length)
        callback(null, chunk)
      }
    })
    // pipeline, not pipe: a read error (file deleted, EACCES) destroys `counter` with that error,
    // which fails the request instead of leaving it waiting for bytes that never come.
    // 1 MiB reads instead of the default 64 KiB: 16× fewer chunks through the counter and the
    // socket, which is what keeps a streamed Put Blob on par with a client that sends one buffer.
    return pipeline(
      createReadStream(context.filePath, { highWaterMark: READ_CHUNK }),
      counter,
      () => {}
    )
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
