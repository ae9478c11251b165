/**
 * The product-ingestion driver against the emulator's model of the API (no third model of it):
 * the model behind a loopback server, the real transport and client, a stub token provider, and
 * one test clock that both the action's waits and the model's job and submission lifecycles run
 * on, so certification takes no real time. `intercept` lets a test change what happens to one
 * request (lose the reply after it took effect, answer 503 before it does, let a colleague write
 * in between).
 */
import type { ServerResponse } from 'node:http'
import { fileURLToPath } from 'node:url'
import { createFaults, type Faults } from '../../emulator/src/faults.js'
import { DEFAULT_PRODUCT_INGESTION_CONFIG } from '../../emulator/src/product-ingestion/config.js'
import {
  createProductIngestion,
  type PiOfferSummary,
  type ProductIngestionModel
} from '../../emulator/src/product-ingestion/index.js'
import { createTransport } from '../../src/http/transport.js'
import type { IngestionApi } from '../../src/ingestion/api.js'
import { loadManifest } from '../../src/manifest/load.js'
import type { OfferIdentity } from '../../src/manifest/model.js'
import {
  isProductIngestionOffer,
  type ProductIngestionOfferSpec
} from '../../src/manifest/model-product-ingestion.js'
import type { ProductIngestionApi } from '../../src/product-ingestion/api.js'
import { createProductIngestionClient } from '../../src/product-ingestion/client.js'
import { OfferRun, type PublishDeps } from '../../src/publish/context.js'
import type { Settings } from '../../src/settings.js'
import { resourceSchemas, SEED } from '../emulator/product-ingestion-harness.js'
import { stubTokens } from './client-test-kit.js'
import { reply, startServer, testClock, type Received, type TestServer } from './http-test-kit.js'
import { settings } from './publish-fixtures.js'

export interface ModelCall {
  method: string
  /** Path after /rp/product-ingestion, without the query. */
  path: string
  query: URLSearchParams
  body: unknown
}

/** What a test does with one request instead of the normal answer; undefined: answer normally. */
export type Intercept = (
  call: ModelCall,
  answer: () => { status: number; body: unknown },
  res: ServerResponse
) => boolean | undefined | Promise<boolean | undefined>

export interface PiKit {
  model: ProductIngestionModel
  faults: Faults
  server: TestServer
  api: ProductIngestionApi
  clock: ReturnType<typeof testClock>
  /** The model's requests in order (what the action sent). */
  calls: ModelCall[]
  /** The configure bodies the action sent. */
  configures(): { $schema: string; resources: Record<string, unknown>[] }[]
  offer(offerId: string): PiOfferSummary
  /** A fresh OfferRun of `spec` (or, for a follow, only an offer's identity) with these settings. */
  run<O extends OfferIdentity>(spec: O, overrides?: Partial<Settings>): PiTestRun<O>
  /** Sends a configure straight to the model, as a colleague in Partner Center would, and lets its job run. */
  colleague(resources: unknown[]): Promise<void>
  intercept(handler: Intercept | undefined): void
  /** The first request to `path` takes effect, then its connection drops: the reply is lost. */
  loseFirstReply(path: string): void
  close(): Promise<void>
}

export interface PiTestRun<O extends OfferIdentity> {
  run: OfferRun<O>
  lines: string[]
}

/** `speed`: realistic durations are divided by it (1: a job holds the product for a minute). */
export async function startPiKit(faultSpec = '', speed = 3600): Promise<PiKit> {
  const clock = testClock(Date.parse('2026-06-01T12:00:00Z'))
  const faults = createFaults(faultSpec)
  let origin = ''
  const model = createProductIngestion(SEED.productIngestionOffers ?? [], {
    origin: () => origin,
    now: () => clock.now(),
    config: { speed, pageSize: 3, ...structuredClone(DEFAULT_PRODUCT_INGESTION_CONFIG) },
    faults,
    schemas: resourceSchemas()
  })
  const calls: ModelCall[] = []
  let intercept: Intercept | undefined
  const handle = (call: ModelCall) => {
    const answer = model.handle(call)
    return { status: answer.reply.status, body: answer.reply.body }
  }
  const server = await startServer(async (request: Received, res) => {
    const url = new URL(request.url, 'http://x')
    const call: ModelCall = {
      method: request.method,
      path: decodeURIComponent(url.pathname.replace(/^\/rp\/product-ingestion/, '')),
      query: url.searchParams,
      body: request.body ? JSON.parse(request.body) : undefined
    }
    calls.push(call)
    if (await intercept?.(call, () => handle(call), res)) return
    const { status, body } = handle(call)
    reply(res, status, body)
  })
  origin = server.origin
  const transport = createTransport({ clock, random: () => 0, maxAttempts: 2 })
  const api = createProductIngestionClient({
    baseUrl: `${server.origin}/rp/product-ingestion`,
    transport,
    tokens: stubTokens()
  })
  return {
    model,
    faults,
    server,
    api,
    clock,
    calls,
    configures: () =>
      calls
        .filter(c => c.method === 'POST' && c.path === '/configure')
        .map(c => c.body as { $schema: string; resources: Record<string, unknown>[] }),
    offer: offerId => {
      const found = model.offers().find(o => o.offerId === offerId)
      if (!found) throw new Error(`no seeded offer ${offerId}`)
      return found
    },
    run(spec, overrides = {}) {
      const lines: string[] = []
      const controller = new AbortController()
      const deps: PublishDeps = {
        api: NO_INGESTION_API,
        productIngestion: api,
        settings: settings(overrides),
        clock,
        signal: controller.signal,
        deadline: clock.now() + 6 * 3600_000,
        upload: async () => ({ bytes: 0, ms: 0 }),
        progress: (_offer, message) => lines.push(message),
        warn: (_offer, message) => lines.push(`warning: ${message}`),
        debug: () => undefined,
        uploadConcurrency: 1
      }
      return { run: new OfferRun(deps, spec), lines }
    },
    async colleague(resources) {
      const answer = model.handle({
        method: 'POST',
        path: '/configure',
        query: new URLSearchParams('$version=2022-07-01'),
        body: { $schema: 'https://schema.mp.microsoft.com/schema/configure/2022-07-01', resources }
      })
      if (answer.reply.status !== 202)
        throw new Error(`the colleague's configure answered ${answer.reply.status}`)
      await clock.sleep(120_000)
    },
    intercept: handler => {
      intercept = handler
    },
    loseFirstReply(path) {
      let lost = false
      intercept = (call, answer, res) => {
        if (lost || call.path !== path) return undefined
        lost = true
        answer()
        res.socket?.destroy()
        return true
      }
    },
    close: () => server.close()
  }
}

/** The Ingestion API v1 of a run whose offer goes through product ingestion: any call is a bug. */
const NO_INGESTION_API = new Proxy({} as IngestionApi, {
  get: (_target, name) => () => {
    throw new Error(`a product-ingestion offer called the Ingestion API (${String(name)})`)
  }
})

const examples = fileURLToPath(new URL('../../examples', import.meta.url))

/** An offer of examples/marketplace.yml (the seed's offers), loaded for version 1.2.3. */
export async function exampleOffer(offerId: string): Promise<ProductIngestionOfferSpec> {
  const manifest = await loadManifest(`${examples}/marketplace.yml`, {
    version: '1.2.3',
    workspace: examples
  })
  const offer = manifest.offers.find(o => o.offerId === offerId)
  if (!offer || !isProductIngestionOffer(offer)) throw new Error(`no ${offerId} in the example`)
  return offer
}
