/**
 * What the publish sequence needs from the Graph product-ingestion API (product-ingestion.md §4).
 * One implementation (client.ts, over the shared requester and transport); tests swap the
 * transport, never this logic.
 *
 * Every call sends `$version` (schema.ts) and resolves with the service's reply, checked for the
 * fields the action relies on; failures reject with a PublishError (HTTP_*, with method, path
 * without query, status, the service's code, request id and `serviceDetails`).
 */
import type {
  ConfigureStatus,
  Resource,
  ResourceTree,
  SubmissionEntry,
  TargetType
} from './types.js'

export interface ProductIngestionApi {
  // configure jobs
  /**
   * `POST configure`: starts a job for these resources (202 with its status). Never repeated
   * blindly: a replayed POST starts a second job (§4.8); the caller reads back what it did.
   */
  configure(resources: Resource[]): Promise<ConfigureStatus>
  getJobStatus(jobId: string): Promise<ConfigureStatus>
  /** The resources a completed job processed, with their durable ids (§4.3). */
  getJobDetail(jobId: string): Promise<Resource[]>
  cancelJob(jobId: string): Promise<ConfigureStatus>

  // reads
  /** `GET product?externalId=`: the product of an offer ID, undefined when there is none. */
  findProduct(offerId: string): Promise<Resource | undefined>
  /** `GET plan?product=&externalId=`: a plan of the product by plan ID. */
  findPlan(productId: string, planId: string): Promise<Resource | undefined>
  /** Every resource of the product in one target (draft, or the latest preview or live). */
  getResourceTree(productId: string, target: TargetType): Promise<ResourceTree>
  /** One draft resource by durable id (`virtual-machine-plan-technical-configuration/<pg>/<plg>`). */
  getResource(durableId: string): Promise<Resource>
  /** The draft, preview and live submissions of the product (`GET submission/<pg>`). */
  listSubmissions(productId: string, target?: TargetType): Promise<SubmissionEntry[]>
  getSubmission(submissionId: string): Promise<SubmissionEntry>
}
