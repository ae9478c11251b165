/**
 * IngestionApi over the shared transport: one module per resource family, each operation its path
 * exactly as the swagger spells it (ingestion-v1.md §2.3), its phase for the request counts,
 * whether it may be retried, and the shape its reply must have (requester.ts).
 */
import type { IngestionApi } from './api.js'
import { availabilityCalls } from './availabilities.js'
import { listingCalls } from './listings.js'
import { packageCalls } from './packages.js'
import { productCalls } from './products.js'
import { propertyCalls } from './properties.js'
import { createRequester, type RequesterOptions } from './requester.js'
import { submissionCalls } from './submissions.js'

export type IngestionClientOptions = RequesterOptions

export function createIngestionClient(options: IngestionClientOptions): IngestionApi {
  const http = createRequester(options)
  return {
    ...productCalls(http),
    ...listingCalls(http),
    ...packageCalls(http),
    ...propertyCalls(http),
    ...availabilityCalls(http),
    ...submissionCalls(http)
  }
}
