/**
 * The emulator, started in this process, as the service for the publish unit tests: one per test
 * file (Azurite included), made fresh for each test, reached through the real Ingestion client
 * over the real transport. Its simulated service runs on the test's fake clock, so certifications
 * of an hour take milliseconds. Tests read what was written from the emulator's request log and
 * state, not from a model of the API of their own.
 */
import { existsSync, readFileSync } from 'node:fs'
import { afterAll, beforeAll } from '@jest/globals'
import type { EmulatorConfig, SeedOffer } from '../../emulator/src/api/contract.js'
import type { Store } from '../../emulator/src/api/store.js'
import {
  DEFAULT_SEED_FILE,
  startEmulator,
  type ReadyInfo,
  type RunningEmulator
} from '../../emulator/src/emulator.js'
import type { RequestLogEntry } from '../../emulator/src/request-log.js'
import { DEFAULT_OPTIONS } from '../../emulator/src/server/options.js'
import { loadSeedFile } from '../../emulator/src/server/seed.js'
import type { TokenProvider } from '../../src/auth/types.js'
import { createTransport } from '../../src/http/transport.js'
import type { IngestionApi } from '../../src/ingestion/api.js'
import { createIngestionClient } from '../../src/ingestion/client.js'
import type { ProductIngestionApi } from '../../src/product-ingestion/api.js'
import { createProductIngestionClient } from '../../src/product-ingestion/client.js'
import type { UploadFn } from '../../src/publish/context.js'
import { azureAppZip, makeZip, navxApp, pngImage } from '../emulator/blob-fixtures.js'
import { fakeClock, type FakeClock } from './fake-clock.js'

export interface FreshOptions {
  /** The seed's offers instead of the default seed's. */
  offers?: SeedOffer[]
  /** Admin config changes, e.g. `{ rotateDraftInstances: false }`. */
  config?: Partial<EmulatorConfig>
  /** Packages the test uploads are zips without mainTemplate.json. */
  brokenPackages?: boolean
}

export interface TestService {
  clock: FakeClock
  /** A client for setting things up and reading them back (it adds to the request log). */
  api: IngestionApi
  /** A client for a run: cancelled by `signal`, bounded by `deadline` on the test clock. */
  client(o: { signal?: AbortSignal; deadline?: number }): IngestionApi
  /** The same for the Graph product-ingestion API (saas, virtual machine and container offers). */
  productIngestion(o: { signal?: AbortSignal; deadline?: number }): ProductIngestionApi
  productId(offerId: string): string
  /** Uploads the file (its content, or made-up content of its kind) and notes its name. */
  uploader(names: string[]): UploadFn
  /** The API requests logged since the test began or since `clearLog()`. */
  log(): Promise<RequestLogEntry[]>
  clearLog(): Promise<void>
  /** Operations (`METHOD template`) of the logged API writes, oldest first. */
  writes(): Promise<string[]>
  /** The collections listed, in order: `packages`, `submissions`. */
  lists(): Promise<string[]>
  state(): Promise<Store>
  faults(spec: string): Promise<void>
  config(changes: Partial<EmulatorConfig>): Promise<void>
}

const SPEED = 60
const COLLECTIONS: Record<string, string> = {
  'GET /products/{productID}/packages': 'packages',
  'GET /products/{productID}/submissions': 'submissions'
}

/** Starts the emulator before the file's first test and stops it after its last. */
export function useEmulator(): { fresh(options?: FreshOptions): Promise<TestService> } {
  let running: RunningEmulator | undefined
  let clock = fakeClock()
  beforeAll(async () => {
    running = await startEmulator({ ...DEFAULT_OPTIONS, port: 0, quiet: true }, () => clock.now())
  })
  afterAll(async () => {
    await running?.stop()
  })
  return {
    async fresh(options = {}) {
      if (!running) throw new Error('the emulator starts in beforeAll: call fresh() in a test')
      clock = fakeClock()
      return freshService(running.ready, clock, options)
    }
  }
}

async function freshService(
  ready: ReadyInfo,
  clock: FakeClock,
  options: FreshOptions
): Promise<TestService> {
  const admin = async (path: string, method = 'GET', body?: unknown): Promise<unknown> => {
    const reply = await fetch(`${ready.adminUrl}${path}`, {
      method,
      ...(body === undefined
        ? {}
        : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
    })
    const json: unknown = await reply.json()
    if (!reply.ok)
      throw new Error(`${method} ${path} answered ${reply.status}: ${JSON.stringify(json)}`)
    return json
  }
  // A new seed also resets; the default one is posted too, after a test that changed it.
  const seed = loadSeedFile(DEFAULT_SEED_FILE)
  const seeded = await admin('/seed', 'POST', { ...seed, offers: options.offers ?? seed.offers })
  const offers = (seeded as { offers: { offerId: string; productId: string }[] }).offers
  await admin('/config', 'PUT', { speed: SPEED, ...options.config })

  const tokens = tokenProvider(ready, 'https://api.partner.microsoft.com')
  const graphTokens = tokenProvider(ready, 'https://graph.microsoft.com')
  const client = (o: { signal?: AbortSignal; deadline?: number }): IngestionApi =>
    createIngestionClient({
      baseUrl: ready.apiBaseUrl,
      transport: createTransport({ clock, ...o }),
      tokens
    })
  const log = async (): Promise<RequestLogEntry[]> =>
    ((await admin('/requests')) as RequestLogEntry[]).filter(e => e.operation !== undefined)
  return {
    clock,
    api: client({}),
    client,
    productIngestion: o =>
      createProductIngestionClient({
        baseUrl: ready.productIngestionUrl,
        transport: createTransport({ clock, ...o }),
        tokens: graphTokens
      }),
    productId: offerId => {
      const offer = offers.find(o => o.offerId === offerId)
      if (!offer) throw new Error(`the seed has no offer ${offerId}`)
      return offer.productId
    },
    uploader: names => async (file, sasUrl) => {
      names.push(file.name)
      const reply = await fetch(sasUrl, {
        method: 'PUT',
        headers: { 'x-ms-blob-type': 'BlockBlob' },
        body: existsSync(file.path) ? readFileSync(file.path) : madeUp(file.name, options)
      })
      if (reply.status !== 201) throw new Error(`upload of ${file.name}: ${reply.status}`)
      return { bytes: file.size, ms: 5 }
    },
    log,
    clearLog: async () => void (await admin('/requests', 'DELETE')),
    writes: async () => (await log()).filter(e => e.method !== 'GET').map(e => e.operation!),
    lists: async () => (await log()).flatMap(e => COLLECTIONS[e.operation!] ?? []),
    state: async () => (await admin('/state')) as Store,
    faults: async spec => void (await admin('/faults', 'PUT', { spec })),
    config: async changes => void (await admin('/config', 'PUT', changes))
  }
}

/** Client-credential tokens for `resource` from the emulator's Entra, fetched once and again after a 401. */
function tokenProvider(ready: ReadyInfo, resource: string): TokenProvider {
  let token: Promise<string> | undefined
  const fetchToken = async (): Promise<string> => {
    const reply = await fetch(`${ready.authorityHost}/${ready.tenantId}/oauth2/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: ready.clientId,
        client_secret: ready.clientSecret,
        resource
      })
    })
    return ((await reply.json()) as { access_token: string }).access_token
  }
  return {
    getToken: () => (token ??= fetchToken()),
    invalidate: () => {
      token = undefined
    }
  }
}

/** Content the emulator accepts for a file of this kind (the fixtures name files that do not exist). */
function madeUp(name: string, options: FreshOptions): Buffer {
  if (name.endsWith('.app')) return navxApp()
  if (name.endsWith('.png')) return pngImage()
  return options.brokenPackages
    ? makeZip([{ name: 'readme.txt', data: 'no template' }])
    : azureAppZip()
}
