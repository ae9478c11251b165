/** Step 5: listing images: POST, upload, PUT `Uploaded`, then delete the replaced ones. */
import type { ImageSpec } from '../manifest/model.js'
import { mapLimit } from '../concurrency.js'
import { createOnce } from './create-once.js'
import type { OfferRun } from './context.js'
import { planImages } from './image-plan.js'
import { formatBytes } from './units.js'
import { replaceOnce, writeOnce } from './write-once.js'

/** `listingId`: the offer listing's (read when the manifest has images). */
export async function updateImages(
  run: OfferRun,
  productId: string,
  listingId: string | undefined
): Promise<void> {
  const wanted = run.offer.images
  if (wanted.length === 0 || !listingId) return
  const plan = planImages(await run.api.listImages(productId, listingId), wanted)

  for (const spec of plan.upload) {
    run.record({
      action: 'upload',
      subject: `image ${spec.type} (${spec.file.name}, ${formatBytes(spec.file.size)})`
    })
  }
  for (const old of plan.remove)
    run.record({ action: 'delete', subject: `image ${old.type} (${old.fileName})` })

  await mapLimit(plan.upload, run.deps.uploadConcurrency, spec =>
    uploadImage(run, productId, listingId, spec)
  )
  // Old images go only once every new one is in: a failed upload leaves the listing complete.
  for (const old of plan.remove) {
    run.beforeWrite(`deleting the replaced image ${old.fileName}`)
    await writeOnce(run, {
      what: `delete the replaced image '${old.fileName}'`,
      send: () => run.api.deleteImage(productId, listingId, old.id),
      // A 404 is what the transport's second attempt of a DELETE that took effect gets.
      settles: ['ambiguous', 'gone'],
      readBack: async () =>
        (await run.api.listImages(productId, listingId)).some(i => i.id === old.id)
          ? { kind: 'not-applied' }
          : { kind: 'applied', value: undefined }
    })
  }
}

async function uploadImage(
  run: OfferRun,
  productId: string,
  listingId: string,
  spec: ImageSpec
): Promise<void> {
  run.beforeWrite(`uploading image ${spec.file.name}`)
  const created = await createOnce(run, {
    what: `${spec.type} image '${spec.file.name}'`,
    create: () =>
      run.api.createImage(productId, listingId, {
        resourceType: 'ListingImage',
        fileName: spec.file.name,
        type: spec.type,
        state: 'PendingUpload',
        order: spec.order
      }),
    find: async () =>
      (await run.api.listImages(productId, listingId))
        .filter(
          i => i.type === spec.type && i.fileName === spec.file.name && i.state === 'PendingUpload'
        )
        .at(-1),
    idOf: i => i.id
  })
  await run.upload(spec.file, created.fileSasUri ?? '', `image ${spec.type}`)
  // Finish the pair even when cancelled meanwhile: an image left PendingUpload is useless.
  await replaceOnce(run, {
    what: `mark the ${spec.type} image '${spec.file.name}' as Uploaded`,
    current: created,
    read: () => run.api.getImage(productId, listingId, created.id),
    apply: image =>
      image.state === 'PendingUpload' ? { ...image, state: 'Uploaded' as const } : undefined,
    write: next => run.api.putImage(productId, listingId, next)
  })
}
