/**
 * Package configurations, properties and availabilities: draft-instance resources with their
 * module-specific rules (ingestion-v1.md §3.7, §3.8).
 */
import type { ApiRequest, Operations } from './contract.js'
import { badRequest } from './errors.js'
import type { Model } from './model.js'
import { instanceResourceOperations } from './instance-resources.js'
import type { Json, ProductRecord } from './store.js'

/** Every `packageReferences[].value` must name a package of this product (else 400). */
function checkPackageReferences(record: ProductRecord, body: Json): void {
  for (const reference of (body.packageReferences ?? []) as Json[]) {
    const id = reference?.value
    const known = record.packages.some(p => typeof id === 'string' && p.body.id === id)
    if (!known) {
      throw badRequest('PackageReferences', `Package ${String(id)} does not exist in this product.`)
    }
  }
}

/** Feature availabilities omit these unless `$expand` names them ([S], §3.8). */
const EXPANDABLE = ['marketStates', 'priceSchedules', 'trial']

function featureAvailabilityView(body: Json, request: ApiRequest): Json {
  const expand = (request.query.get('$expand') ?? '').split(',').map(s => s.trim().toLowerCase())
  const view = { ...body }
  for (const key of EXPANDABLE) if (!expand.includes(key.toLowerCase())) delete view[key]
  return view
}

export function moduleResourceOperations(model: Model): Operations {
  return {
    ...instanceResourceOperations(model, {
      kind: 'packageConfiguration',
      label: 'PackageConfiguration',
      byInstanceSegment: 'packageConfigurations',
      itemSegment: 'packageconfigurations',
      idParam: 'packageConfigurationID',
      validate: checkPackageReferences
    }),
    ...instanceResourceOperations(model, {
      kind: 'property',
      label: 'Property',
      byInstanceSegment: 'properties',
      itemSegment: 'properties',
      idParam: 'propertyID'
    }),
    ...instanceResourceOperations(model, {
      kind: 'productAvailability',
      label: 'ProductAvailability',
      byInstanceSegment: 'productAvailabilities',
      itemSegment: 'productavailabilities',
      idParam: 'productAvailabilityID'
    }),
    ...instanceResourceOperations(model, {
      kind: 'featureAvailability',
      label: 'FeatureAvailability',
      byInstanceSegment: 'featureAvailabilities',
      itemSegment: 'featureavailabilities',
      idParam: 'featureAvailabilityID',
      view: featureAvailabilityView
    })
  }
}
