/** Plans (`AzureSkuVariant`, ingestion-v1.md §3.3). */
import type { Operations } from './contract.js'
import { badRequest, notFound } from './errors.js'
import { newGuid } from './ids.js'
import {
  bodyObject,
  checkIfMatch,
  created,
  etagNow,
  findProduct,
  noContent,
  ok,
  okWithEtag,
  productPath,
  sameId,
  type Model
} from './model.js'
import { page } from './paging.js'
import { createPlanDrafts, removePlanDrafts } from './drafts.js'
import type { Json, ProductRecord, VariantRecord } from './store.js'

function findVariant(record: ProductRecord, variantId: string): VariantRecord {
  const variant = record.variants.find(v => sameId(v.body.id, variantId))
  if (!variant) throw notFound('Variant', variantId)
  return variant
}

/** Without a subType an AzureApplication plan becomes a solution template; others get none [REC]. */
function subTypeFor(record: ProductRecord, requested: unknown): string | undefined {
  if (typeof requested === 'string' && requested !== '') return requested
  return record.resourceType === 'AzureApplication' ? 'solution-template' : undefined
}

function variantBody(model: Model, record: ProductRecord, input: Json, id: string): Json {
  const subType = subTypeFor(record, input.subType)
  return {
    resourceType: 'AzureSkuVariant',
    state: typeof input.state === 'string' ? input.state : 'Active',
    friendlyName: input.friendlyName ?? '',
    conversionPaths: input.conversionPaths ?? '*',
    externalID: input.externalID,
    certificationsAzureGovernment: input.certificationsAzureGovernment ?? [],
    cloudAvailabilities: input.cloudAvailabilities ?? ['public-azure'],
    ...(subType === undefined ? {} : { subType }),
    extendedProperties: input.extendedProperties ?? [],
    '@odata.etag': etagNow(model),
    id
  }
}

export function createVariant(model: Model, record: ProductRecord, input: Json): Json {
  const planId = input.externalID
  if (typeof planId !== 'string' || planId === '') {
    throw badRequest('ExternalID', 'The plan id (externalID) is required.')
  }
  if (record.variants.some(v => v.body.externalID === planId)) {
    throw badRequest('ExternalID', `A plan with id ${planId} already exists.`)
  }
  const subType = subTypeFor(record, input.subType)
  if (
    record.resourceType === 'AzureApplication' &&
    subType !== 'solution-template' &&
    subType !== 'managed-application'
  ) {
    throw badRequest('SubType', `SubType must be solution-template or managed-application.`)
  }
  const body = variantBody(model, record, input, newGuid())
  record.variants.push({ ordinal: model.store.nextOrdinal++, body })
  createPlanDrafts(model, record, body)
  return body
}

export function variantOperations(model: Model): Operations {
  const base = '/products/{productID}/variants'
  return {
    [`GET ${base}`]: request => {
      const record = findProduct(model, request.params.productID)
      const listPath = `v1.0/ingestion/products/${record.productId}/variants`
      return page(model, request, record.variants, listPath, v => v.body)
    },
    [`POST ${base}`]: request => {
      const record = findProduct(model, request.params.productID)
      const body = createVariant(model, record, bodyObject(request))
      return created(productPath(model, record.productId, `/variants/${String(body.id)}`), body)
    },
    [`GET ${base}/{variantID}`]: request => {
      const record = findProduct(model, request.params.productID)
      return ok(findVariant(record, request.params.variantID).body)
    },
    [`PUT ${base}/{variantID}`]: request => {
      const record = findProduct(model, request.params.productID)
      const variant = findVariant(record, request.params.variantID)
      checkIfMatch(model, request, variant.body)
      // The plan id and subType are fixed at creation; the rest is replaced.
      const input = {
        ...bodyObject(request),
        externalID: variant.body.externalID,
        subType: variant.body.subType
      }
      variant.body = variantBody(model, record, input, String(variant.body.id))
      return okWithEtag(variant.body)
    },
    [`DELETE ${base}/{variantID}`]: request => {
      const record = findProduct(model, request.params.productID)
      const variant = findVariant(record, request.params.variantID)
      record.variants = record.variants.filter(v => v !== variant)
      removePlanDrafts(record, String(variant.body.id))
      return noContent()
    }
  }
}
