/**
 * Availabilities: the offer's (preview audience) and each plan's (markets, prices, visibility).
 * The spec spells the reads `productAvailabilities/…`, `featureAvailabilities/…` and the item
 * routes in lower case (§2.3). A plan's availability is always read and written with
 * `$expand=MarketStates,PriceSchedules,Trial` ([S] FeatureAvailabilityExpand, [PCC]): without it
 * the service leaves those out, and a PUT replaces the whole object.
 */
import type { IngestionApi } from './api.js'
import { SHAPES } from './reply.js'
import { productPath, segment, type Requester } from './requester.js'

type AvailabilityCalls = Pick<
  IngestionApi,
  | 'getProductAvailabilities'
  | 'putProductAvailability'
  | 'getFeatureAvailabilities'
  | 'putFeatureAvailability'
>

const EXPAND = '$expand=MarketStates,PriceSchedules,Trial'

export function availabilityCalls(http: Requester): AvailabilityCalls {
  return {
    getProductAvailabilities: (productId, instanceId) =>
      http.list(
        `${productPath(productId)}/productAvailabilities/getByInstanceID(instanceID=${segment(instanceId)})`,
        SHAPES.availability,
        `read the offer availability of draft ${instanceId}`
      ),
    putProductAvailability: (productId, availability) =>
      http.update(
        `${productPath(productId)}/productavailabilities/${segment(availability.id)}`,
        availability,
        SHAPES.availability,
        `update the offer availability ${availability.id}`
      ),
    getFeatureAvailabilities: (productId, instanceId) =>
      http.list(
        `${productPath(productId)}/featureAvailabilities/getByInstanceID(instanceID=${segment(instanceId)})?${EXPAND}`,
        SHAPES.availability,
        `read the plan availability of draft ${instanceId}`
      ),
    putFeatureAvailability: (productId, availability) =>
      http.update(
        `${productPath(productId)}/featureavailabilities/${segment(availability.id)}?${EXPAND}`,
        availability,
        SHAPES.availability,
        `update the plan availability ${availability.id}`
      )
  }
}
