/**
 * A refused configure request (400 with `details`) or a failed job (`errors[]`) as one error per
 * problem, each at the manifest line of the resource it names (product-ingestion.md §4.1–§4.2).
 * The reason sits in nested `details` (the top level may say only "Invalid resource"), so every
 * leaf is reported with the messages above it.
 */
import { PublishError, type ErrorCode, type ServiceErrorDetail } from '../../errors.js'
import { redact } from '../../http/redact.js'
import type { JobError } from '../../product-ingestion/types.js'
import type { SourceMap } from './sources.js'

/** One problem, in the shape the report expands into an annotation (errors.ts causeRows). */
interface Problem {
  errorCode: string
  message: string
  source: ReturnType<SourceMap>['source']
}

/** Top-level messages that add nothing to the reason below them. */
const GENERIC =
  /^(invalid resource|operation failed|invalid configuration: schema validation failed)\.?$/i

export function problemsOf(
  errors: readonly (JobError | ServiceErrorDetail)[],
  where: SourceMap
): Problem[] {
  const problems: Problem[] = []
  const walk = (error: JobError | ServiceErrorDetail, path: string[], resource: unknown): void => {
    const named = error.resourceId ?? resource
    const message = error.message && !GENERIC.test(error.message) ? [...path, error.message] : path
    const details = 'details' in error && Array.isArray(error.details) ? error.details : []
    if (details.length) {
      for (const detail of details) walk(detail, message, named)
      return
    }
    const located = where(named)
    problems.push({
      errorCode: error.code ?? 'error',
      message: redact(
        `${located.subject}: ${dedupe(message).join(': ') || 'the service gave no reason'}`
      ),
      source: located.source
    })
  }
  for (const error of errors) walk(error, [], undefined)
  return problems
}

/**
 * The error for the run: `message` says what failed, with the count; each problem becomes its own
 * annotation at its line (`cause`), so the first is not repeated on the message.
 */
export function failure(
  code: ErrorCode,
  message: string,
  problems: Problem[],
  details: { offerId: string; hint: string; requestId?: string }
): PublishError {
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`
  const text = problems.length ? `${message} (${count}, listed below).` : `${message}.`
  return new PublishError(code, redact(text), { ...details, cause: problems })
}

/** Codes anywhere in the errors, lower-cased (docs samples capitalise them, §4.2). */
export function errorCodes(errors: readonly JobError[]): Set<string> {
  const codes = new Set<string>()
  const walk = (e: JobError): void => {
    codes.add(String(e.code).toLowerCase())
    e.details?.forEach(walk)
  }
  errors.forEach(walk)
  return codes
}

/** Every message anywhere in the errors, for matching the service's known sentences. */
export function errorText(errors: readonly JobError[]): string {
  const parts: string[] = []
  const walk = (e: JobError): void => {
    parts.push(`${e.code} ${e.message ?? ''}`)
    e.details?.forEach(walk)
  }
  errors.forEach(walk)
  return parts.join('\n')
}

function dedupe(parts: string[]): string[] {
  return parts.filter((part, i) => part !== parts[i - 1])
}
