/**
 * Reading the file being uploaded: positioned reads, one slice at a time, so memory stays bounded
 * by the slices in flight.
 */
import { open, type FileHandle } from 'node:fs/promises'
import { PublishError } from '../errors.js'
import type { UploadContext } from './request.js'
import { failedUpload } from './upload-error.js'

/**
 * The file's first `context.size` bytes as consecutive slices of at most `sliceBytes`. The file is
 * opened on the first slice and closed when the body ends or is abandoned (`return()`).
 *
 * Each slice is a fresh buffer: undici may hold a yielded chunk until the socket has written it
 * (HttpRequest.body), so a buffer is never reused. upload-azurite.test.ts checks the bytes
 * through a slow receiver.
 */
export async function* fileSlices(
  context: UploadContext,
  sliceBytes: number
): AsyncGenerator<Buffer> {
  let file: FileHandle | undefined
  try {
    file = await open(context.filePath, 'r')
    for (let offset = 0; offset < context.size; offset += sliceBytes) {
      const length = Math.min(sliceBytes, context.size - offset)
      yield await readExactly(context, file, Buffer.allocUnsafe(length), offset)
    }
  } catch (error) {
    // The error reaches the caller through the HTTP client, which must not take a file-system
    // error (file deleted, EACCES) for a network failure: UPLOAD_FAILED naming the file here.
    throw failedUpload(context.fileName, error)
  } finally {
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
