/**
 * The product-ingestion API's shapes as this action reads and writes them
 * (product-ingestion.md §4, catalogue §2–§5). Resources stay open records: the action changes
 * only the fields the manifest states and sends the rest back as it read them.
 */

/** A resource: `$schema`, its durable `id` once it exists, and its type's fields. */
export interface Resource {
  $schema: string
  id?: string
  /** Names a resource created in the same request, for references and errors (§3.2). */
  resourceName?: string
  [field: string]: unknown
}

/** How a request or an error names a resource (§3.2). */
export type ResourceRef = string | { resourceName: string } | { externalId: string }

export type TargetType = 'draft' | 'preview' | 'live'

/** An `errors[]` item of a job, or of a refused request's `details` (§4.2). */
export interface JobError {
  code: string
  message?: string
  resourceId?: ResourceRef
  details?: JobError[]
}

/** `notStarted` → `running` → `completed`; the docs' tables capitalise them (§4.2). */
export type JobStatus = 'notStarted' | 'running' | 'completed'
export type JobResult = 'pending' | 'succeeded' | 'failed' | 'cancelled'

/** The configure-status of a job (POST configure, GET configure/{jobId}/status). */
export interface ConfigureStatus {
  jobId: string
  jobStatus: string
  jobResult: string
  jobStart?: string
  jobEnd?: string
  errors?: JobError[]
}

/** `GET resource-tree/product/{pg}`: every resource of the product in one target (§4.5). */
export interface ResourceTree {
  root: string
  target?: { targetType: string }
  resources: Resource[]
}

/** An entry of `GET submission/{pg}`: the draft `…/0`, the preview and the live submission. */
export interface SubmissionEntry {
  id: string
  product?: string
  target: { targetType: string }
  /** Absent on the draft entry. */
  status?: string
  result?: string
  created?: string
}
