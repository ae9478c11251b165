/**
 * The upload state machine shared by packages and listing images (ingestion-v1.md §3.5, §3.6):
 * PendingUpload → (client PUT `Uploaded`) → InProcessing → Processed | ProcessFailed.
 * The uploaded file is validated once, at the `Uploaded` transition; later states are computed
 * from the transition time, so reading never changes anything.
 */
import type { FileKind, ValidationItem } from '../blob/index.js'
import type { ApiContext } from './contract.js'
import type { UploadRecord } from './store.js'

export type UploadState =
  'PendingUpload' | 'Uploaded' | 'InProcessing' | 'Processed' | 'ProcessFailed'

export function uploadState(upload: UploadRecord, now: number): UploadState {
  if (upload.uploadedAt === undefined) return 'PendingUpload'
  if (now < upload.uploadedAt + (upload.processingMs ?? 0)) return 'InProcessing'
  return upload.validationItems && upload.validationItems.length > 0 ? 'ProcessFailed' : 'Processed'
}

/** Records the `Uploaded` transition: validates the blob and swaps in the read-only SAS URI. */
export async function markUploaded(
  context: ApiContext,
  upload: UploadRecord,
  kind: FileKind,
  processingMs: number,
  forcedFailure: ValidationItem | undefined
): Promise<void> {
  const items = await context.blob.validate(upload.blobName, kind)
  upload.validationItems = forcedFailure ? [...items, forcedFailure] : items
  upload.uploadedAt = context.now()
  upload.processingMs = processingMs
  upload.body = { ...upload.body, fileSasUri: context.blob.readOnlyUri(upload.blobName) }
}
