/**
 * What every upload request shares: the transport, the storage version headers, the per-attempt
 * timeout, and the rule that only 201 Created is success (Put Blob, Put Block and Put Block List
 * all answer 201; clients of the real service test for exactly that [PCC]).
 */
import type { Clock } from '../clock.js'
import { PublishError } from '../errors.js'
import type { HttpRequest, Transport } from '../http/types.js'
import type { Progress } from './progress.js'
import { STORAGE_VERSION } from './storage-version.js'
import { refusedUpload } from './upload-error.js'

export interface UploadContext {
  sasUrl: string
  filePath: string
  /** Base name, for messages. */
  fileName: string
  size: number
  contentType: string
  transport: Transport
  clock: Clock
  progress: Progress
  signal?: AbortSignal
}

/**
 * The per-attempt timeout grows with the body: 60 s for the round trip plus the time the body
 * takes at 256 KiB/s, a floor slow enough for a congested runner. The evidence says nothing about
 * upload speeds; the transport's own default would cut off a 64 MiB single put on a slow link.
 */
export function uploadTimeoutMs(bodyBytes: number): number {
  return 60_000 + Math.ceil(bodyBytes / (256 * 1024)) * 1000
}

/** Headers of every upload request. `x-ms-date` is informative here: a SAS needs no clock. */
export function storageHeaders(clock: Clock): Record<string, string> {
  return { 'x-ms-version': STORAGE_VERSION, 'x-ms-date': new Date(clock.now()).toUTCString() }
}

/** Sends one upload request (retried by the transport: each is idempotent) and expects 201. */
export async function sendExpectingCreated(
  context: UploadContext,
  step: string,
  request: Omit<HttpRequest, 'phase' | 'retry'>
): Promise<void> {
  throwIfCancelled(context)
  const full: HttpRequest = { ...request, phase: 'upload', retry: true }
  const response = await context.transport.send(full)
  if (response.status !== 201) throw refusedUpload(context.fileName, step, full, response)
}

function throwIfCancelled(context: UploadContext): void {
  if (context.signal?.aborted) {
    throw new PublishError('CANCELLED', `Uploading ${context.fileName} was cancelled.`, {
      hint: 'Re-run the workflow: the action uploads the file again.'
    })
  }
}
