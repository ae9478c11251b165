/** Random faults by rate: seeded and deterministic, scoped, with a kind mix. */
import { describe, expect, it } from '@jest/globals'
import { createFaults } from '../../emulator/src/faults.js'

const api = { method: 'GET', path: '/products', scope: 'api' as const }
const token = { method: 'POST', path: '/t/oauth2/token', scope: 'token' as const }

function outcomes(
  spec: string,
  requests = 200,
  req: { method: string; path: string; scope: 'api' | 'token' } = api
): string[] {
  const faults = createFaults(spec)
  return Array.from({ length: requests }, () => {
    const action = faults.onRequest(req)[0]
    if (!action) return 'ok'
    return action.type === 'respond' ? String(action.status) : action.type
  })
}

describe('rate faults', () => {
  it('are identical for the same seed and differ for another seed', () => {
    const a = outcomes('rate=0.3,seed=42')
    expect(outcomes('rate=0.3,seed=42')).toEqual(a)
    expect(outcomes('rate=0.3,seed=43')).not.toEqual(a)
  })

  it('fail about the given share of requests', () => {
    const failed = outcomes('rate=0.2,seed=7', 2000).filter(o => o !== 'ok').length
    expect(failed).toBeGreaterThan(320)
    expect(failed).toBeLessThan(480)
  })

  it('draw only from the given kinds, comma- or bar-separated', () => {
    const seen = new Set(outcomes('rate=0.5,seed=1,kinds=429,reset|slow=5', 500))
    expect(seen).toEqual(new Set(['ok', '429', 'reset', 'delay']))
  })

  it('draw faults after effect too: 503-after and reset-after', () => {
    const seen = new Set(outcomes('rate=0.5,seed=2,kinds=503-after,reset-after,500', 500))
    expect(seen).toEqual(new Set(['ok', 'respond-after', 'reset-after', '500']))
  })

  it('default to the transient statuses 429, 500, 502, 503, 504', () => {
    const seen = new Set(outcomes('rate=1,seed=3', 500))
    expect(seen).toEqual(new Set(['429', '500', '502', '503', '504']))
  })

  it('apply to API requests only unless scoped to token or all', () => {
    expect(new Set(outcomes('rate=1,seed=1', 20, token))).toEqual(new Set(['ok']))
    expect(new Set(outcomes('rate=1,seed=1,scope=token', 20, api))).toEqual(new Set(['ok']))
    expect(outcomes('rate=1,seed=1,scope=token', 20, token)).not.toContain('ok')
    expect(outcomes('rate=1,seed=1,scope=all', 20, token)).not.toContain('ok')
  })

  it('use the injected random source when no seed is given', () => {
    const values = [0.05, 0.99, 0.5, 0.0]
    const faults = createFaults('rate=0.1,kinds=503|504', () => values.shift() as number)
    expect(faults.onRequest(api).map(a => a.type === 'respond' && a.status)).toEqual([504])
    expect(faults.onRequest(api)).toEqual([])
  })

  it('yield to a scripted rule that answered', () => {
    const faults = createFaults('GET /products -> 409 x1; rate=1,seed=5,kinds=503')
    const first = faults.onRequest(api)
    expect(first).toHaveLength(1)
    expect(first[0]).toMatchObject({ type: 'respond', status: 409 })
    expect(faults.onRequest(api)[0]).toMatchObject({ type: 'respond', status: 503 })
    expect(faults.describe()).toMatchObject({ rate: { drawn: 1, fired: 1, seed: 5 } })
  })
})
