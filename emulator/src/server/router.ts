/**
 * Matches a decoded API path (after /v1.0/ingestion) against the model's route patterns,
 * case-insensitively as the service does (ingestion-v1.md §2.3).
 */
import type { ApiMethod, Route } from '../api/contract.js'

export type RouteMatch =
  | { kind: 'found'; route: Route; params: Record<string, string> }
  | { kind: 'method-not-allowed'; allowed: ApiMethod[] }
  | { kind: 'unknown-path' }

interface CompiledRoute {
  route: Route
  regex: RegExp
  names: string[]
}

export interface Router {
  match(method: string, path: string): RouteMatch
}

export function createRouter(routes: readonly Route[]): Router {
  const compiled = routes.map(compile)
  return {
    match(method, path) {
      const trimmed = path.length > 1 ? path.replace(/\/+$/, '') : path
      const allowed: ApiMethod[] = []
      for (const { route, regex, names } of compiled) {
        const found = regex.exec(trimmed)
        if (!found) continue
        if (route.method !== method.toUpperCase()) {
          allowed.push(route.method)
          continue
        }
        const params: Record<string, string> = {}
        names.forEach((name, i) => (params[name] = found[i + 1]))
        return { kind: 'found', route, params }
      }
      return allowed.length ? { kind: 'method-not-allowed', allowed } : { kind: 'unknown-path' }
    }
  }
}

/** `{name}` matches one segment; inside a function call such as `getByModule(module={module})`
 *  it stops at the closing parenthesis. */
function compile(route: Route): CompiledRoute {
  const names: string[] = []
  const source = route.pattern.replace(/\{(\w+)\}|[^{]+/g, (part, name: string | undefined) => {
    if (name === undefined) return part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')
    names.push(name)
    return '([^/()]+)'
  })
  return { route, regex: new RegExp(`^${source}$`, 'i'), names }
}
