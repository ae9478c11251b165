/**
 * Checks replies before anyone reads them, so a malformed reply becomes HTTP_BAD_REPLY with the
 * request's method, path and request id, never a TypeError three calls later. Only the fields the
 * action relies on are checked; everything else passes through untouched (PUT sends it back).
 */
import { PublishError } from '../errors.js'
import { redact } from '../http/redact.js'

export interface ReplyContext {
  method: string
  /** Path only, no query. */
  path: string
  requestId?: string
}

type Kind = 'string' | 'array' | 'object'

export interface Shape {
  /** What the reply should be, for messages: "a product", "a submission". */
  name: string
  required?: Record<string, Kind>
  /** Checked only when present and not null. */
  optional?: Record<string, Kind>
}

export const SHAPES = {
  product: {
    name: 'a product',
    required: { id: 'string', resourceType: 'string', externalIDs: 'array' }
  },
  productSetup: { name: 'a product setup' },
  variant: { name: 'a plan (variant)', required: { id: 'string', externalID: 'string' } },
  branch: {
    name: 'a branch',
    required: { currentDraftInstanceID: 'string' },
    optional: { variantID: 'string', module: 'string' }
  },
  listing: { name: 'a listing', required: { id: 'string' } },
  image: {
    name: 'a listing image',
    required: { id: 'string', state: 'string' },
    optional: { fileSasUri: 'string' }
  },
  package: {
    name: 'a package',
    required: { id: 'string', state: 'string' },
    optional: { fileSasUri: 'string', validationItems: 'array' }
  },
  packageConfiguration: {
    name: 'a package configuration',
    required: { id: 'string', resourceType: 'string' }
  },
  property: { name: 'a property', required: { id: 'string' } },
  availability: { name: 'an availability', required: { id: 'string' } },
  resellerConfiguration: { name: 'a reseller configuration' },
  submission: {
    name: 'a submission',
    required: { id: 'string', state: 'string', substate: 'string' },
    optional: { pendingUpdateInfo: 'object' }
  },
  workflowDetail: { name: 'a workflow detail', optional: { workflowSteps: 'array' } },
  validationItem: { name: 'a validation item' },
  report: { name: 'a certification report' }
} satisfies Record<string, Shape>

export function badReply(context: ReplyContext, problem: string): PublishError {
  const id = context.requestId ? ` (request-id ${context.requestId})` : ''
  return new PublishError(
    'HTTP_BAD_REPLY',
    redact(`${context.method} ${context.path} answered with ${problem}${id}.`),
    {
      method: context.method,
      path: context.path,
      ...(context.requestId ? { requestId: context.requestId } : {}),
      hint: 'The service sent a reply this action does not understand; run again, and report it if it persists.'
    }
  )
}

export function parseJson(text: string, context: ReplyContext): unknown {
  try {
    return JSON.parse(text)
  } catch {
    throw badReply(
      context,
      text.trim() === '' ? 'an empty body where JSON was expected' : 'a body that is not JSON'
    )
  }
}

function kindOf(value: unknown): Kind | 'null' | 'other' {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  if (typeof value === 'object') return 'object'
  if (typeof value === 'string') return 'string'
  return 'other'
}

/** The value as T when it has the shape's fields with the right JSON types; else HTTP_BAD_REPLY. */
export function checkShape<T>(value: unknown, shape: Shape, context: ReplyContext): T {
  if (kindOf(value) !== 'object')
    throw badReply(context, `${describe(value)} where ${shape.name} was expected`)
  const record = value as Record<string, unknown>
  for (const [field, kind] of Object.entries(shape.required ?? {})) {
    if (kindOf(record[field]) !== kind) {
      throw badReply(
        context,
        `${shape.name} whose '${field}' is ${describe(record[field])}, not ${article(kind)}`
      )
    }
  }
  for (const [field, kind] of Object.entries(shape.optional ?? {})) {
    const actual = record[field]
    if (actual !== undefined && actual !== null && kindOf(actual) !== kind) {
      throw badReply(
        context,
        `${shape.name} whose '${field}' is ${describe(actual)}, not ${article(kind)}`
      )
    }
  }
  return value as T
}

export interface Page {
  value: unknown[]
  nextLink: unknown
}

/**
 * `{"value":[…],"nextLink":"…"}`; `@odata.nextLink` is read when `nextLink` is absent, and
 * `@nextLink` (the product-ingestion API's, product-ingestion.md §4.7) after that.
 */
export function checkPage(value: unknown, context: ReplyContext): Page {
  if (kindOf(value) !== 'object')
    throw badReply(context, `${describe(value)} where a collection was expected`)
  const record = value as Record<string, unknown>
  if (!Array.isArray(record.value))
    throw badReply(context, `a collection whose 'value' is ${describe(record.value)}, not an array`)
  return {
    value: record.value,
    nextLink: record.nextLink ?? record['@odata.nextLink'] ?? record['@nextLink']
  }
}

function describe(value: unknown): string {
  const kind = kindOf(value)
  if (value === undefined) return 'missing'
  if (kind === 'null') return 'null'
  if (kind === 'other') return `a ${typeof value}`
  return article(kind)
}

function article(kind: Kind): string {
  return kind === 'array' ? 'an array' : kind === 'object' ? 'an object' : 'a string'
}
