/**
 * Matches a request path against the spec's path templates the way the service routes: segment by
 * segment, case-insensitively (deviation case-insensitive-routes), after percent-decoding each
 * segment (clients send `getByModule(module=X)` literally or encoded). When several templates
 * match, the one with more literal text wins, so `listings/getByInstanceID(...)` beats
 * `listings/{listingID}`.
 */
import {
  HTTP_METHODS,
  type OpenApiDocument,
  type OperationObject,
  type ParameterObject,
  resolveParameter
} from './openapi.js'

export interface RouteOperation {
  /** `METHOD template`, e.g. `PUT /products/{productID}/packages/{packageID}`. */
  key: string
  operation: OperationObject
  /** Resolved parameters (no `$ref`). */
  parameters: ParameterObject[]
}

export type RouteMatch =
  | {
      kind: 'found'
      operation: RouteOperation
      pathParams: Record<string, string>
      /** The literal text matched only case-insensitively (`packageConfigurations/{id}`). */
      caseInsensitive: boolean
    }
  | { kind: 'method-not-allowed'; template: string; allowed: string[] }
  | { kind: 'unknown-path' }

interface SegmentMatcher {
  pattern: RegExp
  /** The same, case-sensitive: is the request spelled as the spec spells it? */
  exact: RegExp
  names: string[]
}

interface Route {
  template: string
  segments: SegmentMatcher[]
  /** Characters outside `{...}`: the specificity used to order overlapping templates. */
  literalLength: number
  operations: Map<string, RouteOperation>
}

export function compileRoutes(doc: OpenApiDocument): (method: string, path: string) => RouteMatch {
  const routes = Object.entries(doc.paths)
    .map(([template, item]) => compileRoute(doc, template, item))
    .sort((a, b) => b.literalLength - a.literalLength)

  return (method, path) => {
    const segments = splitPath(path)
    let firstMatch: Route | undefined
    for (const route of routes) {
      const pathParams = matchSegments(route, segments)
      if (!pathParams) continue
      firstMatch ??= route
      const operation = route.operations.get(method.toUpperCase())
      const caseInsensitive = route.segments.some(({ exact }, i) => !exact.test(segments[i]))
      if (operation) return { kind: 'found', operation, pathParams, caseInsensitive }
    }
    if (!firstMatch) return { kind: 'unknown-path' }
    return {
      kind: 'method-not-allowed',
      template: firstMatch.template,
      allowed: [...firstMatch.operations.keys()]
    }
  }
}

function compileRoute(
  doc: OpenApiDocument,
  template: string,
  item: Record<string, OperationObject>
): Route {
  const operations = new Map<string, RouteOperation>()
  for (const method of HTTP_METHODS) {
    const operation = item[method]
    if (!operation) continue
    const upper = method.toUpperCase()
    operations.set(upper, {
      key: `${upper} ${template}`,
      operation,
      parameters: (operation.parameters ?? []).map(p => resolveParameter(doc, p))
    })
  }
  return {
    template,
    segments: template.slice(1).split('/').map(compileSegment),
    literalLength: template.replace(/\{[^}]*\}/g, '').length,
    operations
  }
}

/** `getByModule(module={module})` → /^getByModule\(module=([^/]*)\)$/i with names ['module']. */
function compileSegment(segment: string): SegmentMatcher {
  const names: string[] = []
  let source = ''
  let rest = segment
  for (let open = rest.indexOf('{'); open >= 0; open = rest.indexOf('{')) {
    const close = rest.indexOf('}', open)
    source += escapeRegExp(rest.slice(0, open)) + '([^/]*)'
    names.push(rest.slice(open + 1, close))
    rest = rest.slice(close + 1)
  }
  source += escapeRegExp(rest)
  return { pattern: new RegExp(`^${source}$`, 'i'), exact: new RegExp(`^${source}$`), names }
}

function matchSegments(route: Route, segments: string[]): Record<string, string> | undefined {
  if (route.segments.length !== segments.length) return undefined
  const params: Record<string, string> = {}
  for (let i = 0; i < segments.length; i++) {
    const { pattern, names } = route.segments[i]
    const match = pattern.exec(segments[i])
    if (!match) return undefined
    names.forEach((name, n) => (params[name] = match[n + 1]))
  }
  return params
}

function splitPath(path: string): string[] {
  const trimmed = path.startsWith('/') ? path.slice(1) : path
  return trimmed.split('/').map(safeDecode)
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
