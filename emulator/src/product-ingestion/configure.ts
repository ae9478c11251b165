/**
 * `POST configure?$version=V` (product-ingestion.md §4.1): the checks the service makes before it
 * accepts a job, then 202 with the job's configure-status. Refusals answer synchronously:
 * - a `$schema` on the retired host: 400 "Schema … could not be accessed", no details (the real
 *   2025 reply, §3.3); an unknown type or version gets the same, as the service cannot fetch it;
 * - anything else invalid: 400 `badRequest` "Invalid configuration: schema validation failed" with
 *   one `schemaValidationError` per problem (cloudpub's fixture), naming the resource;
 * - a product another job is still processing: 409 `conflict` (config `concurrentConfigure`).
 */
import { randomUUID } from 'node:crypto'
import type { ApiReply } from '../api/contract.js'
import { SECONDS, simulatedMs, type PiContext } from './context.js'
import { errorReply, refOf, type ResourceRef } from './errors.js'
import { holdingJob, statusBody } from './jobs.js'
import { ENVELOPE_VERSIONS } from './resource-types.js'
import { compareVersions, newestAtOrBelow, parseSchemaUri, schemaUri } from './schema-uri.js'
import { isKnownSchema } from './schemas.js'
import { cloneJson, type Json, type PiStore } from './store.js'

/** Read-only fields a client must strip before re-posting what it read (§4.1, §9.4). */
const READ_ONLY: Record<string, string[]> = { submission: ['status', 'result', 'created'] }

export interface ConfigureResult {
  reply: ApiReply
  /** The schema problems, for the request log. */
  problems: string[]
}

interface Problem {
  schema: string
  message: string
  resourceId?: ResourceRef
}

export function acceptConfigure(
  store: PiStore,
  context: PiContext,
  body: unknown,
  version: string,
  now: number
): ConfigureResult {
  const envelope = (typeof body === 'object' && body !== null ? body : {}) as Json
  const resources = Array.isArray(envelope.resources) ? (envelope.resources as unknown[]) : []

  for (const uri of [envelope.$schema, ...resources.map(r => (r as Json | null)?.$schema)]) {
    const parsed = parseSchemaUri(uri)
    if (parsed?.host === 'legacy' || (parsed && !isKnownSchema(parsed.type, parsed.version))) {
      return {
        reply: errorReply('badRequest', `Schema ${String(uri)} could not be accessed`, null),
        problems: []
      }
    }
  }

  const problems: Problem[] = []
  const configure = parseSchemaUri(envelope.$schema)
  const configureUri = String(envelope.$schema ?? 'configure')
  const problem = (message: string, schema = configureUri, resourceId?: ResourceRef): void => {
    problems.push({ schema, message, ...(resourceId ? { resourceId } : {}) })
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    problem('The body must be a JSON object #')
  } else {
    if (!configure) problem('Required properties ["$schema"] were not present #')
    else if (configure.type !== 'configure')
      problem(`The body's $schema is ${configure.type}, not configure #/$schema`)
    for (const key of Object.keys(envelope).filter(k => k !== '$schema' && k !== 'resources')) {
      problem(
        `Property '${key}' has not been defined and the schema does not allow additional properties #`
      )
    }
    if (!Array.isArray(envelope.resources))
      problem('Required properties ["resources"] were not present #')
    else if (resources.length === 0)
      problem('Array item count 0 is less than minimum count of 1 #/resources')
  }
  if (configure && compareVersions(configure.version, version) > 0) {
    problem(
      `The schema version ${configure.version} is newer than the requested $version ${version} #/$schema`
    )
  }

  const names = new Set<string>()
  resources.forEach((item, index) => {
    const at = `#/resources/${index}`
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      problem(`The resource must be a JSON object ${at}`)
      return
    }
    const resource = item as Json
    const ref = refOf(resource)
    const parsed = parseSchemaUri(resource.$schema)
    if (!parsed) {
      problem(`Required properties ["$schema"] were not present ${at}`, configureUri, ref)
      return
    }
    const uri = String(resource.$schema)
    if (parsed.type === 'configure' || ENVELOPE_VERSIONS[parsed.type]) {
      problem(`${parsed.type} is not a resource type ${at}/$schema`, uri, ref)
      return
    }
    if (compareVersions(parsed.version, version) > 0) {
      problem(
        `The schema version ${parsed.version} is newer than the requested $version ${version} #/$schema`,
        uri,
        ref
      )
    }
    for (const message of context.schemas.validate(parsed.type, parsed.version, resource))
      problem(message, uri, ref)
    for (const field of ['validations', ...(READ_ONLY[parsed.type] ?? [])]) {
      if (field in resource)
        problem(`Property '${field}' is read-only: remove it before posting #/${field}`, uri, ref)
    }
    if (typeof resource.resourceName === 'string') {
      if (names.has(resource.resourceName))
        problem(
          `The resourceName ${resource.resourceName} is used twice in the request #/resourceName`,
          uri,
          ref
        )
      names.add(resource.resourceName)
    }
  })
  if (problems.length) {
    const details = problems.map(p => ({
      code: 'schemaValidationError',
      message: `Schema validation failed for schema ${p.schema}: ${p.message}`,
      ...(p.resourceId ? { resourceId: p.resourceId } : {})
    }))
    return {
      reply: errorReply('badRequest', 'Invalid configuration: schema validation failed', details),
      problems: details.map(d => d.message)
    }
  }

  const products = referencedProducts(store, resources as Json[])
  const holder = holdingJob(store, products, now)
  if (holder && context.config.concurrentConfigure === 'conflict') {
    const message = `Another configure job (${holder.jobId}) is processing this product; retry after it completes.`
    const details = [{ code: 'productLocked', message, details: [] }]
    return { reply: errorReply('conflict', message, details), problems: [] }
  }

  const job = {
    jobId: randomUUID(),
    createdAt: now,
    startAt: now + simulatedMs(context, SECONDS.jobStart),
    processAt: now + simulatedMs(context, SECONDS.jobProcessing),
    version: configure!.version,
    resources: cloneJson(resources as Json[]),
    products,
    ...(holder ? { blockedBy: holder.jobId } : {}),
    forcedFailure: context.faults.take('job-failed')
  }
  store.jobs.push(job)
  const schema = schemaUri(
    'configure-status',
    newestAtOrBelow(ENVELOPE_VERSIONS['configure-status'], version) ?? job.version
  )
  return {
    reply: { status: 202, body: statusBody(store, job, schema, now, context.config.speed) },
    problems: []
  }
}

/** The existing products a body names (by durable id or external id), which its job will hold. */
function referencedProducts(store: PiStore, resources: Json[]): string[] {
  const guids = new Set<string>()
  for (const resource of resources) {
    const ref =
      parseSchemaUri(resource.$schema)?.type === 'product' ? resource.id : resource.product
    const product =
      typeof ref === 'string'
        ? store.products.find(p => `product/${p.guid}` === ref.toLowerCase())
        : store.products.find(p => p.externalId === (ref as Json | undefined)?.externalId)
    if (product) guids.add(product.guid)
  }
  return [...guids]
}
