/** Listing images (ingestion-v1.md §3.5). */
import type { ApiRequest, Operations } from './contract.js'
import { badRequest, notFound } from './errors.js'
import { newResourceId } from './ids.js'
import {
  bodyObject,
  checkIfMatch,
  collection,
  created,
  etagNow,
  findProduct,
  noContent,
  ok,
  okWithEtag,
  productPath,
  sameId,
  simulatedMs,
  type Model
} from './model.js'
import { checkWritable, findInstanceResource } from './instance-resources.js'
import type { ImageRecord, Json, ProductRecord } from './store.js'
import { markUploaded, uploadState } from './uploads.js'

/**
 * Unrecorded: the recording still shows `Uploaded` 8 s after the PUT. An image is small, so the
 * emulator gives it a minute of realistic processing (divided by speed) before `Processed`.
 */
const IMAGE_PROCESSING_SECONDS = 60

function findImage(record: ProductRecord, listingId: string, imageId: string): ImageRecord {
  const image = record.images.find(
    i => sameId(i.listingId, listingId) && sameId(i.body.id, imageId)
  )
  if (!image) throw notFound('Image', imageId)
  return image
}

/**
 * `fileSasUri` is in POST and PUT replies [REC]; reads include it only with `$expand=FileSasUri`.
 * The reply right after the `Uploaded` PUT still says `Uploaded` [REC].
 */
function imageView(model: Model, image: ImageRecord, withUri: boolean, justUploaded = false): Json {
  const state = justUploaded ? 'Uploaded' : uploadState(image, model.context.now())
  const view: Json = { ...image.body, state }
  if (!withUri) delete view.fileSasUri
  return view
}

const expandsFileSasUri = (request: ApiRequest): boolean =>
  (request.query.get('$expand') ?? '').split(',').some(s => s.trim().toLowerCase() === 'filesasuri')

export function imageOperations(model: Model): Operations {
  const base = '/products/{productID}/listings/{listingID}/images'
  /** The listing's product; for a write, the listing must be a draft's, not a submission's. */
  const listing = (request: ApiRequest, write = false): ProductRecord => {
    const record = findProduct(model, request.params.productID)
    const resource = findInstanceResource(record, 'listing', request.params.listingID, 'Listing')
    if (write) checkWritable(resource, 'Listing')
    return record
  }
  return {
    [`GET ${base}`]: request => {
      const record = listing(request)
      const withUri = expandsFileSasUri(request)
      return collection(
        record.images
          .filter(i => sameId(i.listingId, request.params.listingID))
          .map(i => imageView(model, i, withUri))
      )
    },
    [`POST ${base}`]: request => {
      const record = listing(request, true)
      const input = bodyObject(request)
      if (typeof input.fileName !== 'string' || input.fileName === '') {
        throw badRequest('FileName', 'fileName is required.')
      }
      if (typeof input.type !== 'string' || input.type === '') {
        throw badRequest('Type', 'type is required.')
      }
      const upload = model.context.blob.issueUpload()
      const body: Json = {
        resourceType: 'ListingImage',
        fileName: input.fileName,
        type: input.type,
        fileSasUri: upload.uri,
        state: 'PendingUpload',
        ...(input.description === undefined ? {} : { description: input.description }),
        order: input.order ?? 0,
        '@odata.etag': etagNow(model),
        id: newResourceId()
      }
      const listingId = request.params.listingID
      record.images.push({ listingId, blobName: upload.blobName, body })
      return created(
        productPath(model, record.productId, `/listings/${listingId}/images/${String(body.id)}`),
        body
      )
    },
    [`GET ${base}/{imageID}`]: request => {
      const record = listing(request)
      const image = findImage(record, request.params.listingID, request.params.imageID)
      return ok(imageView(model, image, expandsFileSasUri(request)))
    },
    [`PUT ${base}/{imageID}`]: async request => {
      const record = listing(request, true)
      const image = findImage(record, request.params.listingID, request.params.imageID)
      checkIfMatch(model, request, image.body)
      const input = bodyObject(request)
      const uploading = input.state === 'Uploaded' && image.uploadedAt === undefined
      if (uploading) {
        const processingMs = simulatedMs(model.context, IMAGE_PROCESSING_SECONDS)
        await markUploaded(model.context, image, 'image', processingMs, undefined)
      }
      // Editable fields of an image; the file, state and id are the service's.
      image.body = {
        ...image.body,
        type: input.type ?? image.body.type,
        order: input.order ?? image.body.order,
        ...(input.description === undefined ? {} : { description: input.description }),
        '@odata.etag': etagNow(model)
      }
      return okWithEtag(imageView(model, image, true, uploading))
    },
    [`DELETE ${base}/{imageID}`]: request => {
      const record = listing(request, true)
      const image = findImage(record, request.params.listingID, request.params.imageID)
      record.images = record.images.filter(i => i !== image)
      return noContent()
    }
  }
}
