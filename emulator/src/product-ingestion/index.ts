/**
 * The emulator's model of the Graph product-ingestion API (product-ingestion.md):
 * `createProductIngestion(offers, context, persisted?)`. It answers requests already past the
 * HTTP pipeline (pipeline.ts: faults, bearer token), by path under `/rp/product-ingestion`:
 *
 *   POST configure                      202 configure-status: a job (configure.ts)
 *   GET  configure/{jobId}/status       configure-status (jobs.ts)
 *   GET  configure/{jobId}              configure-detail: the resources processed, with durable ids
 *   POST configure/{jobId}/cancel       configure-status completed/cancelled, or 400 once processed
 *   GET  resource-tree/product/{pg}     ?targetType=draft|preview|live (reads.ts)
 *   GET  product, plan                  queries (?externalId=, ?product=), paged
 *   GET  submission/{pg}[/{n}]          submissions
 *   GET  {durable-id}                   one draft resource
 *
 * Every call needs `$version` (the docs: "a required parameter for all calls").
 */
import type { ApiReply } from '../api/contract.js'
import { processJob } from './apply.js'
import { acceptConfigure } from './configure.js'
import type { PiContext } from './context.js'
import { badRequest, errorReply, notFound, PiError } from './errors.js'
import { jobState, settle, statusBody } from './jobs.js'
import {
  durableResource,
  envelopeSchema,
  plans,
  products,
  readForm,
  resourceTree,
  submissions,
  type ReadContext
} from './reads.js'
import { RESOURCE_TYPES } from './resource-types.js'
import { isVersion, parseSchemaUri } from './schema-uri.js'
import { seedProducts, type PiSeedOffer } from './seed.js'
import { cloneJson, emptyPiStore, isPiStore, type PiStore } from './store.js'

export { PRODUCT_INGESTION_PREFIX } from './reads.js'

export interface PiRequest {
  method: string
  /** The path after `/rp/product-ingestion`, percent-decoded, e.g. `/configure/<jobId>/status`. */
  path: string
  query: URLSearchParams
  /** Parsed JSON; undefined when empty. */
  body: unknown
}

export interface PiAnswer {
  reply: ApiReply
  /** Why the request was refused as invalid, for the request log; empty otherwise. */
  problems: string[]
}

export interface PiOfferSummary {
  offerId: string
  type: string
  durableId: string
  plans: { planId: string; durableId: string }[]
}

export interface ProductIngestionModel {
  handle(request: PiRequest): PiAnswer
  offers(): PiOfferSummary[]
  /** The whole store, settled to now (GET /_emulator/state, --state-dir). */
  snapshot(): PiStore
  /** Called after every change, so the server can persist. */
  onChange(listener: () => void): void
  /** SAS signatures of the asset URLs reads handed out (GET /_emulator/secrets). */
  issuedSignatures(): string[]
}

export function createProductIngestion(
  offers: readonly PiSeedOffer[],
  context: PiContext,
  persisted?: unknown
): ProductIngestionModel {
  const restored = isPiStore(persisted)
  const store: PiStore = restored ? cloneJson(persisted) : emptyPiStore()
  if (!restored) seedProducts(store, offers, context.now())
  const listeners: (() => void)[] = []
  const signatures: string[] = []
  const changed = (): void => listeners.forEach(listener => listener())
  const catchUp = (now: number): void => {
    if (settle(store, now, job => processJob(store, context, job))) changed()
  }

  const route = (request: PiRequest, version: string, now: number): PiAnswer => {
    const segments = request.path.split('/').filter(Boolean)
    const [first = '', second, third, fourth] = segments.map(s => s.toLowerCase())
    const r: ReadContext = { store, context, query: request.query, version, now, signatures }
    const ok = (body: unknown, status = 200): PiAnswer => ({
      reply: { status, body },
      problems: []
    })
    const allow = (method: string): void => {
      if (request.method !== method)
        throw new PiError(
          'methodNotAllowed',
          `${request.method} is not allowed on ${request.path}.`
        )
    }

    if (first === 'configure' && segments.length === 1) {
      allow('POST')
      const result = acceptConfigure(store, context, request.body, version, now)
      if (result.reply.status === 202) changed()
      return result
    }
    if (first === 'configure' && segments.length <= 3) {
      const job = store.jobs.find(j => j.jobId === second)
      if (!job) throw notFound(`configure/${second}`)
      const status = (): unknown =>
        statusBody(
          store,
          job,
          envelopeSchema('configure-status', version),
          now,
          context.config.speed
        )
      if (third === 'status' && segments.length === 3) {
        allow('GET')
        return ok(status())
      }
      if (third === 'cancel') {
        allow('POST')
        if (jobState(store, job, now, context.config.speed).status === 'completed')
          throw badRequest('Cannot cancel job, job has already completed.')
        // Inferred: once the draft edits are applied (only a publish is left), it is too far along.
        if (job.outcome) throw badRequest('Cannot cancel job, job has already been processed.')
        job.cancelledAt = now
        changed()
        return ok(status())
      }
      if (segments.length === 2) {
        allow('GET')
        const state = jobState(store, job, now, context.config.speed)
        // Inferred wording: the docs only say the call "will fail" before the job completes.
        if (state.status !== 'completed')
          throw badRequest(`The configure job ${job.jobId} has not completed.`)
        if (state.result === 'failed' && context.config.failedJobDetail === 'not-found')
          throw notFound(`configure/${job.jobId}`)
        return ok({
          $schema: envelopeSchema('configure-detail', version),
          resources: (job.outcome?.applied ?? []).map(resource => readForm(r, resource))
        })
      }
    }
    allow('GET')
    if (first === 'resource-tree' && second === 'product' && fourth === undefined && third)
      return ok(resourceTree(r, third))
    if ((first === 'product' || first === 'plan') && segments.length === 1)
      return ok(first === 'product' ? products(r, request.path) : plans(r, request.path))
    if (first === 'submission' && second && segments.length <= 3)
      return ok(submissions(r, second, third))
    if (RESOURCE_TYPES[first] && segments.length >= 2)
      return ok(durableResource(r, segments.join('/').toLowerCase()))
    throw notFound(request.path)
  }

  return {
    handle(request) {
      const now = context.now()
      catchUp(now)
      const version = request.query.get('$version')
      try {
        if (version === null)
          throw badRequest('The $version query parameter is required on every call.')
        if (!isVersion(version))
          throw badRequest(
            `$version must look like 2022-03-01-preview2 or 2022-07-01, got ${version}.`
          )
        return route(request, version, now)
      } catch (error) {
        if (!(error instanceof PiError)) throw error
        const problems = error.code === 'badRequest' ? [error.message] : []
        return { reply: errorReply(error.code, error.message, error.details), problems }
      }
    },
    offers: () =>
      store.products.map(p => ({
        offerId: p.externalId,
        type: p.type,
        durableId: `product/${p.guid}`,
        plans: Object.values(p.draft)
          .filter(resource => parseSchemaUri(resource.$schema)?.type === 'plan')
          .map(plan => ({
            planId: String((plan.identity as { externalId: string }).externalId),
            durableId: String(plan.id)
          }))
      })),
    snapshot() {
      catchUp(context.now())
      return cloneJson(store)
    },
    onChange(listener) {
      listeners.push(listener)
    },
    issuedSignatures: () => [...signatures]
  }
}
