/**
 * The dry run's client: the publish sequence runs against it exactly as it runs against the
 * service, and each write it would send is recorded instead (docs/decisions/dry-run.md). Reads
 * of what exists go to the service; what the run would create or change is kept in an overlay,
 * so that later reads in the same run see it as the service would show it: a plan the run
 * creates has its drafts, a listing it writes reads back as written. What the service decides
 * alone (what a new resource starts with, whether a package is processed) is assumed as
 * new-resources.ts says.
 *
 * One dry run per offer: its requests are that offer's plan.
 */
import type { IngestionApi } from '../api.js'
import type { Branch, ListingImage, Module, Product, Resource, Variant } from '../types.js'
import { capturingClient, type CapturedRequest, type PlannedRequest } from './capture.js'
import {
  NEW_PLAN_MODULES,
  newBranch,
  newFeatureAvailability,
  newListing,
  newPackageConfiguration,
  newProductAvailability,
  newProperty,
  newSubmission,
  uploadUrl,
  type DraftOwner
} from './new-resources.js'
import { Overlay, type Family } from './overlay.js'

export type { PlannedRequest } from './capture.js'

export interface DryRunOptions {
  /** The service's client: every read of what exists goes there. */
  reads: IngestionApi
  /** The API base URL, for the recorded paths. */
  baseUrl: string
  record: (request: PlannedRequest) => void
}

/** A file the run would upload, as the upload step hands it over. */
interface UploadedFile {
  name: string
  size: number
}

export interface DryRun {
  api: IngestionApi
  /** Records the upload; resolves as an upload of the whole file would. */
  upload: (file: UploadedFile, uploadUrl: string) => Promise<{ bytes: number; ms: number }>
  /** Whether an id is a placeholder for something the run would create. */
  isPlaceholder: (id: string | undefined) => boolean
}

/** A draft instance the run would create: whose it is. */
interface NewDraft {
  productId: string
  variantId?: string
}

export function createDryRun(options: DryRunOptions): DryRun {
  const { reads, record } = options
  const overlay = new Overlay()
  const capture = capturingClient(new URL(options.baseUrl).pathname.replace(/\/+$/, ''))
  /** The drafts the run would create: instance ids by `productId owner module`, owners by instance id. */
  const draftIds = new Map<string, string>()
  const newDrafts = new Map<string, NewDraft>()

  const planned = (request: CapturedRequest, values?: Record<string, unknown>): void =>
    record({ service: 'ingestion', ...request, ...(values ? { values } : {}) })

  /** A creating POST: recorded with its body; the resource gets a placeholder id. */
  async function create<T extends Resource & { id: string }>(
    write: (client: IngestionApi) => Promise<unknown>,
    body: object,
    family: Family,
    collection: string,
    made: (id: string) => T
  ): Promise<T> {
    const request = await capture(write)
    const resource = made(overlay.newId(kindOf(family)))
    overlay.add(family, collection, resource)
    planned(request, { ...body })
    return resource
  }

  /** A write that replaces a resource: recorded with the fields it changes. */
  async function replace<T extends Resource>(
    write: (client: IngestionApi) => Promise<unknown>,
    family: Family,
    id: string,
    body: T,
    stored: T = body
  ): Promise<T> {
    const request = await capture(write)
    planned(request, changedFields(overlay.put(family, id, stored), body))
    return stored
  }

  /** A collection the service holds, or (under something the run would create) only the run's. */
  async function collection<T extends Resource>(
    family: Family,
    name: string,
    isNew: boolean,
    fresh: () => Promise<T[]>
  ): Promise<T[]> {
    return overlay.view(family, name, isNew ? [] : await fresh())
  }

  /** One item: as the run left it, or as the service has it. */
  async function item<T extends Resource>(
    family: Family,
    id: string,
    fresh: () => Promise<T>
  ): Promise<T> {
    return overlay.item<T>(family, id) ?? overlay.seen(family, id, await fresh())
  }

  /** A draft instance's resources; a new instance starts with `starts`, created once. */
  async function draft<T extends Resource & { id: string }>(
    family: Family,
    productId: string,
    instanceId: string,
    fresh: () => Promise<T[]>,
    starts: (owner: DraftOwner, id: string) => T
  ): Promise<T[]> {
    const name = `${family} ${productId} ${instanceId}`
    const info = newDrafts.get(instanceId)
    if (info && !overlay.hasCreated(name)) {
      const owner: DraftOwner = {
        product: overlay.item<Product>('product', info.productId),
        variant: info.variantId ? overlay.item<Variant>('variant', info.variantId) : undefined
      }
      overlay.add(family, name, starts(owner, overlay.newId(kindOf(family))))
    }
    return collection(family, name, info !== undefined, fresh)
  }

  /** The branch of a draft the run would create (the same instance on every read). */
  function newDraftBranch(productId: string, module: Module, variantId?: string): Branch {
    const key = `${productId} ${variantId ?? 'offer'} ${module}`
    let instanceId = draftIds.get(key)
    if (!instanceId) {
      instanceId = overlay.newId('draft')
      draftIds.set(key, instanceId)
      newDrafts.set(instanceId, { productId, variantId })
    }
    return newBranch(module, instanceId, variantId)
  }

  const api: IngestionApi = {
    // products
    async findProductByOfferId(offerId) {
      const made = overlay
        .view<Product>('product', 'product', [])
        .find(p => p.externalIDs.some(e => e.value === offerId))
      return made ?? reads.findProductByOfferId(offerId)
    },
    getProduct: productId => item('product', productId, () => reads.getProduct(productId)),
    createProduct: body =>
      create(
        c => c.createProduct(body),
        body,
        'product',
        'product',
        id => ({ ...body, id }) as Product
      ),
    getProductSetup: async productId =>
      // A new product's setup is not documented beyond its type: it has no package type.
      overlay.isNew(productId)
        ? { resourceType: 'AzureProductSetup' }
        : reads.getProductSetup(productId),

    // plans
    listVariants: productId =>
      collection('variant', `variant ${productId}`, overlay.isNew(productId), () =>
        reads.listVariants(productId)
      ),
    createVariant: (productId, body) =>
      create(
        c => c.createVariant(productId, body),
        body,
        'variant',
        `variant ${productId}`,
        id => ({ ...body, state: 'Active', id }) as Variant
      ),

    // drafts
    async getBranches(productId, module) {
      const isNew = overlay.isNew(productId)
      const fresh = isNew ? [] : await reads.getBranches(productId, module)
      // The plans the run would create: a collection seen without the service's part.
      const variants = NEW_PLAN_MODULES.includes(module)
        ? overlay.view<Variant>('variant', `variant ${productId}`, [])
        : []
      return [
        ...fresh,
        ...(isNew ? [newDraftBranch(productId, module)] : []),
        ...variants.map(v => newDraftBranch(productId, module, v.id))
      ]
    },

    // listings and images
    getListings: (productId, instanceId) =>
      draft(
        'listing',
        productId,
        instanceId,
        () => reads.getListings(productId, instanceId),
        newListing
      ),
    putListing: (productId, listing) =>
      replace(c => c.putListing(productId, listing), 'listing', listing.id, listing),
    listImages: (productId, listingId) =>
      collection('image', `image ${productId} ${listingId}`, overlay.isNew(listingId), () =>
        reads.listImages(productId, listingId)
      ),
    createImage: (productId, listingId, body) =>
      create(
        c => c.createImage(productId, listingId, body),
        body,
        'image',
        `image ${productId} ${listingId}`,
        id => ({ ...body, fileSasUri: uploadUrl(id), id }) as ListingImage
      ),
    getImage: (productId, listingId, imageId) =>
      item('image', imageId, () => reads.getImage(productId, listingId, imageId)),
    putImage: (productId, listingId, image) =>
      replace(c => c.putImage(productId, listingId, image), 'image', image.id, image),
    async deleteImage(productId, listingId, imageId) {
      const request = await capture(c => c.deleteImage(productId, listingId, imageId))
      overlay.remove('image', imageId)
      planned(request)
    },

    // packages
    listPackages: productId =>
      collection('package', `package ${productId}`, overlay.isNew(productId), () =>
        reads.listPackages(productId)
      ),
    createPackage: (productId, body) =>
      create(
        c => c.createPackage(productId, body),
        body,
        'package',
        `package ${productId}`,
        id => ({ ...body, state: 'PendingUpload', fileSasUri: uploadUrl(id), id })
      ),
    getPackage: (productId, packageId) =>
      item('package', packageId, () => reads.getPackage(productId, packageId)),
    putPackage: (productId, pkg) =>
      replace(
        c => c.putPackage(productId, pkg),
        'package',
        pkg.id,
        pkg,
        // Assumed: the service would process the uploaded package (new-resources.ts).
        pkg.state === 'Uploaded' ? { ...pkg, state: 'Processed' } : pkg
      ),
    getPackageConfigurations: (productId, instanceId) =>
      draft(
        'packageConfiguration',
        productId,
        instanceId,
        () => reads.getPackageConfigurations(productId, instanceId),
        newPackageConfiguration
      ),
    putPackageConfiguration: (productId, config) =>
      replace(
        c => c.putPackageConfiguration(productId, config),
        'packageConfiguration',
        config.id,
        config
      ),

    // availabilities
    getProductAvailabilities: (productId, instanceId) =>
      draft(
        'availability',
        productId,
        instanceId,
        () => reads.getProductAvailabilities(productId, instanceId),
        (_owner, id) => newProductAvailability(id)
      ),
    putProductAvailability: (productId, availability) =>
      replace(
        c => c.putProductAvailability(productId, availability),
        'availability',
        availability.id,
        availability
      ),
    getFeatureAvailabilities: (productId, instanceId) =>
      draft(
        'availability',
        productId,
        instanceId,
        () => reads.getFeatureAvailabilities(productId, instanceId),
        (_owner, id) => newFeatureAvailability(id)
      ),
    putFeatureAvailability: (productId, availability) =>
      replace(
        c => c.putFeatureAvailability(productId, availability),
        'availability',
        availability.id,
        availability
      ),

    // properties and reseller
    getProperties: (productId, instanceId) =>
      draft(
        'property',
        productId,
        instanceId,
        () => reads.getProperties(productId, instanceId),
        (_owner, id) => newProperty(id)
      ),
    putProperty: (productId, property) =>
      replace(c => c.putProperty(productId, property), 'property', property.id, property),
    getResellerConfiguration: productId =>
      item('reseller', productId, async () =>
        overlay.isNew(productId)
          ? { resourceType: 'ResellerConfiguration' as const }
          : reads.getResellerConfiguration(productId)
      ),
    setResellerConfiguration: (productId, configuration) =>
      replace(
        c => c.setResellerConfiguration(productId, configuration),
        'reseller',
        productId,
        configuration
      ),

    // submissions
    listSubmissions: productId =>
      collection('submission', `submission ${productId}`, overlay.isNew(productId), () =>
        reads.listSubmissions(productId)
      ),
    getSubmission: (productId, submissionId) =>
      item('submission', submissionId, () => reads.getSubmission(productId, submissionId)),
    createSubmission: (productId, request) =>
      create(
        c => c.createSubmission(productId, request),
        request,
        'submission',
        `submission ${productId}`,
        id => newSubmission(request, id)
      ),
    async deleteSubmission(productId, submissionId) {
      const request = await capture(c => c.deleteSubmission(productId, submissionId))
      overlay.remove('submission', submissionId)
      planned(request)
    },
    async promoteSubmission(productId, submissionId) {
      planned(await capture(c => c.promoteSubmission(productId, submissionId)))
      return { resourceType: 'WorkflowDetail', type: 'Promote' }
    },
    getValidations: (productId, submissionId) =>
      overlay.isNew(submissionId)
        ? Promise.resolve([])
        : reads.getValidations(productId, submissionId),
    getReports: (productId, submissionId) =>
      overlay.isNew(submissionId) ? Promise.resolve([]) : reads.getReports(productId, submissionId),
    getWorkflowDetails: (productId, submissionId) =>
      overlay.isNew(submissionId)
        ? Promise.resolve([])
        : reads.getWorkflowDetails(productId, submissionId)
  }

  return {
    api,
    async upload(file, url) {
      record({
        service: 'upload',
        method: 'PUT',
        // Without the query: an upload URL's signature is a secret.
        path: new URL(url).pathname,
        what: `upload ${file.name}`,
        values: { fileName: file.name, size: file.size }
      })
      return { bytes: file.size, ms: 0 }
    },
    isPlaceholder: id => overlay.isNew(id)
  }
}

/** The placeholder's word for a family: `new-offer-1`, `new-plan-2`, `new-configuration-4`. */
function kindOf(family: Family): string {
  if (family === 'product') return 'offer'
  if (family === 'variant') return 'plan'
  if (family === 'packageConfiguration') return 'configuration'
  return family
}

/** Not values a write sets: the version it is guarded by, and an upload URL (its signature is a secret). */
const NOT_VALUES = new Set(['@odata.etag', 'fileSasUri'])

/**
 * The fields a replacing write changes, with their new values: those whose value differs from
 * what the resource held before it (all of them when that is not known).
 */
function changedFields(before: Resource | undefined, after: Resource): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(after).filter(
      ([field, value]) =>
        !NOT_VALUES.has(field) && JSON.stringify(before?.[field]) !== JSON.stringify(value)
    )
  )
}
