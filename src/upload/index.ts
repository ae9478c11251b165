/**
 * Uploads a local file to the upload URL (SAS) the Ingestion API issued for a package or image.
 *
 * Why our own uploader over the transport rather than @azure/storage-blob's
 * `BlockBlobClient.uploadFile`: every request then goes through the one Transport, so timeouts,
 * retries with backoff, the overall time budget, cancellation, redaction of the SAS in logs and
 * the per-phase request counts stay in one place; the SDK would bring its own HTTP pipeline,
 * retry policy and logging (about 1 MB more in the bundle and a second place where a SAS can
 * leak). The part of the SDK we would use is small: Put Blob, Put Block, Put Block List.
 * See docs/decisions/upload.md.
 */
import { stat } from 'node:fs/promises'
import { basename, extname } from 'node:path'
import type { Clock } from '../clock.js'
import { PublishError } from '../errors.js'
import { redactUrl, registerSecret } from '../http/redact.js'
import type { Transport } from '../http/types.js'
import { putBlocks } from './blocks.js'
import { createProgress, formatMiB, formatRate } from './progress.js'
import type { UploadContext } from './request.js'
import { sasSignature } from './sas-url.js'
import { putBlob } from './single-put.js'
import {
  DEFAULT_BLOCK_SIZE,
  DEFAULT_CONCURRENCY,
  DEFAULT_SINGLE_PUT_LIMIT,
  MAX_BLOCK_BYTES,
  MAX_BLOCKS,
  MAX_SINGLE_PUT_BYTES
} from './storage-version.js'
import { failedUpload } from './upload-error.js'

export interface UploadOptions {
  /** The `fileSasUri` exactly as the service issued it. */
  sasUrl: string
  filePath: string
  /** Size in bytes, as the caller saw it; checked against the file before sending. */
  size: number
  transport: Transport
  /** Progress and result lines (the URL's query is never in them). */
  log: (line: string) => void
  clock: Clock
  signal?: AbortSignal
  /** Default: from the file extension (.zip, .png, .jpg/.jpeg), else application/octet-stream. */
  contentType?: string
  /** Files up to this size go in one Put Blob. Default 64 MiB. */
  singlePutLimit?: number
  /** Default 8 MiB; raised automatically if the file would need more than 50,000 blocks. */
  blockSize?: number
  /** Blocks in flight at once. Default 4. */
  concurrency?: number
  /** Minimum time between two progress lines. Default 5000. */
  progressIntervalMs?: number
}

export interface UploadResult {
  bytes: number
  ms: number
  mode: 'single' | 'blocks'
  /** Blocks committed; 0 for a single Put Blob. */
  blocks: number
}

export async function uploadFile(options: UploadOptions): Promise<UploadResult> {
  const { sasUrl, filePath, size, transport, log, clock, signal } = options
  protectSas(sasUrl)
  const fileName = basename(filePath)
  try {
    await checkSize(filePath, fileName, size)
    const singlePutLimit = Math.min(
      options.singlePutLimit ?? DEFAULT_SINGLE_PUT_LIMIT,
      MAX_SINGLE_PUT_BYTES
    )
    const mode = size <= singlePutLimit ? 'single' : 'blocks'
    const blockSize = chooseBlockSize(size, options.blockSize ?? DEFAULT_BLOCK_SIZE)
    const concurrency = Math.max(1, Math.floor(options.concurrency ?? DEFAULT_CONCURRENCY))

    const label = `upload ${fileName}`
    const how =
      mode === 'single'
        ? 'in one request'
        : `in ${Math.ceil(size / blockSize)} blocks of ${formatMiB(blockSize)}, ${concurrency} at a time`
    log(`${label}: ${formatMiB(size)} to ${redactUrl(sasUrl)} ${how}`)

    const progress = createProgress({
      label,
      total: size,
      clock,
      intervalMs: options.progressIntervalMs ?? 5000,
      log
    })
    const context: UploadContext = {
      sasUrl,
      filePath,
      fileName,
      size,
      contentType: options.contentType ?? contentTypeOf(filePath),
      transport,
      clock,
      progress,
      signal
    }
    let blocks = 0
    if (mode === 'single') await putBlob(context)
    else blocks = await putBlocks(context, { blockSize, concurrency })

    const ms = progress.elapsedMs()
    const rate = ms > 0 ? formatRate((size / ms) * 1000) : 'instant'
    log(`${label}: done, ${formatMiB(size)} in ${(ms / 1000).toFixed(1)} s (${rate})`)
    return { bytes: size, ms, mode, blocks }
  } catch (error) {
    throw failedUpload(fileName, error)
  }
}

/** The SAS grants write access: mask it everywhere before the first request can log it. */
function protectSas(sasUrl: string): void {
  registerSecret(sasUrl)
  const signature = sasSignature(sasUrl)
  if (signature === undefined) return
  // registerSecret also masks the percent-encoded forms of what it is given, so the decoded
  // signature covers the raw one unless the issuer encoded it differently (e.g. lower-case hex).
  const decoded = safeDecode(signature)
  registerSecret(decoded)
  if (encodeURIComponent(decoded) !== signature) registerSecret(signature)
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

/**
 * The Content-Length we send must be the file's real size, or the host waits for bytes that never
 * come (or cuts the file short). A mismatch means the file changed after the caller looked at it.
 */
async function checkSize(filePath: string, fileName: string, size: number): Promise<void> {
  const actual = (await stat(filePath)).size
  if (actual !== size) {
    throw new PublishError(
      'UPLOAD_FAILED',
      `Uploading ${fileName} failed: the file is ${actual} bytes, not the ${size} expected.`,
      { hint: 'Make sure nothing rewrites the file while the action runs, then re-run.' }
    )
  }
}

/**
 * The requested block size, within the version's block limit; when the file would need more
 * than 50,000 blocks of that size, the smallest whole number of MiB that fits instead.
 */
function chooseBlockSize(size: number, requested: number): number {
  const MiB = 1024 * 1024
  const wanted = Math.max(1, Math.floor(requested))
  if (Math.ceil(size / wanted) <= MAX_BLOCKS) return Math.min(wanted, MAX_BLOCK_BYTES)
  return Math.min(MAX_BLOCK_BYTES, Math.ceil(size / MAX_BLOCKS / MiB) * MiB)
}

const CONTENT_TYPES: Record<string, string> = {
  '.zip': 'application/zip',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg'
}

function contentTypeOf(filePath: string): string {
  return CONTENT_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream'
}
