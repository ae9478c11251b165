// The chaos soak (issue 9): publish the example manifest (examples/marketplace.yml, three offers)
// to live once per seed against one emulator, reset between runs, with 20 % of API requests
// faulted by a seeded mix: 429 in both Retry-After forms, 5xx before the request takes effect,
// 5xx and lost connections after it did, connections reset before it, and slow replies. Each run
// is compared with a clean run (no faults) of the same manifest: duplicate packages and
// submissions, extra promotes, and whether it ended live. Used by `npm run soak` (bench/soak.mjs,
// 50 seeds, figures written to docs/reliability.md) and by the CI test
// __tests__/e2e/reliability-soak.test.ts (5 fresh seeds).
import { runAction, firstError } from './action.mjs'
import { publishInputs } from './demo-publish.mjs'
import { startEmulator } from './emulator.mjs'
import { exampleManifest } from './paths.mjs'

/** Share of API requests faulted. */
export const SOAK_RATE = 0.2

/**
 * The kinds a faulted request gets, drawn uniformly: 429 with `Retry-After: 1` and with an HTTP
 * date; 500/502/503/504 before the request takes effect; 500/503/504 and a dropped connection
 * after it took effect; a reset before it; a reply 1.5 s late.
 */
export const SOAK_KINDS = [
  '429',
  '429:retry-after=date+1',
  '500',
  '502',
  '503',
  '504',
  '500-after',
  '503-after',
  '504-after',
  'reset',
  'reset-after',
  'slow=1500'
]

export function soakFaults(seed) {
  return `rate=${SOAK_RATE},seed=${seed},kinds=${SOAK_KINDS.join(',')}`
}

/** Per offer: packages and submissions in the emulator, and how many were promoted. */
function offerCounts(state) {
  return Object.fromEntries(
    state.products.map(p => [
      p.offerId,
      {
        packages: p.packages.length,
        submissions: p.submissions.length,
        promoted: p.submissions.filter(s => s.promotedAt !== undefined).length
      }
    ])
  )
}

const isPromote = entry => entry.method === 'POST' && /\/promote$/i.test(entry.path)

/** `extra` is what a run has beyond the clean run's count (never below 0). */
function extra(counts, clean, field) {
  return Object.entries(counts).reduce(
    (sum, [offerId, c]) => sum + Math.max(0, c[field] - (clean[offerId]?.[field] ?? 0)),
    0
  )
}

async function publish(emulator, faults) {
  await emulator.admin('POST', '/reset')
  if (faults) await emulator.admin('PUT', '/faults', { spec: faults })
  const run = await runAction(
    publishInputs(emulator.ready, exampleManifest, { 'timeout-minutes': '15' })
  )
  const [state, log] = await Promise.all([
    emulator.admin('GET', '/state'),
    emulator.admin('GET', '/requests')
  ])
  return { run, counts: offerCounts(state), log }
}

/**
 * Runs the soak: `seeds` one after another on one emulator, after a clean run; with `lanes` > 1,
 * that many emulators each take every lanes-th seed at the same time (faster, but the wall times
 * then include the lanes' competition for the CPU). `progress` gets a line per run. Resolves with
 * every run's figures, in the order of `seeds`, and the totals.
 */
export async function soak({ seeds, lanes = 1, progress = () => undefined }) {
  const count = Math.max(1, Math.min(lanes, seeds.length))
  const groups = Array.from({ length: count }, (_, i) => seeds.filter((_, j) => j % count === i))
  const results = await Promise.all(groups.map(group => soakLane(group, progress)))
  const runs = results
    .flatMap(r => r.runs)
    .sort((a, b) => seeds.indexOf(a.seed) - seeds.indexOf(b.seed))
  return { runs, totals: totals(runs), cleanWallMs: results[0].cleanWallMs }
}

async function soakLane(seeds, progress) {
  const emulator = await startEmulator(['--quiet'])
  try {
    const clean = await publish(emulator)
    if (clean.run.code !== 0) throw new Error(`the clean run failed: ${firstError(clean.run)}`)
    const runs = []
    for (const seed of seeds) {
      const { run, counts, log } = await publish(emulator, soakFaults(seed))
      const promotes = log.filter(isPromote)
      const result = {
        seed,
        live: run.code === 0 && run.outputs.status === 'live',
        status: run.outputs.status ?? '',
        wallMs: run.wallMs,
        faulted: log.filter(e => e.fault !== undefined).length,
        requests: log.length,
        duplicatePackages: extra(counts, clean.counts, 'packages'),
        duplicateSubmissions: extra(counts, clean.counts, 'submissions'),
        // A promote refused (409) was sent to a submission already promoted; a second promoted
        // submission is a promote the clean run did not need.
        extraPromotes:
          promotes.filter(e => e.status === 409).length + extra(counts, clean.counts, 'promoted'),
        error: run.code === 0 ? undefined : firstError(run)
      }
      runs.push(result)
      progress(describeRun(result))
    }
    return { runs, cleanWallMs: clean.run.wallMs }
  } finally {
    await emulator.stop()
  }
}

function describeRun(r) {
  const figures = `${r.faulted}/${r.requests} requests faulted, ${(r.wallMs / 1000).toFixed(1)} s`
  const extras = `dup packages ${r.duplicatePackages}, dup submissions ${r.duplicateSubmissions}, extra promotes ${r.extraPromotes}`
  return `seed ${r.seed}: ${r.live ? 'live' : `NOT live (${r.status}: ${r.error})`}; ${figures}; ${extras}`
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

function totals(runs) {
  const sum = field => runs.reduce((s, r) => s + r[field], 0)
  const walls = runs.map(r => r.wallMs)
  return {
    runs: runs.length,
    live: runs.filter(r => r.live).length,
    duplicatePackages: sum('duplicatePackages'),
    duplicateSubmissions: sum('duplicateSubmissions'),
    extraPromotes: sum('extraPromotes'),
    faulted: sum('faulted'),
    requests: sum('requests'),
    p50Ms: percentile(walls, 50),
    p95Ms: percentile(walls, 95)
  }
}

/** The totals as the lines `npm run soak` prints. */
export function describeTotals({ totals: t, cleanWallMs }) {
  return [
    `runs live: ${t.live}/${t.runs}`,
    `duplicate packages: ${t.duplicatePackages}, duplicate submissions: ${t.duplicateSubmissions} (compared with a clean run)`,
    `extra promotes: ${t.extraPromotes}`,
    `wall time: p50 ${(t.p50Ms / 1000).toFixed(1)} s, p95 ${(t.p95Ms / 1000).toFixed(1)} s (clean run ${(cleanWallMs / 1000).toFixed(1)} s)`,
    `requests faulted: ${t.faulted} of ${t.requests} (${((100 * t.faulted) / Math.max(1, t.requests)).toFixed(1)} %)`
  ]
}
