/**
 * The small part of OData `$filter` the service is known to accept (ingestion-v1.md §2.5):
 * `Prop eq 'x'`, `Collection/Any(v:v/Prop eq 'x' and ...)`, joined by `and`/`or` (and binds
 * tighter) with parentheses. Property names are case-insensitive. Whether value comparison is
 * case-sensitive on the real service is unknown; it is exact here.
 */
import { ApiError } from './errors.js'

export type FilterExpr =
  | { op: 'eq'; path: string[]; value: string }
  | { op: 'and' | 'or'; left: FilterExpr; right: FilterExpr }
  | { op: 'any'; collection: string; variable: string; body: FilterExpr }

type Token = { kind: 'name' | 'string' | 'punct'; text: string }

const invalid = (message: string): ApiError =>
  new ApiError(400, `Invalid $filter: ${message}`, { $filter: [`Invalid $filter: ${message}`] })

function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  let i = 0
  while (i < text.length) {
    const c = text[i]
    if (/\s/.test(c)) {
      i++
    } else if ('()/:'.includes(c)) {
      tokens.push({ kind: 'punct', text: c })
      i++
    } else if (c === "'") {
      let value = ''
      i++
      for (;;) {
        if (i >= text.length) throw invalid('unterminated string')
        if (text[i] === "'" && text[i + 1] === "'") {
          value += "'"
          i += 2
        } else if (text[i] === "'") {
          i++
          break
        } else {
          value += text[i++]
        }
      }
      tokens.push({ kind: 'string', text: value })
    } else {
      const name = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(text.slice(i))
      if (!name) throw invalid(`unexpected "${c}"`)
      tokens.push({ kind: 'name', text: name[0] })
      i += name[0].length
    }
  }
  return tokens
}

export function parseFilter(text: string): FilterExpr {
  const tokens = tokenize(text)
  let pos = 0
  const peek = (): Token | undefined => tokens[pos]
  const isWord = (word: string): boolean =>
    peek()?.kind === 'name' && peek()!.text.toLowerCase() === word
  const expect = (text: string): void => {
    const t = tokens[pos++]
    if (!t || t.text.toLowerCase() !== text) throw invalid(`expected "${text}"`)
  }
  const name = (): string => {
    const t = tokens[pos++]
    if (t?.kind !== 'name') throw invalid('expected a property name')
    return t.text
  }

  function or(): FilterExpr {
    let left = and()
    while (isWord('or')) {
      pos++
      left = { op: 'or', left, right: and() }
    }
    return left
  }
  function and(): FilterExpr {
    let left = primary()
    while (isWord('and')) {
      pos++
      left = { op: 'and', left, right: primary() }
    }
    return left
  }
  function primary(): FilterExpr {
    if (peek()?.text === '(') {
      pos++
      const inner = or()
      expect(')')
      return inner
    }
    const path = [name()]
    while (peek()?.text === '/') {
      pos++
      if (isWord('any')) {
        pos++
        if (path.length !== 1) throw invalid('Any() must follow a top-level collection')
        expect('(')
        const variable = name()
        expect(':')
        const body = or()
        expect(')')
        return { op: 'any', collection: path[0], variable, body }
      }
      path.push(name())
    }
    expect('eq')
    const value = tokens[pos++]
    if (value?.kind !== 'string') throw invalid("expected a quoted value after eq, e.g. 'x'")
    return { op: 'eq', path, value: value.text }
  }

  const expr = or()
  if (pos !== tokens.length) throw invalid(`unexpected "${tokens[pos].text}"`)
  return expr
}

/**
 * Evaluates against an object. `allowed` lists the top-level properties that may be filtered on
 * (others → 400, like an unsupported filter); nested names are resolved case-insensitively.
 */
export function matchesFilter(
  expr: FilterExpr,
  item: Record<string, unknown>,
  allowed: string[]
): boolean {
  const check = (e: FilterExpr, scope: Record<string, unknown>): boolean => {
    switch (e.op) {
      case 'and':
        return check(e.left, scope) && check(e.right, scope)
      case 'or':
        return check(e.left, scope) || check(e.right, scope)
      case 'eq':
        return resolve(e.path, scope) === e.value
      case 'any': {
        const items = resolve([e.collection], scope)
        return Array.isArray(items) && items.some(x => check(e.body, { ...scope, [e.variable]: x }))
      }
    }
  }
  const resolve = (path: string[], scope: Record<string, unknown>): unknown => {
    const [head, ...rest] = path
    let value: unknown
    if (Object.hasOwn(scope, head)) {
      value = scope[head]
    } else {
      const key = allowed.find(k => k.toLowerCase() === head.toLowerCase())
      if (!key) throw invalid(`filtering on "${head}" is not supported`)
      value = item[key]
    }
    for (const segment of rest) {
      if (typeof value !== 'object' || value === null) return undefined
      const obj = value as Record<string, unknown>
      const key = Object.keys(obj).find(k => k.toLowerCase() === segment.toLowerCase())
      value = key === undefined ? undefined : obj[key]
    }
    return value
  }
  // The scope holds lambda variables only; top-level names go through `allowed`.
  return check(expr, {})
}
