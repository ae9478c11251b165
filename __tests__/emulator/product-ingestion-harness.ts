/**
 * Drives the emulator's product-ingestion model (emulator/src/product-ingestion) without a server:
 * the seed's offers, the published schemas, real faults and a clock the test moves, so job and
 * submission lifecycles are walked step by step instead of waited for.
 */
import { fileURLToPath } from 'node:url'
import { createFaults, type Faults } from '../../emulator/src/faults.js'
import {
  DEFAULT_PRODUCT_INGESTION_CONFIG,
  type ProductIngestionConfig
} from '../../emulator/src/product-ingestion/config.js'
import {
  createProductIngestion,
  type PiOfferSummary,
  type ProductIngestionModel
} from '../../emulator/src/product-ingestion/index.js'
import {
  loadResourceSchemas,
  type ResourceSchemas
} from '../../emulator/src/product-ingestion/schemas.js'
import { loadSeedFile } from '../../emulator/src/server/seed.js'

export const ORIGIN = 'http://127.0.0.1:8645'
export const V = '$version=2022-07-01'
export const SCHEMA = 'https://schema.mp.microsoft.com/schema'
export const SCHEMA_DIR = fileURLToPath(
  new URL('../../emulator/spec/product-ingestion/2022-03-01-preview2', import.meta.url)
)
export const SEED = loadSeedFile(
  fileURLToPath(new URL('../../examples/emulator-seed.yml', import.meta.url))
)

/** Wire bodies are read loosely; the assertions check their shapes. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Wire = any

let schemas: ResourceSchemas | undefined
/** Compiled once per test file: compiling is the costly part. */
export function resourceSchemas(): ResourceSchemas {
  return (schemas ??= loadResourceSchemas(SCHEMA_DIR))
}

export interface PiHarness {
  model: ProductIngestionModel
  config: { speed: number; pageSize: number } & ProductIngestionConfig
  faults: Faults
  offer(offerId: string): PiOfferSummary
  /** Moves the clock by realistic seconds (speed 1). */
  advance(seconds: number): void
  call(
    method: string,
    path: string,
    body?: unknown
  ): { status: number; body: Wire; problems: string[] }
  /** POST configure with `resources`, returning the job id (expects 202). */
  configure(resources: unknown[], version?: string): string
  /** Moves the clock until the job completes, then returns its final status. */
  finish(jobId: string): Wire
}

export function createPiHarness(): PiHarness {
  let now = Date.parse('2026-06-01T12:00:00Z')
  const config = { speed: 1, pageSize: 3, ...structuredClone(DEFAULT_PRODUCT_INGESTION_CONFIG) }
  const faults = createFaults('')
  const model = createProductIngestion(SEED.productIngestionOffers ?? [], {
    origin: () => ORIGIN,
    now: () => now,
    config,
    faults,
    schemas: resourceSchemas()
  })
  const call: PiHarness['call'] = (method, target, body) => {
    const url = new URL(target, 'http://x')
    const answer = model.handle({ method, path: url.pathname, query: url.searchParams, body })
    return { status: answer.reply.status, body: answer.reply.body, problems: answer.problems }
  }
  return {
    model,
    config,
    faults,
    offer: offerId => {
      const found = model.offers().find(o => o.offerId === offerId)
      if (!found) throw new Error(`no seeded offer ${offerId}`)
      return found
    },
    advance(seconds) {
      now += seconds * 1000
    },
    call,
    configure(resources, version = '2022-07-01') {
      const reply = call('POST', `/configure?$version=${version}`, {
        $schema: `${SCHEMA}/configure/2022-07-01`,
        resources
      })
      if (reply.status !== 202)
        throw new Error(`configure answered ${reply.status}: ${JSON.stringify(reply.body)}`)
      return reply.body.jobId
    },
    finish(jobId) {
      for (let hour = 0; hour < 48; hour++) {
        const status = call('GET', `/configure/${jobId}/status?${V}`).body
        if (status.jobStatus === 'completed') return status
        now += 3600_000
      }
      throw new Error(`job ${jobId} did not complete in 48 simulated hours`)
    }
  }
}

/** A submission resource publishing `product` to `target` (optionally promoting submission `id`). */
export function submission(product: string, target: 'preview' | 'live', id?: string): Wire {
  return {
    $schema: `${SCHEMA}/submission/2022-03-01-preview2`,
    ...(id ? { id } : {}),
    product,
    target: { targetType: target }
  }
}

/** The draft copy of a resource by durable id, with `id` removed, ready to re-post. */
export function editable(h: PiHarness, durableId: string): Wire {
  const reply = h.call('GET', `/${durableId}?${V}`)
  if (reply.status !== 200) throw new Error(`GET ${durableId} answered ${reply.status}`)
  return reply.body
}
