/**
 * ProductIngestionApi over the shared transport, the sibling of src/ingestion/client.ts: the
 * requester of the Ingestion client with `$version` on every call (requester.ts), a Graph token
 * (src/auth, resource `https://graph.microsoft.com`), and a module per family of calls.
 */
import type { RequesterOptions } from '../ingestion/requester.js'
import type { ProductIngestionApi } from './api.js'
import { configureCalls } from './configure.js'
import { readCalls } from './reads.js'
import { createPiRequester } from './requester.js'

/** `baseUrl` is the product-ingestion URL, e.g. `https://graph.microsoft.com/rp/product-ingestion`. */
export type ProductIngestionClientOptions = RequesterOptions

export function createProductIngestionClient(
  options: ProductIngestionClientOptions
): ProductIngestionApi {
  const http = createPiRequester(options)
  return { ...configureCalls(http), ...readCalls(http) }
}
