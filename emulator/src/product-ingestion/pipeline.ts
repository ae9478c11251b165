/**
 * One request to /rp/product-ingestion/...: body → faults → bearer token for Graph → JSON → the
 * model → reply, each refusal in the Graph workload's error shape `{"error": {code, message,
 * details}}`. The sibling of server/api-pipeline.ts (Ingestion v1), sharing its fault and reply
 * helpers.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ApiReply } from '../api/contract.js'
import type { FaultAction } from '../faults.js'
import {
  applyFaults,
  faultAnswered,
  type FaultOutcome,
  type RequestOutcome
} from '../server/faults-on-wire.js'
import { BodyTooLarge, MAX_BODY_BYTES, parseJson, readBody, sendReply } from '../server/http.js'
import type { Runtime } from '../server/runtime.js'
import { errorReply } from './errors.js'
import { PRODUCT_INGESTION_PREFIX } from './reads.js'

/** The audience of tokens this API accepts (product-ingestion.md §2). */
export const GRAPH_RESOURCE = 'https://graph.microsoft.com'

export async function handleProductIngestionRequest(
  rt: Runtime,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL
): Promise<RequestOutcome> {
  const method = (req.method ?? 'GET').toUpperCase()
  // Set by faults: the clause that hit (for the log), and an `-after` kind (`503-after`,
  // `reset-after`): handle the request, then send that 5xx or drop the connection instead.
  const faulted: Pick<FaultOutcome, 'label' | 'afterEffect'> = {}
  const reply = (r: ApiReply, problems: string[] = []): RequestOutcome => {
    const validation = problems.length ? 'failed' : 'ok'
    const errors = problems.length ? { errors: problems } : {}
    const logged = { validation, ...errors, fault: faulted.label } as const
    if (faulted.afterEffect === 'reset') {
      res.socket?.destroy()
      return { status: 0, requestId: '', ...logged }
    }
    const sent = faulted.afterEffect ?? r
    return { status: sent.status, requestId: sendReply(res, sent), ...logged }
  }

  let raw: Buffer
  try {
    raw = await readBody(req)
  } catch (error) {
    if (!(error instanceof BodyTooLarge)) throw error
    res.setHeader('connection', 'close')
    const message = `The request body is larger than ${MAX_BODY_BYTES} bytes.`
    return reply({ status: 413, body: { error: { code: 'badRequest', message, details: [] } } })
  }

  const actions = rt.faults.onRequest({ method, path: url.pathname, scope: 'api' }).map(graphShaped)
  const fault = await applyFaults(actions, res)
  if (fault.answered) return faultAnswered(fault)
  Object.assign(faulted, { label: fault.label, afterEffect: fault.afterEffect })
  if (rt.faults.take('token-expiry')) rt.entra.expireAllTokens()

  const bearer = rt.entra.verifyBearer(req.headers.authorization, GRAPH_RESOURCE)
  if (!bearer.ok) {
    // Inferred: no 401 body of this workload is recorded; the code is the schema's `unauthorized`
    // (blueprint §10) and the header follows RFC 6750, as Azure front ends send it.
    const challenge = `Bearer error="invalid_token", error_description="${bearer.error.replace(/"/g, "'")}"`
    return reply(errorReply('unauthorized', bearer.error, [], { 'WWW-Authenticate': challenge }))
  }

  let path: string
  let body: unknown
  try {
    path = decodeURIComponent(url.pathname.slice(PRODUCT_INGESTION_PREFIX.length)) || '/'
    body = parseJson(raw)
  } catch (error) {
    const message = `The request is not valid: ${(error as Error).message}`
    return reply(errorReply('badRequest', message), [message])
  }
  const answer = rt.productIngestion.handle({ method, path, query: url.searchParams, body })
  return reply(answer.reply, answer.problems)
}

const FAULT_CODES: Record<number, string> = {
  409: 'conflict',
  429: 'tooManyRequests',
  500: 'internalServerError',
  503: 'serviceUnavailable'
}

/**
 * A fault's JSON body in this API's error shape (the kinds in emulator/FAULTS.md are the v1
 * service's). Inferred: the workload's throttling and 5xx bodies are unrecorded (§11 q2), so a
 * client should rely on the status and `Retry-After` only. HTML and empty bodies (Front Door's
 * 502 and 504) stay as they are.
 */
function graphShaped(action: FaultAction): FaultAction {
  if ((action.type !== 'respond' && action.type !== 'respond-after') || action.body === undefined)
    return action
  const contentType = Object.entries(action.headers ?? {}).find(
    ([n]) => n.toLowerCase() === 'content-type'
  )
  if (contentType && !/json/i.test(contentType[1])) return action
  const code = FAULT_CODES[action.status] ?? 'internalServerError'
  const message =
    action.status === 429
      ? 'Rate limit is exceeded. Try again later.'
      : 'Unable to complete the request.'
  return { ...action, body: { error: { code, message, details: [] } } }
}
