/**
 * Starts the whole emulator in this process: Azurite and its blob front, Entra, the Ingestion
 * API model, the Graph product-ingestion model, faults, the request log and the HTTP server that routes between them. main.ts is
 * the command line around it.
 */
import { once } from 'node:events'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import type {
  ApiContext,
  EmulatorConfig,
  IngestionModel,
  OfferSummary,
  Seed
} from './api/contract.js'
import { createIngestion } from './api/index.js'
import { startBlobStore, type BlobStore } from './blob/index.js'
import { createEntra, type Entra } from './entra/index.js'
import { createFaults, type Faults } from './faults.js'
import {
  DEFAULT_PRODUCT_INGESTION_CONFIG,
  type ProductIngestionConfig
} from './product-ingestion/config.js'
import {
  createProductIngestion,
  PRODUCT_INGESTION_PREFIX,
  type PiOfferSummary,
  type ProductIngestionModel
} from './product-ingestion/index.js'
import { GRAPH_RESOURCE } from './product-ingestion/pipeline.js'
import { loadResourceSchemas } from './product-ingestion/schemas.js'
import { createRequestLog } from './request-log.js'
import { API_PREFIX } from './server/api-pipeline.js'
import { createRequestHandler } from './server/dispatch.js'
import { OptionError, type EmulatorOptions } from './server/options.js'
import { createStateSaver, loadState, type StateSaver } from './server/persistence.js'
import type { Runtime } from './server/runtime.js'
import { loadSeedFile } from './server/seed.js'
import { createSpecValidator } from './validate/spec.js'

/** build/emulator/*.js → the repository root. */
export const DEFAULT_SEED_FILE = fileURLToPath(
  new URL('../../examples/emulator-seed.yml', import.meta.url)
)
const SPEC_FILE = fileURLToPath(
  new URL('../../emulator/spec/partner-ingestion-openapi.json', import.meta.url)
)
/** Microsoft's published product-ingestion schemas (byte-identical copies). */
const PRODUCT_INGESTION_SCHEMAS = fileURLToPath(
  new URL('../../emulator/spec/product-ingestion/2022-03-01-preview2', import.meta.url)
)

/** The resource of the Ingestion API; Entra also issues tokens for Graph (product ingestion). */
const RESOURCE = 'https://api.partner.microsoft.com'

/** The JSON line main.ts prints on stdout once the emulator listens. */
export interface ReadyInfo {
  ready: true
  origin: string
  authorityHost: string
  apiBaseUrl: string
  /** The Graph product-ingestion API's base URL (`…/rp/product-ingestion`). */
  productIngestionUrl: string
  adminUrl: string
  blobFrontOrigin: string
  tenantId: string
  clientId: string
  clientSecret: string
  oidc: { issuer: string; requestUrl: string; requestToken: string }
  offers: OfferSummary[]
  productIngestionOffers: PiOfferSummary[]
}

export interface RunningEmulator {
  ready: ReadyInfo
  stop(): Promise<void>
}

/**
 * Throws OptionError or SeedError (bad input: exit 2) or another Error (could not start).
 * `modelNow` is the clock of the simulated service (processing, validation, certification):
 * in-process tests pass their fake clock so the emulator's time follows theirs. Entra and the SAS
 * expiry that Azurite checks keep the real clock.
 */
export async function startEmulator(
  options: EmulatorOptions,
  modelNow: () => number = Date.now
): Promise<RunningEmulator> {
  let seed = loadSeedFile(options.seedFile ?? DEFAULT_SEED_FILE)
  let faults: Faults
  try {
    faults = createFaults(options.faults)
  } catch (error) {
    throw new OptionError(`--faults: ${(error as Error).message}`)
  }
  let persisted: unknown
  try {
    persisted = options.stateDir ? loadState(options.stateDir) : undefined
  } catch (error) {
    throw new OptionError(`--state-dir: ${(error as Error).message}`)
  }
  const validator = createSpecValidator(SPEC_FILE)
  const schemas = loadResourceSchemas(PRODUCT_INGESTION_SCHEMAS)
  const config: EmulatorConfig & ProductIngestionConfig = {
    ...DEFAULT_PRODUCT_INGESTION_CONFIG,
    speed: options.speed,
    pageSize: options.pageSize,
    etagMismatch: options.etagMismatch,
    tokenLifetimeSeconds: options.tokenLifetimeSeconds,
    rotateDraftInstances: options.rotateDraftInstances,
    keepSubmittedInstances: options.keepSubmittedInstances,
    sasVersion: options.sasVersion,
    submissionChecks: options.submissionChecks
  }
  const logLine = (line: string): void => void process.stderr.write(`${line}\n`)

  const blob: BlobStore = await startBlobStore({
    host: options.host,
    sasVersion: options.sasVersion,
    ignoreVersionHeader: options.ignoreVersionHeader,
    location: options.blobLocation,
    now: Date.now
  })
  let origin = ''
  const context: ApiContext = { origin: () => origin, config, now: modelNow, blob, faults }
  const log = createRequestLog()
  const makeEntra = (s: Seed): Entra =>
    createEntra({
      tenantId: s.tenantId,
      apps: s.apps,
      tokenLifetimeSeconds: config.tokenLifetimeSeconds,
      resource: RESOURCE,
      otherResources: [GRAPH_RESOURCE],
      origin: () => origin,
      now: Date.now,
      oidcSubject: s.oidcSubject
    })

  let model: IngestionModel
  let productIngestion: ProductIngestionModel
  // One state for both APIs: the v1 store with the product-ingestion store under its own key.
  const snapshot = (): unknown => ({
    ...(model.snapshot() as object),
    productIngestion: productIngestion.snapshot()
  })
  const saver: StateSaver | undefined = options.stateDir
    ? createStateSaver(options.stateDir, snapshot, error =>
        logLine(`cannot save the state: ${error.message}`)
      )
    : undefined
  const makeModel = (s: Seed, state?: unknown): IngestionModel => {
    const created = createIngestion(s, context, state)
    if (saver) created.onChange(() => saver.changed())
    return created
  }
  const makeProductIngestion = (s: Seed, state?: unknown): ProductIngestionModel => {
    const created = createProductIngestion(
      s.productIngestionOffers ?? [],
      { origin: () => origin, now: modelNow, config, faults, schemas },
      state
    )
    if (saver) created.onChange(() => saver.changed())
    return created
  }

  let entra = makeEntra(seed)
  try {
    model = makeModel(seed, persisted)
    productIngestion = makeProductIngestion(
      seed,
      (persisted as { productIngestion?: unknown } | undefined)?.productIngestion
    )
  } catch (error) {
    await blob.stop()
    if (persisted === undefined) throw error
    throw new OptionError(
      `--state-dir: the saved state cannot be loaded: ${(error as Error).message}`
    )
  }

  const runtime: Runtime = {
    get seed() {
      return seed
    },
    get model() {
      return model
    },
    get productIngestion() {
      return productIngestion
    },
    get entra() {
      return entra
    },
    config,
    context,
    faults,
    log,
    blob,
    validator,
    checkReplies: options.checkReplies,
    logLine,
    snapshot,
    reset(newSeed) {
      if (newSeed) {
        seed = newSeed
        entra = makeEntra(seed)
      }
      model = makeModel(seed)
      productIngestion = makeProductIngestion(seed)
      log.clear()
      faults.reset()
      saver?.changed()
    }
  }

  const server = createServer(createRequestHandler(() => runtime, { logRequests: !options.quiet }))
  try {
    // once() rejects when the server emits 'error' first (port in use).
    await once(server.listen(options.port, options.host), 'listening')
  } catch (error) {
    await blob.stop()
    throw new Error(`cannot listen on ${options.host}:${options.port}: ${(error as Error).message}`)
  }
  const { port } = server.address() as AddressInfo
  origin = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`

  const app = seed.apps.find(a => a.clientSecret) ?? seed.apps[0]
  const ready: ReadyInfo = {
    ready: true,
    origin,
    authorityHost: origin,
    apiBaseUrl: `${origin}${API_PREFIX}`,
    productIngestionUrl: `${origin}${PRODUCT_INGESTION_PREFIX}`,
    adminUrl: `${origin}/_emulator`,
    blobFrontOrigin: blob.frontOrigin,
    tenantId: seed.tenantId,
    clientId: app.clientId,
    clientSecret: app.clientSecret ?? '',
    oidc: entra.oidcInfo(),
    offers: model.offers(),
    productIngestionOffers: productIngestion.offers()
  }

  let stopping: Promise<void> | undefined
  return {
    ready,
    stop: () =>
      (stopping ??= (async () => {
        await new Promise<void>(resolve => {
          server.close(() => resolve())
          server.closeAllConnections()
        })
        saver?.flush()
        await blob.stop()
      })())
  }
}
