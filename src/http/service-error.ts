/**
 * Reads the many shapes of error body the services send (ingestion-v1.md §1 and §2.8) into one
 * code and one readable message. Defensive by design: any input gives a result, nothing throws.
 */
import type { ServiceErrorDetail } from '../errors.js'

export interface ServiceError {
  /** `ICH50400`, `AADSTS7000215`, `InvalidState`, a Storage code such as `AuthenticationFailed`. */
  code?: string
  /** One or two sentences a person can read. */
  message?: string
  /** The OData envelope's `details` items, when it has any (`{code, message, resourceId}`). */
  details?: ServiceErrorDetail[]
}

const MAX_MESSAGE = 600

export function parseServiceError(text: string): ServiceError {
  try {
    const body = text.trim()
    if (body === '') return {}
    if (body.startsWith('<')) return fromStorageXml(body)
    const json = tryParseJson(body)
    if (typeof json === 'string') return fromText(json)
    if (isRecord(json)) return fromObject(json)
    return fromText(body)
  } catch {
    return { message: shorten(text) }
  }
}

/** `<Error><Code>AuthenticationFailed</Code><Message>…</Message></Error>` from Blob Storage. */
function fromStorageXml(xml: string): ServiceError {
  const code = /<Code>([^<]*)<\/Code>/i.exec(xml)?.[1]?.trim()
  const message = /<Message>([^<]*)<\/Message>/i.exec(xml)?.[1]?.split('\n', 1)[0]?.trim()
  return clean({ code, message: message ?? shorten(xml) })
}

/**
 * A JSON string literal (`"ICH50400 - Unable to complete request. {…json…}"`), a .NET exception
 * text with `ResponseContent={…}`, or plain text. The first `{` to the last `}` is mined for
 * details when it is JSON.
 */
function fromText(text: string): ServiceError {
  const codeMatch = /^\s*([A-Z]{2,}[A-Za-z]*-?\d{3,})\s*-\s*/.exec(text)
  const start = text.indexOf('{')
  const end = text.lastIndexOf('}')
  const embedded = start >= 0 && end > start ? tryParseJson(text.slice(start, end + 1)) : undefined
  const hasEmbedded = isRecord(embedded)
  let lead = (hasEmbedded ? text.slice(0, start) : text).slice(codeMatch?.[0].length ?? 0)
  // A .NET exception: keep what it says, drop the type name and the raw ResponseContent.
  const exception = /^\s*(?:[\w]+\.)+(\w*Exception):\s*/.exec(lead)
  if (exception) lead = lead.slice(exception[0].length)
  lead = lead.replace(/,?\s*ResponseContent=\s*$/, '').trim()
  const inner = hasEmbedded ? fromObject(embedded) : {}
  const message = [lead, inner.message].filter(part => part && part.length > 0).join(' ')
  return clean({
    code: codeMatch?.[1] ?? inner.code ?? exception?.[1],
    message: shorten(message || text)
  })
}

function fromObject(body: Record<string, unknown>): ServiceError {
  // Entra ID: {"error":"invalid_client","error_description":"AADSTS7000215: …\r\nTrace ID: …"}
  if (typeof body.error_description === 'string') {
    const description = body.error_description.split(/\r?\n/, 1)[0] ?? ''
    const fromCodes = Array.isArray(body.error_codes) ? body.error_codes[0] : undefined
    const aadsts =
      /AADSTS\d+/.exec(description)?.[0] ??
      (typeof fromCodes === 'number' ? `AADSTS${fromCodes}` : undefined)
    return clean({ code: aadsts ?? str(body.error), message: shorten(description) })
  }
  // OData style: {"error":{"code","message","details"}}
  if (isRecord(body.error)) {
    const details = detailItems(body.error.details)
    return { ...fromObject(body.error), ...(details.length ? { details } : {}) }
  }
  const parts: string[] = []
  const headline =
    str(body.message) ?? str(body.reasonPhrase) ?? str(body.title) ?? str(body.Message)
  if (headline) parts.push(headline)
  parts.push(
    ...fieldMessages(body.data),
    ...fieldMessages(body.errors),
    ...detailMessages(body.details)
  )
  const code = str(body.code) ?? numberCode(body.faultCode)
  return clean({ code, message: parts.length > 0 ? shorten(parts.join(' ')) : undefined })
}

/** `{"FeatureName":["The field FeatureName is invalid."]}` → `FeatureName: The field FeatureName is invalid.` */
function fieldMessages(value: unknown): string[] {
  if (!isRecord(value)) return []
  return Object.entries(value).map(([field, messages]) => {
    const list = Array.isArray(messages) ? messages.map(m => stringify(m)) : [stringify(messages)]
    return `${field}: ${list.join(' ')}`
  })
}

function detailMessages(value: unknown): string[] {
  if (!Array.isArray(value)) return []
  return value.map(item =>
    isRecord(item) ? (str(item.message) ?? stringify(item)) : stringify(item)
  )
}

function detailItems(value: unknown): ServiceErrorDetail[] {
  if (!Array.isArray(value)) return []
  return value.filter(isRecord).map(item => ({
    ...(str(item.code) ? { code: str(item.code) } : {}),
    ...(str(item.message) ? { message: shorten(str(item.message) ?? '') } : {}),
    ...(item.resourceId !== undefined ? { resourceId: item.resourceId } : {})
  }))
}

function tryParseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined
}

function numberCode(value: unknown): string | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined
}

function stringify(value: unknown): string {
  if (typeof value === 'string') return value
  try {
    return JSON.stringify(value) ?? String(value)
  } catch {
    return String(value)
  }
}

function shorten(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim()
  return oneLine.length > MAX_MESSAGE ? `${oneLine.slice(0, MAX_MESSAGE - 1)}…` : oneLine
}

function clean(error: ServiceError): ServiceError {
  const out: ServiceError = {}
  if (error.code) out.code = error.code
  if (error.message) out.message = error.message
  return out
}
