/**
 * The emulator's single request handler: admin routes (/_emulator/..., except the OIDC issuer),
 * Entra (token endpoints and /_emulator/oidc), the Ingestion API and the Graph product-ingestion
 * API (/rp/product-ingestion). Every non-admin request is
 * logged (request log and one stderr line); an unexpected exception becomes a 500 service error.
 */
import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { serviceError } from '../api/errors.js'
import { PRODUCT_INGESTION_PREFIX } from '../product-ingestion/index.js'
import { handleProductIngestionRequest } from '../product-ingestion/pipeline.js'
import { handleAdmin, isAdminPath } from './admin.js'
import { API_PREFIX, handleApiRequest } from './api-pipeline.js'
import { applyFaults, faultAnswered, type RequestOutcome } from './faults-on-wire.js'
import { readBody, sendReply } from './http.js'
import type { Runtime } from './runtime.js'

const TOKEN_PATH = /^\/[^/]+\/oauth2\/(v2\.0\/)?token\/?$/i

/** Each API the emulator serves, by its path prefix (matched case-insensitively). */
const APIS: { prefix: string; handle: typeof handleApiRequest }[] = [
  { prefix: API_PREFIX, handle: handleApiRequest },
  { prefix: PRODUCT_INGESTION_PREFIX, handle: handleProductIngestionRequest }
]

export function createRequestHandler(
  getRuntime: () => Runtime,
  options: { logRequests: boolean }
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const rt = getRuntime()
    const started = performance.now()
    const url = new URL(req.url ?? '/', 'http://emulator.invalid')
    const method = (req.method ?? 'GET').toUpperCase()
    const path = url.pathname

    if (isAdminPath(path)) {
      handleAdmin(rt, req, res, url).catch(error => fail(rt, res, method, path, error))
      return
    }
    route(rt, req, res, url)
      .catch((error): RequestOutcome => {
        const requestId = fail(rt, res, method, path, error)
        return { status: 500, requestId, validation: 'skipped' }
      })
      .then(outcome => {
        const ms = Math.round(performance.now() - started)
        rt.log.add({ time: new Date().toISOString(), method, path, ms, ...outcome })
        if (options.logRequests) {
          const fault = outcome.fault ? ` [fault: ${outcome.fault}]` : ''
          rt.logLine(`${method} ${path} ${outcome.status} ${ms}ms${fault}`)
        }
      })
  }
}

async function route(
  rt: Runtime,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL
): Promise<RequestOutcome> {
  const path = url.pathname
  const lower = path.toLowerCase()
  const api = APIS.find(a => lower === a.prefix || lower.startsWith(`${a.prefix}/`))
  if (api) return api.handle(rt, req, res, url)
  const body = await readBody(req)
  let fault: string | undefined
  if (TOKEN_PATH.test(path)) {
    const outcome = await applyFaults(
      rt.faults.onRequest({ method: req.method ?? 'GET', path, scope: 'token' }),
      res
    )
    if (outcome.answered) return faultAnswered(outcome)
    fault = outcome.label
  }
  if (await rt.entra.handle(req, res, url, body)) {
    return { status: res.statusCode, requestId: entraRequestId(res), validation: 'skipped', fault }
  }
  const requestId = sendReply(res, serviceError(404, `No endpoint at ${path}.`))
  return { status: 404, requestId, validation: 'skipped', fault }
}

/** Entra replies carry their own `x-ms-request-id`; successful ones may not. */
function entraRequestId(res: ServerResponse): string {
  const header = res.getHeader('x-ms-request-id')
  return typeof header === 'string' ? header : randomUUID()
}

/** Answers 500 when the reply has not started (otherwise drops the connection); returns its request id. */
function fail(
  rt: Runtime,
  res: ServerResponse,
  method: string,
  path: string,
  error: unknown
): string {
  rt.logLine(
    `unexpected error on ${method} ${path}: ${error instanceof Error ? error.message : String(error)}`
  )
  if (res.headersSent) {
    res.socket?.destroy()
    return ''
  }
  return sendReply(res, serviceError(500, 'Unable to complete request.'))
}
