/**
 * Reading the file being uploaded with positioned reads: a single put's body as fresh slices, and
 * blocks into buffers the caller owns.
 */
import { open, type FileHandle } from 'node:fs/promises'
import { PublishError } from '../errors.js'
import type { UploadContext } from './request.js'
import { failedUpload } from './upload-error.js'

/**
 * The file's first `context.size` bytes as consecutive slices of at most `sliceBytes`. The file is
 * opened on the first slice and closed when the body ends or is abandoned (`return()`).
 *
 * Each slice is a buffer of its own, never touched again once yielded: the HTTP client may hold a
 * chunk until the socket has written it, after it has asked for the next (HttpRequest.body). The
 * next slice is read while the client sends this one, so reading the disk and sending overlap.
 * Memory stays bounded: the client asks for more only while the socket keeps up, and the slices it
 * has sent are garbage. upload-requests.test.ts holds every slice to the end and checks the bytes;
 * upload-azurite.test.ts sends them through a receiver slower than the sender.
 */
export async function* fileSlices(
  context: UploadContext,
  sliceBytes: number
): AsyncGenerator<Buffer> {
  let file: FileHandle | undefined
  let ahead: Promise<Buffer> | undefined
  try {
    const opened = await open(context.filePath, 'r')
    file = opened
    const slice = (offset: number): Promise<Buffer> | undefined => {
      if (offset >= context.size) return undefined
      const length = Math.min(sliceBytes, context.size - offset)
      return readExactly(context, opened, Buffer.allocUnsafe(length), offset)
    }
    ahead = slice(0)
    for (let offset = 0; ahead !== undefined; offset += sliceBytes) {
      const current = await ahead
      ahead = slice(offset + sliceBytes)
      // Held by the client or abandoned, the read ahead must not end unobserved.
      ahead?.catch(() => {})
      yield current
    }
  } catch (error) {
    // The error reaches the caller through the HTTP client, which must not take a file-system
    // error (file deleted, EACCES) for a network failure: UPLOAD_FAILED naming the file here.
    throw failedUpload(context.fileName, error)
  } finally {
    // A read still running when the body is abandoned finishes before the file is closed.
    await ahead?.catch(() => {})
    await file?.close()
  }
}

/** Fills `target` from the file at `position` (a read may return fewer bytes than asked: loop). */
export async function readExactly(
  context: UploadContext,
  file: FileHandle,
  target: Buffer,
  position: number
): Promise<Buffer> {
  let filled = 0
  while (filled < target.length) {
    const { bytesRead } = await file.read(target, filled, target.length - filled, position + filled)
    if (bytesRead === 0) {
      throw new PublishError(
        'UPLOAD_FAILED',
        `Uploading ${context.fileName} failed: the file became shorter while it was uploaded.`,
        { hint: 'Make sure nothing rewrites the file while the action runs, then re-run.' }
      )
    }
    filled += bytesRead
  }
  return target
}
