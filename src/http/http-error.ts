/**
 * Turns a non-2xx reply into a PublishError a person can act on: what we were doing, what the
 * service said (its own code and words), and the request id to quote to Microsoft support.
 */
import { PublishError, isPublishError } from '../errors.js'
import { redact, redactUrl } from './redact.js'
import { parseServiceError } from './service-error.js'
import type { HttpRequest, HttpResponse } from './types.js'

/** What to do about a status, when the service's own words do not say it. */
function hintFor(status: number): string | undefined {
  if (status === 401 || status === 403) {
    return 'Check that the Entra app is added to the Partner Center account as a user with the Manager role, and that tenant-id and client-id belong to that account.'
  }
  if (status === 404)
    return 'The resource does not exist (any more): check the offer, plan and IDs, and whether someone deleted it in Partner Center.'
  if (status === 409 || status === 412) {
    return 'Another change or submission is in progress for this offer (perhaps from Partner Center or a concurrent run); wait for it to finish and run again.'
  }
  if (status === 429)
    return 'The service is throttling requests; run again later or publish fewer offers at once (concurrency).'
  if (status >= 500)
    return 'The service had a transient failure; run the job again later. If it persists, quote the request id to Microsoft support.'
  return undefined
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname
  } catch {
    return redactUrl(url)
  }
}

/**
 * `what` says what we were doing, e.g. "update the package configuration of plan 'standard'".
 * Never throws, whatever the body holds.
 */
export function httpError(
  request: HttpRequest,
  response: HttpResponse,
  what: string
): PublishError {
  const path = pathOf(request.url)
  const service = parseServiceError(typeof response.text === 'string' ? response.text : '')
  // Entra ID and Blob Storage name their request id `x-ms-request-id`.
  const requestId =
    response.requestId ?? response.headers?.['request-id'] ?? response.headers?.['x-ms-request-id']
  const said = service.message
    ? `: ${service.code && !service.message.includes(service.code) ? `${service.code} ` : ''}${service.message}`
    : service.code
      ? `: ${service.code}`
      : ''
  const message = redact(
    `Could not ${what}: ${request.method} ${path} answered HTTP ${response.status}${said}` +
      (requestId ? ` (request-id ${requestId})` : '')
  )
  return new PublishError('HTTP_STATUS', message, {
    method: request.method,
    path: redact(path),
    status: response.status,
    ...(service.code ? { serviceCode: redact(service.code) } : {}),
    ...(requestId ? { requestId } : {}),
    ...(service.details
      ? {
          serviceDetails: service.details.map(d => ({
            ...d,
            ...(d.message ? { message: redact(d.message) } : {})
          }))
        }
      : {}),
    ...(hintFor(response.status) ? { hint: hintFor(response.status) } : {})
  })
}

/**
 * A connection that failed (no such host, refused, unreachable) is said as such, naming the
 * service and where its URL comes from (`hint`), since a typo in that URL is the likely cause.
 * Any other error is returned as it is.
 */
export function connectionError(
  error: unknown,
  service: string,
  url: string,
  hint: string
): unknown {
  if (!isPublishError(error) || error.code !== 'HTTP_NETWORK') return error
  return new PublishError(
    'HTTP_NETWORK',
    `Could not connect to ${service} at ${new URL(url).origin}: ${error.message}`,
    {
      ...error.details,
      hint: `${hint} If it is right, check the network path to it (proxy, firewall, DNS).`
    }
  )
}
