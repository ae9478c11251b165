/**
 * Validates every request the emulator receives under /v1.0/ingestion against the vendor's
 * OpenAPI file, patched by deviations.ts to follow the real service: route (case-insensitive),
 * method, path/query/header parameters and the JSON body (ajv). The body comes back with its
 * property names bound case-insensitively to the spec's spelling; the routes work on that.
 *
 * A failed result makes the emulator answer 400 `"ICH50400 - Unable to complete request. {...}"`
 * (or 404/405 as `failure` says). Each error names where (`path`, `query $x`, `header X`,
 * `body /pointer`) and the rule that failed.
 */
import { applyDeviations } from './apply-deviations.js'
import { DEVIATIONS, type Deviation, type Leniency, type LeniencyUse } from './deviations.js'
import { createNormaliser } from './normalise.js'
import { loadOpenApi, requestBodySchema, responseSchema, type ParameterObject } from './openapi.js'
import { compileRoutes, type RouteOperation } from './routes.js'
import { compileSchemas, describeErrors } from './schemas.js'

export interface SpecRequest {
  method: string
  /** After /v1.0/ingestion, as received, e.g. '/products/abc/branches/getByModule(module=Package)'. */
  path: string
  query: URLSearchParams
  headers: Record<string, string | undefined>
  /** Parsed JSON, or undefined. */
  body: unknown
}

export interface SpecResult {
  ok: boolean
  /** e.g. 'PUT /products/{productID}/packages/{packageID}'. */
  operation?: string
  errors: string[]
  /** The body with property names normalised case-insensitively to the spec's spelling. */
  body?: unknown
  /** Path parameters by their spec name (`productID`, `module`...), decoded. */
  params?: Record<string, string>
  /** Why it failed: no such path (404-worthy), wrong method (405-worthy), or a bad request (400). */
  failure?: 'unknown-path' | 'method-not-allowed' | 'invalid-request'
  /** The leniency rules the request needed to be accepted. */
  leniencies?: LeniencyUse[]
}

export interface SpecValidatorOptions {
  /** Defaults to DEVIATIONS; tests pass [] to see the raw spec. */
  deviations?: readonly Deviation[]
  /** Bind enum values case-insensitively (`uploaded` → `Uploaded`). Default true [X]. */
  caseInsensitiveEnums?: boolean
}

/** `Authorization` is checked by the emulator's auth before validation runs. */
const HEADERS_CHECKED_ELSEWHERE = new Set(['authorization'])

export interface SpecReply {
  status: number
  /** Parsed JSON, or undefined when the reply has no body. */
  body: unknown
}

export interface SpecValidator {
  validate(req: SpecRequest): SpecResult
  /**
   * Checks a reply body against the schema the (patched) spec declares for its status: the
   * fidelity tests use it on the emulator's replies and on the recorded ones. Replies without a
   * body (204) and statuses without a JSON schema pass.
   */
  validateReply(req: Pick<SpecRequest, 'method' | 'path'>, reply: SpecReply): SpecResult
}

export function createSpecValidator(
  specFile: string,
  options: SpecValidatorOptions = {}
): SpecValidator {
  const { doc, preferredSpellings } = applyDeviations(
    loadOpenApi(specFile),
    options.deviations ?? DEVIATIONS
  )
  const match = compileRoutes(doc)
  const schemas = compileSchemas(doc)
  const normalise = createNormaliser(schemas.doc, {
    preferredSpellings,
    enumValues: options.caseInsensitiveEnums ?? true
  })

  return {
    validate(req) {
      const route = match(req.method, req.path)
      if (route.kind === 'unknown-path') {
        return {
          ok: false,
          failure: 'unknown-path',
          errors: [`path: no operation of the Ingestion API matches ${req.method} ${req.path}`]
        }
      }
      if (route.kind === 'method-not-allowed') {
        return {
          ok: false,
          failure: 'method-not-allowed',
          errors: [
            `method: ${req.method} is not allowed on ${route.template} (allowed: ${route.allowed.join(', ')})`
          ]
        }
      }
      const { operation, pathParams } = route
      const leniencies: LeniencyUse[] = []
      const used = (rule: Leniency, at: string): void => void leniencies.push({ rule, at })
      if (route.caseInsensitive) used('case-insensitive-routes', 'path')
      const errors = [
        ...checkPathParameters(operation, pathParams, used),
        ...checkQuery(operation, req.query, used),
        ...checkHeaders(operation, req.headers, used)
      ]
      let body = req.body
      const schema = requestBodySchema(operation.operation)
      if (schema && body === undefined) {
        errors.push(`body: ${operation.key} needs a JSON body (rule: requestBody)`)
      } else if (schema) {
        const bound = normalise(schemas.converted(schema), body)
        body = bound.value
        bound.leniencies.forEach(use => used(use.rule, `body ${use.at || '/'}`))
        const validate = schemas.validator(schema)
        if (!validate(body)) errors.push(...describeErrors(validate.errors, 'body'))
      }
      return {
        ok: errors.length === 0,
        operation: operation.key,
        errors,
        body,
        params: pathParams,
        leniencies,
        ...(errors.length ? { failure: 'invalid-request' as const } : {})
      }
    },

    validateReply(req, reply) {
      const route = match(req.method, req.path)
      if (route.kind !== 'found') {
        return {
          ok: false,
          failure: route.kind,
          errors: [`reply: no operation ${req.method} ${req.path}`]
        }
      }
      const key = route.operation.key
      const schema = responseSchema(doc, route.operation.operation, reply.status)
      if (!schema || reply.body === undefined) return { ok: true, operation: key, errors: [] }
      const validate = schemas.validator(schema)
      const errors = validate(reply.body) ? [] : describeErrors(validate.errors, 'reply')
      return { ok: errors.length === 0, operation: key, errors, body: reply.body }
    }
  }
}

type Used = (rule: Leniency, at: string) => void

function checkPathParameters(
  operation: RouteOperation,
  values: Record<string, string>,
  used: Used
): string[] {
  const errors: string[] = []
  for (const parameter of parametersIn(operation, 'path')) {
    const value = values[parameter.name]
    if (!value) {
      errors.push(`path: parameter ${parameter.name} must not be empty (rule: required)`)
      continue
    }
    const allowed = parameter.schema?.enum as string[] | undefined
    if (allowed) {
      // Path values match case-insensitively: a Microsoft sample sends module=availability.
      const canonical = allowed.find(a => a.toLowerCase() === value.toLowerCase())
      if (canonical !== undefined && canonical !== value)
        used('case-insensitive-enums', `path ${parameter.name}`)
      if (canonical) values[parameter.name] = canonical
      else errors.push(`path: ${parameter.name} must be one of ${allowed.join(', ')} (rule: enum)`)
    }
  }
  return errors
}

function checkQuery(operation: RouteOperation, query: URLSearchParams, used: Used): string[] {
  const declared = parametersIn(operation, 'query')
  const known = new Set(declared.map(p => p.name.toLowerCase()))
  const errors: string[] = []
  for (const name of new Set(query.keys())) {
    if (known.has(name.toLowerCase()) && !declared.some(p => p.name === name))
      used('case-insensitive-routes', `query ${name}`)
    // OData system options ($...) are checked: the service rejects those it does not support.
    // Other names are ignored, as ASP.NET ignores unbound query values [X].
    if (name.startsWith('$') && !known.has(name.toLowerCase())) {
      const supported = declared.map(p => p.name).join(', ') || 'none'
      errors.push(`query: ${name} is not supported by ${operation.key} (supported: ${supported})`)
    }
  }
  const present = new Set([...query.keys()].map(k => k.toLowerCase()))
  for (const parameter of declared) {
    if (parameter.required && !present.has(parameter.name.toLowerCase())) {
      errors.push(`query: ${parameter.name} is required (rule: required)`)
    }
  }
  return errors
}

function checkHeaders(
  operation: RouteOperation,
  headers: Record<string, string | undefined>,
  used: Used
): string[] {
  const present = new Set(
    Object.entries(headers)
      .filter(([, value]) => value !== undefined)
      .map(([name]) => name.toLowerCase())
  )
  const missing = parametersIn(operation, 'header').filter(
    p => !present.has(p.name.toLowerCase()) && !HEADERS_CHECKED_ELSEWHERE.has(p.name.toLowerCase())
  )
  for (const p of missing)
    if (p['x-leniency']) used(p['x-leniency'] as Leniency, `header ${p.name}`)
  return missing
    .filter(p => p.required)
    .map(p => `header: ${p.name} is required by ${operation.key} (rule: required)`)
}

function parametersIn(operation: RouteOperation, where: ParameterObject['in']): ParameterObject[] {
  return operation.parameters.filter(p => p.in === where)
}
