/** Reads: products and plans by external id, resource trees, one resource, submissions (§4.5–§4.7). */
import type { ProductIngestionApi } from './api.js'
import type { PiRequester } from './requester.js'
import { PI_SHAPES } from './replies.js'
import type { Resource, ResourceTree, SubmissionEntry } from './types.js'

type ReadCalls = Pick<
  ProductIngestionApi,
  | 'findProduct'
  | 'findPlan'
  | 'getResourceTree'
  | 'getResource'
  | 'listSubmissions'
  | 'getSubmission'
>

/** A durable id as a path: each segment encoded, the slashes kept (`plan/<pg>/<plg>`). */
export function durablePath(durableId: string): string {
  return durableId.split('/').map(encodeURIComponent).join('/')
}

export function readCalls(http: PiRequester): ReadCalls {
  return {
    async findProduct(offerId) {
      const found = await http.list<Resource>(
        `product?${new URLSearchParams({ externalId: offerId })}`,
        PI_SHAPES.resource,
        `find the product of offer '${offerId}'`
      )
      // The query narrows the list; the match is checked here, as for the Ingestion API.
      return found.find(p => externalIdOf(p) === offerId)
    },
    async findPlan(productId, planId) {
      const found = await http.list<Resource>(
        `plan?${new URLSearchParams({ product: productId, externalId: planId })}`,
        PI_SHAPES.resource,
        `find plan '${planId}' of ${productId}`
      )
      return found.find(p => externalIdOf(p) === planId)
    },
    getResourceTree: (productId, target) =>
      http.get<ResourceTree>(
        `resource-tree/${durablePath(productId)}?targetType=${target}`,
        PI_SHAPES.resourceTree,
        `read the ${target} resources of ${productId}`
      ),
    getResource: durableId =>
      http.get(durablePath(durableId), PI_SHAPES.resource, `read ${durableId}`),
    listSubmissions: (productId, target) =>
      http.list<SubmissionEntry>(
        `submission/${durablePath(productId.replace(/^product\//, ''))}${target ? `?targetType=${target}` : ''}`,
        PI_SHAPES.submission,
        `list the submissions of ${productId}`
      ),
    getSubmission: submissionId =>
      http.get(durablePath(submissionId), PI_SHAPES.submission, `read ${submissionId}`, 'poll')
  }
}

function externalIdOf(resource: Resource): unknown {
  const identity = resource.identity
  return typeof identity === 'object' && identity !== null
    ? (identity as Record<string, unknown>).externalId
    : undefined
}
