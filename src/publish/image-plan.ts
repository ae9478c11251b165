/**
 * Which listing images to upload and which to delete. The service gives no hash of an image, so
 * a file is "the same" when its type and file name match and, if the service reports a size,
 * the size matches too; an image that never finished uploading or failed processing never counts.
 *
 * For every image type the manifest states, the manifest's images are the whole set of that type:
 * matches are kept, the rest are uploaded, and existing images of the type that match nothing are
 * deleted after the new ones are uploaded. Types the manifest does not state are left alone.
 */
import type { ImageSpec } from '../manifest/model.js'
import type { ListingImage } from '../ingestion/types.js'

export interface ImagePlan {
  upload: ImageSpec[]
  remove: ListingImage[]
  keep: ListingImage[]
}

export function planImages(
  existing: readonly ListingImage[],
  wanted: readonly ImageSpec[]
): ImagePlan {
  const plan: ImagePlan = { upload: [], remove: [], keep: [] }
  const statedTypes = new Set<string>(wanted.map(w => w.type))
  const usable = existing.filter(e => e.state !== 'PendingUpload' && e.state !== 'ProcessFailed')

  for (const spec of wanted) {
    const match = usable.find(
      e => e.type === spec.type && !plan.keep.includes(e) && sameFile(e, spec)
    )
    if (match) plan.keep.push(match)
    else plan.upload.push(spec)
  }
  for (const image of existing) {
    if (statedTypes.has(image.type) && !plan.keep.includes(image)) plan.remove.push(image)
  }
  return plan
}

function sameFile(image: ListingImage, spec: ImageSpec): boolean {
  if (image.fileName !== spec.file.name) return false
  const size = image.fileSize
  return typeof size !== 'number' || size === spec.file.size
}
