/**
 * Turns a refused or failed upload request into one UPLOAD_FAILED error that names the file, the
 * Storage error code (from the XML body, parsed like every service error by `parseServiceError`)
 * and what to do. Never carries the SAS: only the URL's path goes into the error.
 */
import { PublishError, isPublishError } from '../errors.js'
import { redact } from '../http/redact.js'
import { parseServiceError } from '../http/service-error.js'
import type { HttpRequest, HttpResponse } from '../http/types.js'

/** What each Storage error code means for a publisher, and what to do about it. */
const HINTS: Record<string, string> = {
  AuthenticationFailed:
    'The upload URL was refused: its signature is wrong or it has expired (it is valid for about 24 hours). Re-run the workflow: the action requests a new upload URL.',
  AuthorizationFailure:
    'The upload URL was refused: it has expired or was revoked. Re-run the workflow: the action requests a new upload URL.',
  AuthorizationPermissionMismatch:
    'The upload URL does not allow writing (a read-only URL, as a package gets once it is marked Uploaded). Re-run the workflow: the action requests a new upload URL.',
  RequestBodyTooLarge:
    'The storage host refused the size of a request even once the file was sent in blocks of the smallest limit. Please report this with the request id.',
  ContainerNotFound:
    'The upload location no longer exists. Re-run the workflow: the action requests a new upload URL.',
  BlobNotFound:
    'The upload location no longer exists. Re-run the workflow: the action requests a new upload URL.',
  InvalidBlockList:
    'The storage host did not find every uploaded block (another run may have used the same upload URL). Re-run the workflow.',
  InvalidBlockId:
    'The storage host refused a block id (another run may have used the same upload URL). Re-run the workflow.'
}

const DEFAULT_HINT =
  'Re-run the workflow; if it keeps failing, check the Partner Center service status.'

/** The error for an upload request answered with anything but 201 Created. */
export function refusedUpload(
  fileName: string,
  step: string,
  request: HttpRequest,
  response: HttpResponse
): PublishError {
  const { code, message } = parseServiceError(response.text)
  const refusal = code ? `${response.status} ${code}` : `${response.status}`
  const said = message ? ` (${redact(message)})` : ''
  return new PublishError(
    'UPLOAD_FAILED',
    `Uploading ${fileName} failed: the storage host answered ${refusal} to ${step}${said}.`,
    {
      hint: (code && HINTS[code]) || DEFAULT_HINT,
      method: request.method,
      path: pathOf(request.url),
      status: response.status,
      serviceCode: code,
      requestId: response.headers['x-ms-request-id'] ?? response.requestId
    }
  )
}

/**
 * A request refused for the size of its body: 413, whatever the body says (a Storage host names
 * `RequestBodyTooLarge`; another hop in front of it may answer 413 with a page of its own).
 */
export function isSizeRefusal(error: unknown): error is PublishError {
  return isPublishError(error) && error.code === 'UPLOAD_FAILED' && error.details.status === 413
}

/** The path of a URL, never its query (the SAS). */
function pathOf(url: string): string {
  try {
    return new URL(url).pathname
  } catch {
    return ''
  }
}

/**
 * An error thrown while sending (network failure or timeout after the transport's retries, a
 * file-system error) as UPLOAD_FAILED naming the file. Cancellation, the time budget and an
 * insecure URL keep their own codes: they mean the same thing whatever was being sent.
 */
export function failedUpload(fileName: string, error: unknown): unknown {
  if (isPublishError(error)) {
    if (!['HTTP_NETWORK', 'HTTP_TIMEOUT', 'RETRY_EXHAUSTED'].includes(error.code)) return error
    return new PublishError('UPLOAD_FAILED', `Uploading ${fileName} failed: ${error.message}`, {
      ...error.details,
      hint: error.details.hint ?? DEFAULT_HINT,
      cause: error
    })
  }
  // Only file-system errors (ENOENT, EACCES, EISDIR...) are the publisher's to fix; anything else
  // is a bug and goes up unchanged to be reported as one.
  const reason = (error as NodeJS.ErrnoException | undefined)?.code
  if (typeof reason !== 'string' || !reason.startsWith('E')) return error
  return new PublishError(
    'UPLOAD_FAILED',
    `Uploading ${fileName} failed: the file could not be read (${reason}).`,
    { hint: 'Check that the file exists and is not changed while the action runs.', cause: error }
  )
}
