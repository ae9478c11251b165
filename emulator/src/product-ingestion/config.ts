/**
 * Where the evidence on the product-ingestion API is silent or contradicts itself and no reading
 * is safely the stricter one, the emulator's behaviour is a config field (`GET/PUT
 * /_emulator/config`, docs/decisions/product-ingestion-emulator.md).
 */

export interface ProductIngestionConfig {
  /**
   * `GET configure/{jobId}` of a failed job: `resources` lists what was processed (the docs), or
   * `not-found` answers 404 (one user's report, product-ingestion.md §4.3).
   */
  failedJobDetail: 'resources' | 'not-found'
  /**
   * A configure naming a product another job is still processing: `conflict` refuses it with
   * 409, `failed-job` accepts it and fails the job with a conflict error. Not documented.
   */
  concurrentConfigure: 'conflict' | 'failed-job'
  /**
   * Resource types whose `$schema` reads come back on the retired azureedge host, as cloudpub saw
   * for `property` in late 2025 (§3.3): clients must compare only `<type>/<version>`.
   */
  legacySchemaHostTypes: string[]
}

export const DEFAULT_PRODUCT_INGESTION_CONFIG: ProductIngestionConfig = {
  failedJobDetail: 'resources',
  concurrentConfigure: 'conflict',
  legacySchemaHostTypes: ['property']
}

/** Checks of each field for `PUT /_emulator/config`. */
export const PRODUCT_INGESTION_CONFIG_CHECKS: Record<string, (value: unknown) => boolean> = {
  failedJobDetail: v => v === 'resources' || v === 'not-found',
  concurrentConfigure: v => v === 'conflict' || v === 'failed-job',
  legacySchemaHostTypes: v => Array.isArray(v) && v.every(t => typeof t === 'string')
}
