/** A clock whose sleeps pass at once, advancing its time. */
import type { Clock } from '../../src/clock.js'

export type FakeClock = Clock & { slept: number[] }

export function fakeClock(start = Date.UTC(2026, 10, 24, 12)): FakeClock {
  let now = start
  const slept: number[] = []
  return {
    slept,
    now: () => now,
    sleep: async (ms, signal) => {
      if (signal?.aborted) throw signal.reason
      slept.push(ms)
      now += ms
    }
  }
}
