/** Products and their setup (ingestion-v1.md §3.1). */
import type { Operations } from './contract.js'
import { ApiError, badRequest } from './errors.js'
import { newGuid } from './ids.js'
import {
  bodyObject,
  created,
  findProduct,
  noContent,
  ok,
  productPath,
  type Model
} from './model.js'
import { matchesFilter, parseFilter } from './odata-filter.js'
import { page } from './paging.js'
import { createOfferDrafts } from './drafts.js'
import { newResellerConfiguration } from './resource-defaults.js'
import type { Json, ProductRecord } from './store.js'

export interface NewProduct {
  resourceType: string
  name: string
  offerId: string
  /** Business Central setup's `packageType`. */
  packageType?: string
  /** Business Central: the Property draft's starting `appVersion`. */
  appVersion?: string
}

export function createProduct(model: Model, input: NewProduct): ProductRecord {
  const productId = newGuid()
  const isBusinessCentral = input.resourceType === 'AzureDynamics365BusinessCentral'
  const record: ProductRecord = {
    ordinal: model.store.nextOrdinal++,
    productId,
    offerId: input.offerId,
    resourceType: input.resourceType,
    product: {
      resourceType: input.resourceType,
      name: input.name,
      externalIDs: [{ type: 'AzureOfferId', value: input.offerId }],
      isModularPublishing: true,
      id: productId
    },
    setup: {
      resourceType: 'AzureProductSetup',
      sellingOption: 'ListAndSell',
      trialUri: '',
      enableTestDrive: false,
      channelStates: [{ type: 'Reseller', value: 'Enabled' }],
      ...(isBusinessCentral ? { packageType: input.packageType ?? 'AddOn' } : {})
    },
    variants: [],
    drafts: [],
    resources: [],
    images: [],
    packages: [],
    reseller: newResellerConfiguration(),
    submissions: [],
    releaseCount: 0
  }
  createOfferDrafts(model, record, { packageType: input.packageType, appVersion: input.appVersion })
  model.store.products.push(record)
  return record
}

/** The offer id from `externalIDs` (bound from `externalIds` too), `AzureOfferID` in any case (§3.1). */
function offerIdOf(body: Json): string {
  const ids = Array.isArray(body.externalIDs) ? (body.externalIDs as Json[]) : []
  const offer = ids.find(i => typeof i.type === 'string' && i.type.toLowerCase() === 'azureofferid')
  if (typeof offer?.value !== 'string' || offer.value === '') {
    throw badRequest('ExternalIDs', 'An ExternalID of type AzureOfferId is required.')
  }
  return offer.value
}

function listProducts(model: Model, filterText: string | null): ProductRecord[] {
  if (filterText === null || filterText.trim() === '') return model.store.products
  const filter = parseFilter(filterText)
  return model.store.products.filter(p =>
    matchesFilter(filter, p.product, ['resourceType', 'externalIDs'])
  )
}

export function productOperations(model: Model): Operations {
  return {
    'GET /products': request =>
      page(
        model,
        request,
        listProducts(model, request.query.get('$filter')),
        'v1.0/ingestion/products',
        p => p.product
      ),
    'POST /products': request => {
      const body = bodyObject(request)
      const offerId = offerIdOf(body)
      if (model.store.products.some(p => p.offerId === offerId)) {
        throw new ApiError(409, `An offer with id ${offerId} already exists.`, {
          ExternalIDs: [`The offer id ${offerId} is already in use.`]
        })
      }
      // A client-sent `id` is ignored: the service assigns a GUID (catalogue §8).
      const record = createProduct(model, {
        resourceType: String(body.resourceType),
        name: typeof body.name === 'string' ? body.name : offerId,
        offerId
      })
      return created(productPath(model, record.productId), record.product)
    },
    'GET /products/{productID}': request =>
      ok(findProduct(model, request.params.productID).product),
    'DELETE /products/{productID}': request => {
      const record = findProduct(model, request.params.productID)
      model.store.products = model.store.products.filter(p => p !== record)
      return noContent()
    },
    'GET /products/{productID}/setup': request =>
      ok(findProduct(model, request.params.productID).setup),
    // Answers 200, not the spec's 201, and carries no etag (catalogue §8).
    'POST /products/{productID}/setup': request => {
      const record = findProduct(model, request.params.productID)
      const body = bodyObject(request)
      // Recorded: enabling a test drive answered this 400 (catalogue §7). The emulator models no
      // test drives, so it refuses every request to enable one the same way.
      if (body.enableTestDrive === true && record.setup.enableTestDrive !== true) {
        throw new ApiError(400, 'The field FeatureName is invalid.', {
          FeatureName: ['The field FeatureName is invalid.']
        })
      }
      const setup: Json = {
        resourceType: 'AzureProductSetup',
        sellingOption: body.sellingOption ?? record.setup.sellingOption,
        trialUri: body.trialUri ?? record.setup.trialUri,
        enableTestDrive: body.enableTestDrive ?? record.setup.enableTestDrive,
        channelStates: body.channelStates ?? record.setup.channelStates
      }
      if (record.resourceType === 'AzureDynamics365BusinessCentral') {
        setup.packageType = body.packageType ?? record.setup.packageType
      }
      record.setup = setup
      return ok(setup)
    }
  }
}
