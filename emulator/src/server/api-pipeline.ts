/**
 * One request to /v1.0/ingestion/...: body → faults → auth → JSON → spec validation, which finds
 * the request's operation in the spec → the model's handler for that operation → reply. Each step
 * that refuses answers as the service would, and the outcome goes to the request log.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ApiMethod, ApiReply, ApiRequest } from '../api/contract.js'
import { serviceError } from '../api/errors.js'
import {
  applyFaults,
  faultAnswered,
  type FaultOutcome,
  type RequestOutcome
} from './faults-on-wire.js'
import { BodyTooLarge, MAX_BODY_BYTES, parseJson, readBody, sendReply } from './http.js'
import type { Runtime } from './runtime.js'

export const API_PREFIX = '/v1.0/ingestion'

/** How each kind of validation failure is answered. */
const FAILURES = {
  'unknown-path': [404, 'Resource not found.'],
  'method-not-allowed': [405, 'Method not allowed.'],
  'invalid-request': [400, 'Request validation failed.']
} as const

export async function handleApiRequest(
  rt: Runtime,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL
): Promise<RequestOutcome> {
  const method = (req.method ?? 'GET').toUpperCase()
  // Set by an `-after` fault (`503-after`, `reset-after`): the request takes effect, then its
  // reply is a 5xx or is lost (status 0 in the log), the ambiguous case a client must resolve by
  // reading the state back.
  let afterEffect: FaultOutcome['afterEffect'] = undefined
  const reply = (r: ApiReply, extra: Partial<RequestOutcome> = {}): RequestOutcome => {
    if (afterEffect === 'reset') {
      res.socket?.destroy()
      return { status: 0, requestId: '', validation: 'skipped', ...extra }
    }
    const sent = afterEffect ?? r
    return { status: sent.status, requestId: sendReply(res, sent), validation: 'skipped', ...extra }
  }

  let raw: Buffer
  try {
    raw = await readBody(req)
  } catch (error) {
    if (!(error instanceof BodyTooLarge)) throw error
    res.setHeader('connection', 'close')
    return reply(serviceError(413, `The request body is larger than ${MAX_BODY_BYTES} bytes.`))
  }

  const fault = await applyFaults(
    rt.faults.onRequest({ method, path: url.pathname, scope: 'api' }),
    res
  )
  if (fault.answered) return faultAnswered(fault)
  const faultLabel = fault.label
  afterEffect = fault.afterEffect
  if (rt.faults.take('token-expiry')) rt.entra.expireAllTokens()

  const bearer = rt.entra.verifyBearer(req.headers.authorization)
  if (!bearer.ok) {
    // The evidence has no recorded 401 from the Ingestion API: the body follows the service's
    // error-string convention and the header follows RFC 6750, which Azure front ends send.
    return reply(
      {
        ...serviceError(401, 'Unauthorized. The access token is missing, invalid or expired.'),
        headers: {
          'WWW-Authenticate': `Bearer error="invalid_token", error_description="${bearer.error.replace(/"/g, "'")}"`
        }
      },
      { fault: faultLabel }
    )
  }

  let path: string
  let body: unknown
  try {
    path = decodeURIComponent(url.pathname.slice(API_PREFIX.length)) || '/'
  } catch {
    return reply(serviceError(400, 'The request path is not valid percent-encoding.'), {
      fault: faultLabel
    })
  }
  try {
    body = parseJson(raw)
  } catch (error) {
    return reply(
      serviceError(400, 'Request validation failed.', {
        body: [`not valid JSON: ${(error as Error).message}`]
      }),
      { validation: 'failed', errors: ['body: not valid JSON'], fault: faultLabel }
    )
  }

  const headers = lowerCaseHeaders(req)
  const checked = rt.validator.validate({ method, path, query: url.searchParams, headers, body })
  const matched = {
    ...(checked.operation ? { operation: checked.operation } : {}),
    ...(checked.leniencies?.length ? { leniencies: checked.leniencies } : {})
  }
  if (!checked.ok) {
    const [status, message] = FAILURES[checked.failure ?? 'invalid-request']
    return reply(serviceError(status, message, groupErrors(checked.errors)), {
      validation: 'failed',
      errors: checked.errors,
      fault: faultLabel,
      ...matched
    })
  }

  // The spec knows the operation; the model may not emulate it.
  const handle = checked.operation ? rt.model.operations[checked.operation] : undefined
  if (!handle) {
    return reply(serviceError(404, `The emulator does not model ${checked.operation}.`), {
      validation: 'ok',
      fault: faultLabel,
      ...matched
    })
  }
  const request: ApiRequest = {
    method: method as ApiMethod,
    params: checked.params ?? {},
    query: url.searchParams,
    headers,
    body: checked.body
  }
  const answer = await handle(request, rt.context)
  const outcome = reply(answer, { validation: 'ok', fault: faultLabel, ...matched })
  if (rt.checkReplies) {
    const replyCheck = rt.validator.validateReply(
      { method, path },
      { status: answer.status, body: answer.body }
    )
    if (!replyCheck.ok) {
      outcome.errors = replyCheck.errors
      rt.logLine(
        `reply of ${method} ${url.pathname} does not match the spec: ${replyCheck.errors.join('; ')}`
      )
    }
  }
  return outcome
}

/** Node already lower-cases header names; repeated headers become one comma-joined value. */
function lowerCaseHeaders(req: IncomingMessage): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.entries(req.headers).map(([name, v]) => [name, Array.isArray(v) ? v.join(', ') : v])
  )
}

/** `body /resourceType: must be ...` → `{ "body /resourceType": ["must be ..."] }`, the shape of
 *  the recorded `data` of a 400 (field → messages). */
function groupErrors(errors: string[]): Record<string, string[]> {
  const data: Record<string, string[]> = {}
  for (const error of errors) {
    const colon = error.indexOf(': ')
    const [field, message] =
      colon > 0 ? [error.slice(0, colon), error.slice(colon + 2)] : ['request', error]
    ;(data[field] ??= []).push(message)
  }
  return data
}
