/**
 * Starts the whole emulator in this process: Azurite and its blob front, Entra, the Ingestion
 * API model, faults, the request log and the HTTP server that routes between them. main.ts is
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

/** The only resource the emulated Entra issues tokens for. */
const RESOURCE = 'https://api.partner.microsoft.com'

/** The JSON line main.ts prints on stdout once the emulator listens. */
export interface ReadyInfo {
  ready: true
  origin: string
  authorityHost: string
  apiBaseUrl: string
  adminUrl: string
  blobFrontOrigin: string
  tenantId: string
  clientId: string
  clientSecret: string
  oidc: { issuer: string; requestUrl: string; requestToken: string }
  offers: OfferSummary[]
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
  const config: EmulatorConfig = {
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
      origin: () => origin,
      now: Date.now,
      oidcSubject: s.oidcSubject
    })

  let model: IngestionModel
  const saver: StateSaver | undefined = options.stateDir
    ? createStateSaver(
        options.stateDir,
        () => model.snapshot(),
        error => logLine(`cannot save the state: ${error.message}`)
      )
    : undefined
  const makeModel = (s: Seed, state?: unknown): IngestionModel => {
    const created = createIngestion(s, context, state)
    if (saver) created.onChange(() => saver.changed())
    return created
  }

  let entra = makeEntra(seed)
  try {
    model = makeModel(seed, persisted)
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
    reset(newSeed) {
      if (newSeed) {
        seed = newSeed
        entra = makeEntra(seed)
      }
      model = makeModel(seed)
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
    adminUrl: `${origin}/_emulator`,
    blobFrontOrigin: blob.frontOrigin,
    tenantId: seed.tenantId,
    clientId: app.clientId,
    clientSecret: app.clientSecret ?? '',
    oidc: entra.oidcInfo(),
    offers: model.offers()
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
