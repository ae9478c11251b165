import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { mapLimit } from '../../src/concurrency.js'

const tick = (): Promise<void> => new Promise(resolve => setImmediate(resolve))

describe('mapLimit', () => {
  it('keeps results in input order and never exceeds the limit', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat(5), { maxLength: 30 }),
        fc.integer({ min: 1, max: 8 }),
        async (delays, limit) => {
          let inFlight = 0
          let peak = 0
          const results = await mapLimit(delays, limit, async (delay, index) => {
            inFlight++
            peak = Math.max(peak, inFlight)
            for (let i = 0; i <= delay; i++) await tick()
            inFlight--
            return index * 2
          })
          expect(results).toEqual(delays.map((_, index) => index * 2))
          expect(peak).toBeLessThanOrEqual(limit)
          if (delays.length >= limit) expect(peak).toBe(limit)
        }
      ),
      { numRuns: 50 }
    )
  })

  it('starts nothing new after a failure, lets in-flight calls finish, then rejects with the first error', async () => {
    const started: number[] = []
    const finished: number[] = []
    const failure = await mapLimit([0, 1, 2, 3, 4, 5], 2, async item => {
      started.push(item)
      await tick()
      if (item === 1) throw new Error('item 1 failed')
      await tick()
      finished.push(item)
    }).catch((error: Error) => error)

    expect((failure as Error).message).toBe('item 1 failed')
    expect(started).toEqual([0, 1])
    expect(finished).toEqual([0])
  })

  it('resolves an empty list and treats a limit below 1 as 1', async () => {
    expect(await mapLimit([], 4, async () => 1)).toEqual([])
    let inFlight = 0
    let peak = 0
    await mapLimit([1, 2, 3], 0, async () => {
      peak = Math.max(peak, ++inFlight)
      await tick()
      inFlight--
    })
    expect(peak).toBe(1)
  })
})
