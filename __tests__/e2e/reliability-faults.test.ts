/**
 * The fault matrix (issue 4, docs/reliability.md): one live publish per fault class, each against
 * its own emulator (so the runs go in parallel). Every run must end live with exactly one
 * submission and one new package per plan, the fault must have fired, and no secret may show in
 * the debug-logged output. `--page-size 1` makes every collection paged, so the follow-up-page
 * fault has pages to hit.
 */
import { expect, test } from '@jest/globals'
import { expectNoLeaks } from './leaks.js'
import {
  expectPublishedOnce,
  firedFaults,
  publishLive,
  reliabilityWorkspace
} from './reliability.js'
import { startSession, type LoggedRequest } from './session.js'

/** What shows in the request log when the fault hit. */
type Evidence =
  /** Requests labelled with the fault clause that answered them with this status (0: reset). */
  | { labelled: number | 'any' }
  /** A behaviour fault: the status the client got from it. */
  | { status: number }
  /** More than one token fetched: the first expired during the run. */
  | { tokens: 'refreshed' }

interface FaultCase {
  name: string
  spec: string
  /** Extra emulator options. */
  args?: string[]
  evidence: Evidence
}

const CASES: FaultCase[] = [
  {
    name: '429 with Retry-After seconds',
    spec: '* /products/** -> 429:retry-after=1 x3 after 2',
    evidence: { labelled: 429 }
  },
  {
    name: '429 with an HTTP-date Retry-After',
    spec: '* /products/** -> 429:retry-after=date+1 x3 after 2',
    evidence: { labelled: 429 }
  },
  {
    name: '429 without Retry-After',
    spec: '* /products/** -> 429:no-retry-after x3 after 2',
    evidence: { labelled: 429 }
  },
  { name: '500', spec: 'GET /products/** -> 500 x3 after 2', evidence: { labelled: 500 } },
  { name: '502', spec: '* /products/*/packages/* -> 502 x2', evidence: { labelled: 502 } },
  { name: '503', spec: 'PUT /products/** -> 503 x3', evidence: { labelled: 503 } },
  { name: '504', spec: 'GET /products/*/submissions/* -> 504 x2', evidence: { labelled: 504 } },
  {
    name: 'connection resets',
    spec: '* /products/** -> reset x3 after 3',
    evidence: { labelled: 0 }
  },
  {
    // Creating POSTs are not retried by the transport: create-once.ts looks, then sends again.
    name: '500 on creating POSTs (image, packages)',
    spec: 'POST /products/*/listings/*/images -> 500 x1; POST /products/*/packages -> 500 x2',
    evidence: { labelled: 500 }
  },
  {
    name: 'a package POST that takes effect but loses its reply',
    spec: 'POST /products/*/packages -> reset-after x1',
    evidence: { labelled: 0 }
  },
  { name: 'slow replies', spec: '* /products/** -> slow=1500 x4', evidence: { labelled: 200 } },
  {
    // Two separate expiries: the second clause counts the API calls the first one let through.
    name: 'token expiry mid-run',
    spec: 'token-expiry x1 after 10; token-expiry x1 after 25',
    evidence: { status: 401 }
  },
  {
    // Tokens live 2 s while certification and publishing take several seconds of polling.
    name: 'token expiry while polling (2 s token lifetime)',
    spec: '',
    args: ['--token-lifetime', '2', '--speed', '900'],
    evidence: { tokens: 'refreshed' }
  },
  {
    name: '412 on a PUT (etag made stale between GET and PUT)',
    spec: 'etag-stale x1; etag-stale x1 after 4',
    evidence: { status: 412 }
  },
  { name: '404 on a follow-up page', spec: 'nextlink-404 x2', evidence: { status: 404 } },
  ...[7, 11, 23, 42].map(seed => ({
    name: `a seeded random 20% mix (seed ${seed})`,
    spec: `rate=0.2,seed=${seed}`,
    evidence: { labelled: 'any' } as const
  }))
]

function showsEvidence(requests: LoggedRequest[], evidence: Evidence): boolean {
  if ('tokens' in evidence)
    return (
      requests.filter(r => /oauth2\/(v2\.0\/)?token/.test(r.path) && r.status === 200).length > 1
    )
  if ('status' in evidence) return requests.some(r => r.status === evidence.status)
  return requests.some(
    r => r.fault !== undefined && (evidence.labelled === 'any' || r.status === evidence.labelled)
  )
}

test.concurrent.each(CASES)('survives $name', async ({ spec, args = [], evidence }) => {
  const session = await startSession(['--page-size', '1', ...args])
  try {
    if (spec) await session.setFaults(spec)
    const run = await publishLive(session, reliabilityWorkspace())
    expect(run.stdout.split('\n').filter(l => l.startsWith('::error'))).toEqual([])
    await expectPublishedOnce(session, run)

    // Every clause fired as often as it was told to.
    for (const [clause, fired] of Object.entries(await firedFaults(session)))
      expect([clause, fired > 0]).toEqual([clause, true])
    expect(showsEvidence(await session.requests(), evidence)).toBe(true)

    expectNoLeaks([run], await session.secrets())
  } finally {
    await session.stop()
  }
})
