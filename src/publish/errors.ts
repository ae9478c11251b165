/**
 * Any thrown value → the errors a result shows. A PublishError keeps its code, message and place;
 * its `cause` expands into one row per service message (package validation items, submission
 * validations and failed certification reports) or manifest problem. Anything else is a bug: one
 * line with a code and "please report", never a stack trace (the caller logs that under debug).
 */
import { isPublishError, type PublishError, type SourceRef } from '../errors.js'
import { redact } from '../http/redact.js'
import type { CertificationReport, ValidationItem } from '../ingestion/types.js'
import type { ResultError } from './result.js'

/** Errors whose every cause is a manifest problem, each shown at its own line. */
const ROWS_ONLY: readonly string[] = ['MANIFEST_INVALID', 'OFFER_INCOMPLETE']

export function toResultErrors(error: unknown): ResultError[] {
  if (!isPublishError(error)) {
    const name = error instanceof Error ? error.name : typeof error
    const detail = error instanceof Error ? error.message : String(error)
    return [
      {
        code: 'UNEXPECTED',
        message: redact(
          `Unexpected ${name}: ${detail}. This is a bug in the action; please report it (re-run with debug logging for details).`
        )
      }
    ]
  }
  const main: ResultError = {
    code: error.code,
    message: withHint(error),
    source: error.details.source
  }
  const rows = causeRows(error)
  // Each manifest problem is its own annotation at its line; a "the manifest is invalid" line
  // on top would only repeat them.
  if (ROWS_ONLY.includes(error.code) && rows.length) return rows
  return [main, ...rows]
}

function withHint(error: PublishError): string {
  const parts = [error.message]
  const { requestId } = error.details
  // The transport's messages already quote it; others get it appended for support cases.
  if (requestId && !error.message.includes(requestId)) parts.push(`(request-id ${requestId})`)
  if (error.details.hint) parts.push(error.details.hint)
  return redact(parts.join(' '))
}

function causeRows(error: PublishError): ResultError[] {
  const cause = error.details.cause
  if (Array.isArray(cause)) return cause.flatMap(item => fromItem(error.code, item))
  if (cause && typeof cause === 'object' && 'validations' in cause) {
    const { validations, reports } = cause as {
      validations: ValidationItem[]
      reports: CertificationReport[]
    }
    return [...validations.flatMap(v => fromItem(error.code, v)), ...reports.flatMap(fromReport)]
  }
  return []
}

/** A validation item (`{errorCode, severity, message}`) or a manifest problem (`{message, source, hint}`). */
function fromItem(code: string, item: unknown): ResultError[] {
  if (!item || typeof item !== 'object') return []
  const record = item as Record<string, unknown>
  const text = typeof record.message === 'string' ? record.message : JSON.stringify(item)
  const hint = typeof record.hint === 'string' ? ` ${record.hint}` : ''
  const serviceCode = typeof record.errorCode === 'string' ? `${record.errorCode}: ` : ''
  return [
    {
      code,
      message: redact(`${serviceCode}${text}${hint}`),
      severity: typeof record.severity === 'string' ? record.severity : undefined,
      source: isSourceRef(record.source) ? record.source : undefined
    }
  ]
}

function fromReport(report: CertificationReport): ResultError[] {
  if (report.status !== 'Failed') return []
  const link = report.fileUri ? ` Report: ${report.fileUri.split('?')[0]}` : ''
  return [
    {
      code: 'CERTIFICATION_FAILED',
      message: redact(`Certification failed.${link}`),
      severity: 'Error'
    }
  ]
}

function isSourceRef(value: unknown): value is SourceRef {
  return !!value && typeof value === 'object' && typeof (value as SourceRef).file === 'string'
}
