/** Products, their plans (variants) and their drafts (branches). */
import type { IngestionApi } from './api.js'
import { SHAPES } from './reply.js'
import { productPath, segment, type Requester } from './requester.js'
import type { Product } from './types.js'

type ProductCalls = Pick<
  IngestionApi,
  | 'findProductByOfferId'
  | 'getProduct'
  | 'createProduct'
  | 'getProductSetup'
  | 'listVariants'
  | 'createVariant'
  | 'getBranches'
>

export function productCalls(http: Requester): ProductCalls {
  return {
    async findProductByOfferId(offerId) {
      const filter = `ExternalIDs/Any(i:i/Type eq 'AzureOfferId' and i/Value eq ${odataString(offerId)})`
      const found = await http.list<Product>(
        `products?${new URLSearchParams({ $filter: filter }).toString()}`,
        SHAPES.product,
        `find the product of offer '${offerId}'`
      )
      // The filter narrows the list; the match itself is checked here, as every known client does.
      return found.find(p =>
        p.externalIDs.some(
          e =>
            typeof e === 'object' &&
            e !== null &&
            typeof e.type === 'string' &&
            e.type.toLowerCase() === 'azureofferid' &&
            e.value === offerId
        )
      )
    },
    getProduct: productId =>
      http.get(productPath(productId), SHAPES.product, `read product ${productId}`),
    createProduct: body =>
      http.create('products', body, SHAPES.product, `create the product '${body.name}'`),
    getProductSetup: productId =>
      http.get(
        `${productPath(productId)}/setup`,
        SHAPES.productSetup,
        `read the setup of product ${productId}`
      ),
    listVariants: productId =>
      http.list(
        `${productPath(productId)}/variants`,
        SHAPES.variant,
        `list the plans of product ${productId}`
      ),
    createVariant: (productId, body) =>
      http.create(
        `${productPath(productId)}/variants`,
        body,
        SHAPES.variant,
        `create plan '${body.externalID}' in product ${productId}`
      ),
    getBranches: (productId, module) =>
      http.list(
        `${productPath(productId)}/branches/getByModule(module=${segment(module)})`,
        SHAPES.branch,
        `read the ${module} drafts of product ${productId}`
      )
  }
}

/** OData string literal: quotes are escaped by doubling them. */
function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`
}
