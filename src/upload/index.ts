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
import { planBlocks, planUpload, type PlanOptions, type UploadPlan } from './upload-plan.js'
import { failedUpload, isSizeRefusal } from './upload-error.js'

export interface UploadOptions extends PlanOptions {
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
    const plan = planUpload(size, options)
    const label = `upload ${fileName}`
    log(`${label}: ${formatMiB(size)} to ${redactUrl(sasUrl)} ${describe(plan, size)}`)

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
    const sent = await send(context, plan, options)

    const ms = progress.elapsedMs()
    const rate = ms > 0 ? formatRate((size / ms) * 1000) : 'instant'
    log(`${label}: done, ${formatMiB(size)} in ${(ms / 1000).toFixed(1)} s (${rate})`)
    return { bytes: size, ms, ...sent }
  } catch (error) {
    throw failedUpload(fileName, error)
  }
}

/**
 * Sends the file as planned. A single put refused for its size (413: a host applying lower limits
 * than the version we send, such as one that ignores `x-ms-version`) is sent again as blocks of a
 * size every version accepts, once; any other refusal, or a refused block, fails the upload.
 */
async function send(
  context: UploadContext,
  plan: UploadPlan,
  options: UploadOptions
): Promise<Pick<UploadResult, 'mode' | 'blocks'>> {
  if (plan.mode === 'blocks') return { mode: 'blocks', blocks: await putBlocks(context, plan) }
  try {
    await putBlob(context)
    return { mode: 'single', blocks: 0 }
  } catch (error) {
    if (!isSizeRefusal(error)) throw error
    const blocks: UploadPlan = { mode: 'blocks', ...planBlocks(context.size, options) }
    const refusal = [error.details.status, error.details.serviceCode].filter(Boolean).join(' ')
    options.log(
      `upload ${context.fileName}: the storage host refused ${formatMiB(context.size)} in one request (${refusal}); sending it ${describe(blocks, context.size)} instead`
    )
    return { mode: 'blocks', blocks: await putBlocks(context, blocks) }
  }
}

function describe(plan: UploadPlan, size: number): string {
  if (plan.mode === 'single') return 'in one request'
  const count = Math.ceil(size / plan.blockSize)
  return `in ${count} blocks of ${formatMiB(plan.blockSize)}, ${plan.concurrency} at a time`
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

const CONTENT_TYPES: Record<string, string> = {
  '.zip': 'application/zip',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg'
}

function contentTypeOf(filePath: string): string {
  return CONTENT_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream'
}
