import { describe, expect, it } from '@jest/globals'
import type { Clock } from '../../src/clock.js'
import { createProgress } from '../../src/upload/progress.js'

const MiB = 1024 * 1024

/** A clock the test moves by hand. */
function manualClock(): Clock & { advance(ms: number): void } {
  let now = 1_000_000
  return { now: () => now, sleep: async () => {}, advance: ms => (now += ms) }
}

describe('upload progress', () => {
  it('prints percent, rate and ETA at most once per interval', () => {
    const clock = manualClock()
    const lines: string[] = []
    const progress = createProgress({
      label: 'upload app.zip',
      total: 100 * MiB,
      clock,
      intervalMs: 5000,
      log: l => lines.push(l)
    })

    clock.advance(2000)
    progress.add(10 * MiB) // before the interval: silent
    clock.advance(3000)
    progress.add(15 * MiB) // 25 MiB in 5 s = 5 MiB/s, 75 MiB left = 15 s
    clock.advance(1000)
    progress.add(5 * MiB) // within the next interval: silent

    expect(lines).toEqual([
      'upload app.zip: 25% (25.0 MiB of 100.0 MiB, 5.0 MiB/s, about 15 s left)'
    ])
    expect(progress.elapsedMs()).toBe(6000)
  })

  it('takes back bytes of a repeated attempt and never prints a line at 100%', () => {
    const clock = manualClock()
    const lines: string[] = []
    const progress = createProgress({
      label: 'upload a',
      total: 10 * MiB,
      clock,
      intervalMs: 1000,
      log: l => lines.push(l)
    })

    clock.advance(1000)
    progress.add(8 * MiB)
    progress.retract(8 * MiB)
    clock.advance(60_000)
    progress.add(2 * MiB)
    clock.advance(1000)
    progress.add(8 * MiB)

    expect(lines).toEqual([
      'upload a: 80% (8.0 MiB of 10.0 MiB, 8.0 MiB/s, about 1 s left)',
      'upload a: 20% (2.0 MiB of 10.0 MiB, 0.0 MiB/s, about 5 min left)'
    ])
  })
})
