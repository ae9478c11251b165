/**
 * Fault injection for the emulator: `--faults SPEC` at start, `PUT /_emulator/faults {"spec":"..."}`
 * at run time. Full reference with examples: emulator/FAULTS.md.
 *
 * Grammar (clauses are separated by `;` or new lines; words by spaces; case-insensitive):
 *
 *   clause    = rate | rule | behaviour
 *   rate      = "rate=" P ["," "seed=" INT] ["," "kinds=" KIND {("," | "|") KIND}] ["," "scope=" api|token|all]
 *               each request in scope (default api) fails with probability P, the kind drawn
 *               uniformly from `kinds` (default 429,500,502,503,504); `seed` makes it reproducible
 *   rule      = target "->" KIND [xN] [after N]
 *   target    = METHOD PATH     METHOD is GET|PUT|POST|DELETE|PATCH|*; PATH a glob on the API path
 *                               (with or without /v1.0/ingestion, or a full /rp/product-ingestion
 *                               path; query ignored): `*` = within one
 *                               segment, `**` = across segments
 *             | "token"         the Entra token endpoint (v1 and v2)
 *   behaviour = BEHAVIOUR [xN] [after N]      consumed by the emulator through take()
 *   KIND      = 429[:retry-after=S | :retry-after=date[+S] | :no-retry-after]   (default Retry-After: 1)
 *             | 409 | 500 | 502 | 503 | 504 | reset | slow=MS            (before the request takes effect)
 *             | 500-after | 502-after | 503-after | 504-after | reset-after  (after it took effect: the
 *               request is handled, then that status is sent, or the connection dropped, instead of
 *               the real reply; API requests only)
 *   BEHAVIOUR = nextlink-404 | process-failed | cert-failed | validation-failed | submission-409
 *             | token-expiry | etag-stale | job-failed
 *   xN        = fire N times, then the clause is spent (without it: every time)
 *   after N   = let the first N matching requests (or take() calls) through first
 *
 * Rules are checked in order: a matching `slow` rule adds its delay and checking goes on; the first
 * matching rule that answers (a status or reset) ends it, so later rules do not count that request.
 * The rate clause only draws when no rule answered.
 */
import { randomUUID } from 'node:crypto'

export type FaultAction = (
  | { type: 'respond'; status: number; headers?: Record<string, string>; body?: unknown }
  | { type: 'reset' }
  /** Handle the request normally, then destroy the connection instead of replying. */
  | { type: 'reset-after' }
  /** Handle the request normally (it takes effect), then send this reply instead of the real one. */
  | {
      type: 'respond-after'
      status: number
      headers?: Record<string, string>
      body?: unknown
    }
  | { type: 'delay'; ms: number }
) & {
  /** The clause that produced it, for the request log, e.g. `POST /products/*\/packages -> 503 x2`. */
  label?: string
}

export type BehaviourFault =
  | 'nextlink-404'
  | 'process-failed'
  | 'cert-failed'
  | 'validation-failed'
  | 'submission-409'
  | 'token-expiry'
  | 'etag-stale'
  | 'job-failed'

export interface Faults {
  /**
   * Actions for one request, in order: `delay`s to wait, then at most one `respond` or `reset`
   * (when none, handle the request normally). `respond` bodies are JSON values to serialise,
   * except when `headers['Content-Type']` is not JSON: then the body is a string sent as is.
   */
  onRequest(req: { method: string; path: string; scope: 'api' | 'token' }): FaultAction[]
  take(kind: BehaviourFault): boolean
  /** Replaces the whole fault set; throws Error with a clear message on a bad spec (nothing changes). */
  configure(spec: string): void
  /** Removes every fault. */
  reset(): void
  describe(): unknown
}

const BEHAVIOURS: readonly BehaviourFault[] = [
  'nextlink-404',
  'process-failed',
  'cert-failed',
  'validation-failed',
  'submission-409',
  'token-expiry',
  'etag-stale',
  'job-failed'
]
const METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'PATCH', '*']
const KIND_HELP =
  '429[:retry-after=S|:retry-after=date[+S]|:no-retry-after], 409, 500, 502, 503, 504, reset, slow=MS, 500-after, 502-after, 503-after, 504-after, reset-after'
const DEFAULT_RATE_KINDS = '429,500,502,503,504'
const API_PREFIX = /^\/v1\.0\/ingestion(?=\/|$)/i

type ServerStatus = 500 | 502 | 503 | 504

type Kind =
  | { kind: 'status'; status: 409 | ServerStatus }
  /** The request takes effect, then the reply is this 5xx instead. */
  | { kind: 'status-after'; status: ServerStatus }
  | { kind: '429'; retryAfter: { form: 'seconds' | 'date'; seconds: number } | null }
  | { kind: 'reset' }
  | { kind: 'reset-after' }
  | { kind: 'slow'; ms: number }

interface Counter {
  text: string
  /** Fires left; Infinity when no `xN`. */
  remaining: number
  after: number
  matched: number
  fired: number
}

interface Rule extends Counter {
  target: { scope: 'token' } | { scope: 'api'; method: string; path: RegExp }
  action: Kind
}

interface Behaviour extends Counter {
  behaviour: BehaviourFault
}

interface RateClause {
  text: string
  rate: number
  seed?: number
  kinds: Kind[]
  scope: 'api' | 'token' | 'all'
  random: () => number
  drawn: number
  fired: number
}

interface FaultSet {
  spec: string
  rules: Rule[]
  behaviours: Behaviour[]
  rate: RateClause | null
}

/** `random` drives rate clauses that give no seed (default Math.random); tests inject their own. */
export function createFaults(spec = '', random?: () => number): Faults {
  let current = parseFaults(spec, random)

  return {
    onRequest(req) {
      const actions: FaultAction[] = []
      const path = normalisePath(req.path)
      for (const rule of current.rules) {
        if (!targets(rule, req.method, path, req.scope) || !fires(rule)) continue
        actions.push(toAction(rule.action, rule.text))
        if (rule.action.kind !== 'slow') return actions
      }
      const rate = current.rate
      if (rate && (rate.scope === 'all' || rate.scope === req.scope)) {
        rate.drawn++
        if (rate.random() < rate.rate) {
          rate.fired++
          const kind = rate.kinds[Math.floor(rate.random() * rate.kinds.length)]
          actions.push(toAction(kind, rate.text))
        }
      }
      return actions
    },
    take(kind) {
      return current.behaviours.some(b => b.behaviour === kind && fires(b))
    },
    configure(next) {
      current = parseFaults(next, random)
    },
    reset() {
      current = parseFaults('', random)
    },
    describe() {
      const counters = ({ text, remaining, after, matched, fired }: Counter) => ({
        clause: text,
        remaining: Number.isFinite(remaining) ? remaining : 'unlimited',
        after,
        matched,
        fired
      })
      return {
        spec: current.spec,
        rules: current.rules.map(counters),
        behaviours: current.behaviours.map(counters),
        rate: current.rate && {
          clause: current.rate.text,
          rate: current.rate.rate,
          seed: current.rate.seed ?? null,
          scope: current.rate.scope,
          drawn: current.rate.drawn,
          fired: current.rate.fired
        }
      }
    }
  }
}

/** Counts a match and says whether this one fires (past `after`, fires left). */
function fires(counter: Counter): boolean {
  if (counter.remaining <= 0) return false
  counter.matched++
  if (counter.matched <= counter.after) return false
  counter.remaining--
  counter.fired++
  return true
}

function targets(rule: Rule, method: string, path: string, scope: 'api' | 'token'): boolean {
  if (rule.target.scope !== scope) return false
  if (rule.target.scope === 'token') return true
  const { method: wanted, path: pattern } = rule.target
  return (wanted === '*' || wanted === method.toUpperCase()) && pattern.test(path)
}

function normalisePath(path: string): string {
  const bare = path.split('?')[0].replace(API_PREFIX, '') || '/'
  try {
    return decodeURIComponent(bare)
  } catch {
    return bare
  }
}

// ---------------------------------------------------------------- replies

/**
 * What each kind sends. The service's bodies for these statuses were never recorded (the
 * cassettes hold no 409/429/5xx): the shapes below follow ingestion-v1.md §2.8 and what Azure
 * Front Door is known to send, and are marked [X].
 */
function toAction(kind: Kind, label: string): FaultAction {
  const json = { 'Content-Type': 'application/json; charset=utf-8' }
  switch (kind.kind) {
    case 'reset':
      return { type: 'reset', label }
    case 'reset-after':
      return { type: 'reset-after', label }
    case 'slow':
      return { type: 'delay', ms: kind.ms, label }
    case '429': {
      const headers: Record<string, string> = { ...json }
      if (kind.retryAfter?.form === 'seconds')
        headers['Retry-After'] = String(kind.retryAfter.seconds)
      if (kind.retryAfter?.form === 'date') {
        headers['Retry-After'] = new Date(Date.now() + kind.retryAfter.seconds * 1000).toUTCString()
      }
      // [X] the API-management throttling body; clients must rely on the status and header only.
      const body = { statusCode: 429, message: 'Rate limit is exceeded. Try again later.' }
      return { type: 'respond', status: 429, headers, body, label }
    }
    case 'status':
      return { type: 'respond', status: kind.status, ...statusReply(kind.status), label }
    case 'status-after':
      return { type: 'respond-after', status: kind.status, ...statusReply(kind.status), label }
  }
}

function statusReply(status: 409 | 500 | 502 | 503 | 504): {
  headers: Record<string, string>
  body?: unknown
} {
  const json = { 'Content-Type': 'application/json; charset=utf-8' }
  switch (status) {
    case 409:
      // §2.8 form 4 / §4.4: the Store sibling's conflict object [X].
      return {
        headers: json,
        body: {
          code: 'Conflict',
          message: 'The resource is locked by another operation. Retry after it completes.',
          details: [],
          target: 'resource',
          source: 'Ingestion Api'
        }
      }
    case 500:
    case 503:
      // §2.8 form 1, the ICH string with embedded JSON, as the recorded 400 [X for 5xx].
      return { headers: json, body: ichString(status) }
    case 502:
      // Azure Front Door answers a failed origin with its own HTML page [X].
      return {
        headers: { 'Content-Type': 'text/html' },
        body: "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h2>Our services aren't available right now</h2><p>We're working to restore all services as soon as possible. Please check back soon.</p></body></html>"
      }
    case 504:
      // Front Door timeouts come with an empty body [X].
      return { headers: {} }
  }
}

function ichString(status: number): string {
  const phrase = status === 503 ? 'Service Unavailable' : 'Internal Server Error'
  const detail = {
    faultCode: 50000 + status,
    reasonPhrase: phrase,
    correlationId: randomUUID(),
    operationId: randomUUID().replace(/-/g, '')
  }
  return `ICH${50000 + status} - Unable to complete request. ${JSON.stringify(detail)}`
}

// ---------------------------------------------------------------- parsing

function parseFaults(spec: string, random?: () => number): FaultSet {
  const set: FaultSet = { spec, rules: [], behaviours: [], rate: null }
  const clauses = spec
    .split(/[;\n]/)
    .map(c => c.trim())
    .filter(Boolean)
  clauses.forEach((clause, index) => {
    const fail = (problem: string): never => {
      throw new Error(`faults: clause ${index + 1} "${clause}": ${problem}`)
    }
    if (/^rate\s*=/i.test(clause)) {
      if (set.rate) fail('only one rate clause is allowed')
      set.rate = parseRate(clause, fail, random)
    } else if (clause.includes('->')) {
      set.rules.push(parseRule(clause, fail))
    } else {
      set.behaviours.push(parseBehaviour(clause, fail))
    }
  })
  return set
}

type Fail = (problem: string) => never

function parseRule(clause: string, fail: Fail): Rule {
  const [left, right] = clause.split('->').map(s => s.trim())
  const words = right.split(/\s+/).filter(Boolean)
  if (words.length === 0) fail(`nothing after "->"; allowed kinds: ${KIND_HELP}`)
  const action = parseKind(words[0], fail)
  const counts = parseCounts(words.slice(1), fail)

  if (/^token$/i.test(left)) {
    // Entra's handler writes its own reply, so there is no point at which to replace it.
    if (takesEffectFirst(action)) fail(`${words[0]} applies to API requests only`)
    return { text: clause, target: { scope: 'token' }, action, ...counts }
  }
  const [method, path, extra] = left.split(/\s+/)
  if (!path || extra !== undefined) fail('the target must be "METHOD PATH" or "token"')
  if (!METHODS.includes(method.toUpperCase())) {
    fail(`unknown method "${method}"; allowed: ${METHODS.join(', ')}`)
  }
  if (!path.startsWith('/')) fail(`the path "${path}" must start with "/"`)
  return {
    text: clause,
    target: { scope: 'api', method: method.toUpperCase(), path: globToRegExp(normalisePath(path)) },
    action,
    ...counts
  }
}

function parseBehaviour(clause: string, fail: Fail): Behaviour {
  const [name, ...rest] = clause.split(/\s+/)
  const behaviour = BEHAVIOURS.find(b => b === name.toLowerCase())
  if (!behaviour) {
    fail(
      `"${name}" is neither a rule (METHOD PATH -> KIND), a rate clause (rate=P,...) nor a behaviour (${BEHAVIOURS.join(', ')})`
    )
  }
  return { text: clause, behaviour: behaviour as BehaviourFault, ...parseCounts(rest, fail) }
}

function parseCounts(words: string[], fail: Fail): Omit<Counter, 'text'> {
  const counts = { remaining: Infinity, after: 0, matched: 0, fired: 0 }
  for (let i = 0; i < words.length; i++) {
    const times = /^x(\d+)$/i.exec(words[i])
    if (times) counts.remaining = positive(times[1], words[i], fail)
    else if (/^after$/i.test(words[i]) && /^\d+$/.test(words[i + 1] ?? '')) {
      counts.after = Number(words[++i])
    } else
      fail(`unexpected "${words[i]}"; allowed after the kind: xN (times), after N (skip first N)`)
  }
  return counts
}

function parseKind(word: string, fail: Fail): Kind {
  const lower = word.toLowerCase()
  if (lower === 'reset') return { kind: 'reset' }
  if (lower === 'reset-after') return { kind: 'reset-after' }
  const after = /^(500|502|503|504)-after$/.exec(lower)
  if (after) return { kind: 'status-after', status: Number(after[1]) as ServerStatus }
  const slow = /^slow=(\d+)$/.exec(lower)
  if (slow) return { kind: 'slow', ms: Number(slow[1]) }
  if (['409', '500', '502', '503', '504'].includes(lower)) {
    return { kind: 'status', status: Number(lower) as 409 | 500 | 502 | 503 | 504 }
  }
  const throttle = /^429(?::(.*))?$/.exec(lower)
  if (throttle) {
    const option = throttle[1]
    if (option === undefined) return { kind: '429', retryAfter: { form: 'seconds', seconds: 1 } }
    if (option === 'no-retry-after') return { kind: '429', retryAfter: null }
    const seconds = /^retry-after=(\d+)$/.exec(option)
    if (seconds)
      return { kind: '429', retryAfter: { form: 'seconds', seconds: Number(seconds[1]) } }
    const date = /^retry-after=date(?:\+(\d+))?$/.exec(option)
    if (date) return { kind: '429', retryAfter: { form: 'date', seconds: Number(date[1] ?? 2) } }
    fail(
      `unknown 429 option "${option}"; allowed: retry-after=S, retry-after=date[+S], no-retry-after`
    )
  }
  if (BEHAVIOURS.includes(lower as BehaviourFault)) {
    fail(`"${word}" is a behaviour: write it as its own clause ("${lower} x1"), not after "->"`)
  }
  return fail(`unknown kind "${word}"; allowed: ${KIND_HELP}`)
}

function parseRate(clause: string, fail: Fail, random?: () => number): RateClause {
  const options = new Map<string, string[]>()
  let current = ''
  for (const token of clause.split(',').map(t => t.trim())) {
    const named = /^(rate|seed|kinds|scope)\s*=(.*)$/i.exec(token)
    if (named) {
      current = named[1].toLowerCase()
      if (options.has(current)) fail(`option "${current}" is given twice`)
      options.set(
        current,
        named[2].split('|').map(s => s.trim())
      )
    } else if (current === 'kinds' && (!/^\w+\s*=/.test(token) || /^slow=/i.test(token))) {
      // A kind after kinds= continues its list: `kinds=429,503,reset,slow=200`.
      options.get('kinds')?.push(...token.split('|').map(s => s.trim()))
    } else {
      fail(
        `unknown option "${token}"; allowed: rate=P, seed=INT, kinds=K|K..., scope=api|token|all`
      )
    }
  }
  const rateText = options.get('rate')?.[0] ?? ''
  const rate = Number(rateText)
  if (!/^\d*\.?\d+$/.test(rateText) || rate > 1)
    fail(`rate "${rateText}" must be a number from 0 to 1`)
  const seedText = options.get('seed')?.[0]
  if (seedText !== undefined && !/^\d+$/.test(seedText))
    fail(`seed "${seedText}" must be an integer`)
  const scope = (options.get('scope')?.[0] ?? 'api').toLowerCase()
  if (!['api', 'token', 'all'].includes(scope)) fail(`scope "${scope}" must be api, token or all`)
  const kindWords = options.get('kinds') ?? DEFAULT_RATE_KINDS.split(',')
  const seed = seedText === undefined ? undefined : Number(seedText)
  const kinds = kindWords.filter(Boolean).map(word => parseKind(word, fail))
  if (scope !== 'api' && kinds.some(takesEffectFirst))
    fail('the -after kinds apply to API requests only: use scope=api')
  return {
    text: clause,
    rate,
    seed,
    kinds,
    scope: scope as RateClause['scope'],
    random: seed !== undefined ? mulberry32(seed) : (random ?? Math.random),
    drawn: 0,
    fired: 0
  }
}

/** The kinds that let the request take effect before they spoil its reply. */
function takesEffectFirst(kind: Kind): boolean {
  return kind.kind === 'reset-after' || kind.kind === 'status-after'
}

function positive(digits: string, word: string, fail: Fail): number {
  const n = Number(digits)
  if (n < 1) fail(`"${word}" must fire at least once`)
  return n
}

function globToRegExp(glob: string): RegExp {
  const source = glob
    .split('**')
    .map(part => part.split('*').map(escapeRegExp).join('[^/]*'))
    .join('.*')
  return new RegExp(`^${source}$`, 'i')
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** Small seeded PRNG (public domain, Tommy Ettinger): same seed, same fault sequence. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
