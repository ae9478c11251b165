/**
 * The chaos soak's short form for CI (docs/reliability.md; the full one is `npm run soak`): the
 * same code publishes the example manifest to live under 5 seeds chosen afresh on every run and
 * printed, so a failure names the seed that reproduces it (`npm run soak -- --seeds N`).
 */
import { expect, test } from '@jest/globals'
import { randomInt } from 'node:crypto'
import { describeTotals, soak } from '../../bench/lib/soak.mjs'

const SEEDS = Array.from({ length: 5 }, () => randomInt(1, 2 ** 31 - 1))

test(`publishes the example manifest to live under 20 % faults, seeds ${SEEDS.join(', ')}`, async () => {
  const lines: string[] = []
  // One emulator per seed, side by side: the runs mostly wait out backoffs, so this keeps the
  // test near one run's time.
  const result = await soak({
    seeds: SEEDS,
    lanes: SEEDS.length,
    progress: line => lines.push(line)
  })
  console.log([`soak seeds: ${SEEDS.join(', ')}`, ...lines, ...describeTotals(result)].join('\n'))
  expect(result.runs.filter(r => !r.live)).toEqual([])
  expect(result.totals).toEqual(
    expect.objectContaining({
      live: SEEDS.length,
      duplicatePackages: 0,
      duplicateSubmissions: 0,
      extraPromotes: 0
    })
  )
  // The faults did fire: about a fifth of the requests.
  expect(result.totals.faulted).toBeGreaterThan(result.totals.requests / 10)
}, 600_000)
