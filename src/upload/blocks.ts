/**
 * Put Block for each slice of the file, a bounded number in flight, then Put Block List.
 *
 * Memory stays at about `concurrency × blockSize` whatever the file size: each block is read from
 * disk with a positioned read into one of `concurrency` buffers, sent, and the buffer goes back to
 * the pool only once its request has ended (the HTTP client is then done with it, HttpRequest.body).
 * Each request is retried by the transport (Put Block and Put Block List are idempotent: the same
 * id with the same bytes, the same list).
 */
import { open } from 'node:fs/promises'
import { mapLimit } from '../concurrency.js'
import { blockId, blockListXml } from './block-list.js'
import { readExactly } from './file-read.js'
import {
  sendExpectingCreated,
  storageHeaders,
  uploadTimeoutMs,
  type UploadContext
} from './request.js'
import { withQuery } from './sas-url.js'
import type { BlockPlan } from './upload-plan.js'

/** Uploads the file as blocks and commits them; resolves with the number of blocks. */
export async function putBlocks(context: UploadContext, plan: BlockPlan): Promise<number> {
  const count = Math.ceil(context.size / plan.blockSize)
  const ids = Array.from({ length: count }, (_, index) => blockId(index))
  const width = Math.min(plan.concurrency, count)
  const pool: Buffer[] = Array.from({ length: width }, () => Buffer.allocUnsafe(plan.blockSize))

  const file = await open(context.filePath, 'r')
  try {
    await mapLimit(ids, width, async (id, index) => {
      // mapLimit never has more than `width` calls in flight, so the pool is never empty.
      const buffer = pool.pop() as Buffer
      try {
        const offset = index * plan.blockSize
        const length = Math.min(plan.blockSize, context.size - offset)
        const bytes = await readExactly(context, file, buffer.subarray(0, length), offset)
        await putBlock(context, id, bytes)
        context.progress.add(length)
      } finally {
        pool.push(buffer)
      }
    })
  } finally {
    await file.close()
  }

  await putBlockList(context, ids)
  return count
}

async function putBlock(context: UploadContext, id: string, bytes: Uint8Array): Promise<void> {
  await sendExpectingCreated(context, 'Put Block', {
    method: 'PUT',
    url: withQuery(context.sasUrl, `comp=block&blockid=${encodeURIComponent(id)}`),
    headers: {
      ...storageHeaders(context.clock),
      'content-type': 'application/octet-stream',
      'content-length': String(bytes.length)
    },
    body: bytes,
    timeoutMs: uploadTimeoutMs(bytes.length)
  })
}

async function putBlockList(context: UploadContext, ids: readonly string[]): Promise<void> {
  const body = blockListXml(ids)
  await sendExpectingCreated(context, 'Put Block List', {
    method: 'PUT',
    url: withQuery(context.sasUrl, 'comp=blocklist'),
    headers: {
      ...storageHeaders(context.clock),
      'content-type': 'application/xml; charset=utf-8',
      'content-length': String(Buffer.byteLength(body)),
      // The Content-Type above describes the XML; this one is stored as the blob's type.
      'x-ms-blob-content-type': context.contentType
    },
    body,
    timeoutMs: uploadTimeoutMs(Buffer.byteLength(body))
  })
}
