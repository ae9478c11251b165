/** Listings and their images. */
import type { IngestionApi } from './api.js'
import { SHAPES } from './reply.js'
import { productPath, segment, type Requester } from './requester.js'

type ListingCalls = Pick<
  IngestionApi,
  | 'getListings'
  | 'putListing'
  | 'listImages'
  | 'createImage'
  | 'getImage'
  | 'putImage'
  | 'deleteImage'
>

export function listingCalls(http: Requester): ListingCalls {
  const images = (productId: string, listingId: string): string =>
    `${productPath(productId)}/listings/${segment(listingId)}/images`
  return {
    getListings: (productId, instanceId) =>
      http.list(
        `${productPath(productId)}/listings/getByInstanceID(instanceID=${segment(instanceId)})`,
        SHAPES.listing,
        `read the listings of draft ${instanceId}`
      ),
    putListing: (productId, listing) =>
      http.update(
        `${productPath(productId)}/listings/${segment(listing.id)}`,
        listing,
        SHAPES.listing,
        `update listing ${listing.id}${listing.languageCode ? ` (${listing.languageCode})` : ''}`
      ),
    listImages: (productId, listingId) =>
      // $expand=FileSasUri: without it the service leaves out the upload URLs (§2.5).
      http.list(
        `${images(productId, listingId)}?$expand=FileSasUri`,
        SHAPES.image,
        `list the images of listing ${listingId}`
      ),
    createImage: (productId, listingId, body) =>
      http.create(
        images(productId, listingId),
        body,
        SHAPES.image,
        `create the ${body.type} image '${body.fileName}'`
      ),
    getImage: (productId, listingId, imageId) =>
      http.get(
        `${images(productId, listingId)}/${segment(imageId)}`,
        SHAPES.image,
        `read image ${imageId}`,
        'poll'
      ),
    putImage: (productId, listingId, image) =>
      http.update(
        `${images(productId, listingId)}/${segment(image.id)}`,
        image,
        SHAPES.image,
        `update the ${image.type} image '${image.fileName}'`
      ),
    deleteImage: (productId, listingId, imageId) =>
      http.remove(`${images(productId, listingId)}/${segment(imageId)}`, `delete image ${imageId}`)
  }
}
