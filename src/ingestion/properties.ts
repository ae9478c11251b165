/** Properties (categories, legal terms) and the reseller (CSP) configuration. */
import type { IngestionApi } from './api.js'
import { SHAPES } from './reply.js'
import { productPath, segment, type Requester } from './requester.js'

type PropertyCalls = Pick<
  IngestionApi,
  'getProperties' | 'putProperty' | 'getResellerConfiguration' | 'setResellerConfiguration'
>

export function propertyCalls(http: Requester): PropertyCalls {
  const reseller = (productId: string): string => `${productPath(productId)}/resellerConfiguration`
  return {
    getProperties: (productId, instanceId) =>
      http.list(
        `${productPath(productId)}/properties/getByInstanceID(instanceID=${segment(instanceId)})`,
        SHAPES.property,
        `read the properties of draft ${instanceId}`
      ),
    putProperty: (productId, property) =>
      http.update(
        `${productPath(productId)}/properties/${segment(property.id)}`,
        property,
        SHAPES.property,
        `update the properties ${property.id}`
      ),
    getResellerConfiguration: productId =>
      http.get(
        reseller(productId),
        SHAPES.resellerConfiguration,
        `read the reseller configuration of product ${productId}`
      ),
    // The spec has no PUT here: a POST replaces the whole configuration, and repeating it is harmless.
    setResellerConfiguration: (productId, configuration) =>
      http.update(
        reseller(productId),
        configuration,
        SHAPES.resellerConfiguration,
        `update the reseller configuration of product ${productId}`,
        'POST'
      )
  }
}
