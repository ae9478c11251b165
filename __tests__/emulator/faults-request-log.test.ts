/** The emulator's bounded request log. */
import { describe, expect, it } from '@jest/globals'
import { createRequestLog } from '../../emulator/src/request-log.js'

const entry = (path: string) => ({
  time: '2026-11-24T12:00:00.000Z',
  method: 'GET',
  path,
  status: 200,
  requestId: 'r',
  validation: 'ok' as const,
  ms: 1
})

describe('request log', () => {
  it('numbers entries and keeps them oldest first, newest last', () => {
    const log = createRequestLog()
    log.add(entry('/a'))
    log.add(entry('/b'))
    expect(log.entries().map(e => [e.seq, e.path])).toEqual([
      [1, '/a'],
      [2, '/b']
    ])
  })

  it('drops the oldest entries beyond its limit', () => {
    const log = createRequestLog(3)
    for (const p of ['/1', '/2', '/3', '/4', '/5']) log.add(entry(p))
    expect(log.entries().map(e => `${e.seq}${e.path}`)).toEqual(['3/3', '4/4', '5/5'])
  })

  it('never stores a query string', () => {
    const log = createRequestLog()
    log.add(entry('/products?$skipToken=abc'))
    expect(log.entries()[0].path).toBe('/products')
  })

  it('keeps counting after clear', () => {
    const log = createRequestLog(2)
    log.add(entry('/a'))
    log.clear()
    expect(log.entries()).toEqual([])
    log.add(entry('/b'))
    expect(log.entries()).toEqual([{ ...entry('/b'), seq: 2 }])
  })

  it('rejects a limit that is not a positive integer', () => {
    expect(() => createRequestLog(0)).toThrow('request log limit must be a positive integer, got 0')
  })
})
