/**
 * Admin endpoints of the emulator (`/_emulator/...`), for tests and the demo: health, state, the
 * request log, reset and seed, faults, token expiry, config and issued secrets. Each is listed with
 * its effect in emulator/README.md ("Admin endpoints"). No authentication: the emulator listens on
 * loopback. Not logged in the request log. Replies are JSON; errors are `{"error": "..."}` with 400
 * (bad input), 404 (no such endpoint) or 405.
 *
 * /_emulator/oidc/... is not admin: it is the GitHub OIDC test issuer (entra/github-oidc.ts).
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { EmulatorConfig } from '../api/contract.js'
import { PRODUCT_INGESTION_CONFIG_CHECKS } from '../product-ingestion/config.js'
import { parseJson, readBody, sendReply } from './http.js'
import type { Runtime } from './runtime.js'
import { checkSeed, SeedError } from './seed.js'

const ADMIN_PREFIX = '/_emulator/'
const OIDC_PREFIX = '/_emulator/oidc'

export function isAdminPath(path: string): boolean {
  const lower = path.toLowerCase()
  return lower.startsWith(ADMIN_PREFIX) && !lower.startsWith(OIDC_PREFIX)
}

class AdminError extends Error {
  constructor(
    readonly status: number,
    message: string
  ) {
    super(message)
  }
}

type Handler = (rt: Runtime, body: unknown) => unknown

const ENDPOINTS: Record<string, Partial<Record<string, Handler>>> = {
  health: {
    GET: rt => ({
      ok: true,
      pid: process.pid,
      azuritePid: rt.blob.azuritePid,
      blobFrontOrigin: rt.blob.frontOrigin
    })
  },
  state: { GET: rt => rt.snapshot() },
  requests: {
    GET: rt => rt.log.entries(),
    DELETE: rt => {
      rt.log.clear()
      return { ok: true }
    }
  },
  reset: {
    POST: rt => {
      rt.reset()
      return resetReply(rt)
    }
  },
  seed: {
    POST: (rt, body) => {
      let seed
      try {
        seed = checkSeed(body, 'seed')
      } catch (error) {
        if (error instanceof SeedError) throw new AdminError(400, error.message)
        throw error
      }
      rt.reset(seed)
      return resetReply(rt)
    }
  },
  faults: {
    GET: rt => rt.faults.describe(),
    PUT: (rt, body) => {
      const spec = (body as { spec?: unknown } | undefined)?.spec
      if (typeof spec !== 'string')
        throw new AdminError(400, 'body must be {"spec": "<fault spec>"}')
      try {
        rt.faults.configure(spec)
      } catch (error) {
        throw new AdminError(400, (error as Error).message)
      }
      return rt.faults.describe()
    },
    DELETE: rt => {
      rt.faults.reset()
      return rt.faults.describe()
    }
  },
  'tokens/expire': {
    POST: rt => {
      rt.entra.expireAllTokens()
      return { ok: true }
    }
  },
  config: {
    GET: rt => rt.config,
    PUT: (rt, body) => {
      applyConfig(rt, body)
      return rt.config
    }
  },
  secrets: {
    GET: rt => ({
      clientSecrets: rt.seed.apps.flatMap(app => (app.clientSecret ? [app.clientSecret] : [])),
      ...rt.entra.issued(),
      sasSignatures: [...rt.blob.issuedSignatures(), ...rt.productIngestion.issuedSignatures()]
    })
  }
}

export async function handleAdmin(
  rt: Runtime,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL
): Promise<void> {
  const name = url.pathname.slice(ADMIN_PREFIX.length).replace(/\/+$/, '').toLowerCase()
  const method = (req.method ?? 'GET').toUpperCase()
  const endpoint = ENDPOINTS[name]
  try {
    if (!endpoint) throw new AdminError(404, `no admin endpoint ${url.pathname}`)
    const handler = endpoint[method]
    if (!handler)
      throw new AdminError(
        405,
        `${method} is not allowed on ${url.pathname} (allowed: ${Object.keys(endpoint).join(', ')})`
      )
    let body: unknown
    try {
      body = parseJson(await readBody(req))
    } catch (error) {
      throw new AdminError(400, `body is not valid JSON: ${(error as Error).message}`)
    }
    sendReply(res, { status: 200, body: handler(rt, body) ?? null })
  } catch (error) {
    if (!(error instanceof AdminError)) throw error
    sendReply(res, { status: error.status, body: { error: error.message } })
  }
}

const CONFIG_CHECKS: Record<string, (value: unknown) => boolean> = {
  speed: v => typeof v === 'number' && Number.isFinite(v) && v > 0,
  pageSize: v => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 1000,
  tokenLifetimeSeconds: v => Number.isInteger(v) && (v as number) >= 1,
  etagMismatch: v => v === 412 || v === 409,
  rotateDraftInstances: v => typeof v === 'boolean',
  keepSubmittedInstances: v => typeof v === 'boolean',
  submissionChecks: v => v === 'basic' || v === 'strict',
  ...PRODUCT_INGESTION_CONFIG_CHECKS
}

const resetReply = (rt: Runtime): unknown => ({
  ok: true,
  offers: rt.model.offers(),
  productIngestionOffers: rt.productIngestion.offers()
})

/** Checks every field first, so a bad one changes nothing. */
function applyConfig(rt: Runtime, body: unknown): void {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new AdminError(400, 'body must be a JSON object of config fields')
  const changes = body as Record<string, unknown>
  for (const [field, value] of Object.entries(changes)) {
    const check = CONFIG_CHECKS[field]
    if (!check) {
      const why =
        field === 'sasVersion' ? 'is fixed at start (--sas-version)' : 'is not a config field'
      throw new AdminError(
        400,
        `${field} ${why}; settable: ${Object.keys(CONFIG_CHECKS).join(', ')}`
      )
    }
    if (!check(value))
      throw new AdminError(400, `${field} has an invalid value ${JSON.stringify(value)}`)
  }
  Object.assign(rt.config as EmulatorConfig, changes)
  if (changes.tokenLifetimeSeconds !== undefined)
    rt.entra.setTokenLifetime(rt.config.tokenLifetimeSeconds)
}
