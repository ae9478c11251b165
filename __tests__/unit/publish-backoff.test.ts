import { describe, expect, it } from '@jest/globals'
import { PublishError } from '../../src/errors.js'
import { PACKAGE_POLL, pollUntil } from '../../src/publish/backoff.js'
import { fakeClock } from './fake-clock.js'

describe('pollUntil', () => {
  it('reads at once, then backs off ×1.6 up to the cap', async () => {
    const clock = fakeClock()
    let reads = 0
    await pollUntil({
      clock,
      signal: new AbortController().signal,
      deadline: clock.now() + 3_600_000,
      policy: PACKAGE_POLL,
      what: 'x',
      read: async () => ++reads,
      done: n => n === 10
    })
    expect(reads).toBe(10)
    expect(clock.slept.slice(0, 3)).toEqual([1000, 1600, 2560])
    expect(Math.max(...clock.slept)).toBe(30_000)
  })

  it('fails with TIME_BUDGET_EXCEEDED once the deadline passes', async () => {
    const clock = fakeClock()
    const polling = pollUntil({
      clock,
      signal: new AbortController().signal,
      deadline: clock.now() + 5000,
      policy: PACKAGE_POLL,
      what: 'package x',
      read: async () => 0,
      done: () => false
    })
    await expect(polling).rejects.toMatchObject({
      code: 'TIME_BUDGET_EXCEEDED',
      message: expect.stringContaining('package x')
    })
    expect(clock.slept.reduce((a, b) => a + b, 0)).toBe(5000)
  })

  it('stops with the signal reason when cancelled', async () => {
    const clock = fakeClock()
    const controller = new AbortController()
    controller.abort(new Error('stop'))
    const polling = pollUntil({
      clock,
      signal: controller.signal,
      deadline: clock.now() + 5000,
      policy: PACKAGE_POLL,
      what: 'x',
      read: async () => 0,
      done: () => false
    })
    await expect(polling).rejects.toThrow('stop')
  })

  it('goes on polling after a read that failed in transit, and stops at any other error', async () => {
    const clock = fakeClock()
    const failures = [
      new PublishError('HTTP_STATUS', 'HTTP 503', { status: 503 }),
      new PublishError('HTTP_NETWORK', 'socket hang up', {})
    ]
    const missed: string[] = []
    let reads = 0
    const value = await pollUntil({
      clock,
      signal: new AbortController().signal,
      deadline: clock.now() + 60_000,
      policy: PACKAGE_POLL,
      what: 'x',
      read: async () => {
        reads++
        const failure = failures.shift()
        if (failure) throw failure
        return 'done'
      },
      done: v => v === 'done',
      onReadFailed: error => missed.push(error.code)
    })
    expect([value, reads, missed]).toEqual(['done', 3, ['HTTP_STATUS', 'HTTP_NETWORK']])
    expect(clock.slept).toEqual([1000, 1600])

    const refused = new PublishError('HTTP_STATUS', 'HTTP 404', { status: 404 })
    const polling = pollUntil({
      clock,
      signal: new AbortController().signal,
      deadline: clock.now() + 60_000,
      policy: PACKAGE_POLL,
      what: 'x',
      read: async () => {
        throw refused
      },
      done: () => true
    })
    await expect(polling).rejects.toBe(refused)
  })
})
