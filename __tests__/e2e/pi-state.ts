/**
 * The parts of the emulator's product-ingestion state (`GET /_emulator/state`, its
 * `productIngestion` store: emulator/src/product-ingestion/store.ts) the end-to-end tests assert
 * on, for one offer; and the product-ingestion requests of the request log.
 */
import type { LoggedRequest } from './session.js'

type Json = Record<string, unknown>

export interface PiOfferState {
  guid: string
  /** The draft resources by durable id. */
  draft: Record<string, Json>
  /** Publishes to preview, oldest first, with whether each went live. */
  submissions: Array<{ id: string; live: boolean; resources: Record<string, Json> }>
  /** The configure jobs that named the offer. */
  jobs: number
  /** The resources of each of those jobs' requests, oldest first. */
  requests: Json[][]
}

export function piOfferState(state: Json, offerId: string): PiOfferState {
  const store = state.productIngestion as { products: Json[]; jobs: Json[] }
  const product = store.products.find(p => p.externalId === offerId)
  if (!product) throw new Error(`${offerId} is not in the emulator's product-ingestion state`)
  const guid = String(product.guid)
  const jobs = store.jobs.filter(j => (j.products as string[]).includes(guid))
  return {
    guid,
    draft: product.draft as Record<string, Json>,
    submissions: (product.submissions as Json[]).map(s => ({
      id: `submission/${guid}/${String(s.number)}`,
      live: s.live !== undefined,
      resources: s.resources as Record<string, Json>
    })),
    jobs: jobs.length,
    requests: jobs.map(j => j.resources as Json[])
  }
}

/** The draft resources of one type. */
export function ofType(resources: Record<string, Json>, type: string): Json[] {
  return Object.values(resources).filter(r => String(r.$schema).includes(`/schema/${type}/`))
}

/** The configure requests the action sent (whatever their answer). */
export function configures(requests: LoggedRequest[]): LoggedRequest[] {
  return requests.filter(
    r => r.method === 'POST' && /\/rp\/product-ingestion\/configure$/i.test(r.path)
  )
}
