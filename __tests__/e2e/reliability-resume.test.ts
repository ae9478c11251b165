/**
 * Resume (issue 4, docs/reliability.md): stop a live publish at each step in turn, by a fault
 * that outlasts the retries or by SIGTERM, then run it again. The second run must leave exactly
 * the state a clean run leaves: same collections with the same sizes (no second package for a
 * file, no second submission, no lost change), configurations on the new packages at the
 * published version, the listing updated. Each case has its own emulator, so they run in parallel.
 */
import { expect, test } from '@jest/globals'
import type { RunResult } from '../helpers/runner.js'
import { expectNoLeaks } from './leaks.js'
import {
  expectPublishedOnce,
  productIdOf,
  publishLive,
  reliabilityWorkspace
} from './reliability.js'
import { startSession, type Session } from './session.js'

/** Slow enough that a publish lasts over 10 s, so the signals land mid-run. */
const EMULATOR_ARGS = ['--speed', '400']
/** The stopped run's budget: a fault that never clears ends it within seconds. */
const SHORT_BUDGET_MINUTES = '0.15'

type Counts = Record<string, number | string[]>

/** Every collection of the offer's product, by size, plus the files packaged and the versions. */
function shapeOf(session: Session, state: Record<string, unknown>): Counts {
  const product = (state.products as Array<Record<string, unknown>>).find(
    p => p.productId === productIdOf(session)
  ) as Record<string, unknown>
  const counts: Counts = {}
  for (const [key, value] of Object.entries(product))
    if (Array.isArray(value)) counts[key] = value.length
  counts.packageFiles = (product.packages as Array<{ body: { fileName: string } }>)
    .map(p => p.body.fileName)
    .sort()
  return counts
}

/** A clean run's shape per emulator option set, computed once each. */
const cleanRuns = new Map<string, Promise<Counts>>()
function cleanShape(args: string[]): Promise<Counts> {
  const key = args.join(' ')
  if (!cleanRuns.has(key))
    cleanRuns.set(
      key,
      (async () => {
        const session = await startSession(args)
        try {
          const run = await publishLive(session, reliabilityWorkspace())
          await expectPublishedOnce(session, run)
          return shapeOf(session, await session.state())
        } finally {
          await session.stop()
        }
      })()
    )
  return cleanRuns.get(key) as Promise<Counts>
}

/** The line the action logs once its submission is made. */
const SUBMITTED = /submission \d+: InProgress\/Submitted/

interface StopCase {
  step: string
  /** A fault that stops the first run; cleared before the second. */
  spec?: string
  /** SIGTERM this long after the first run logs a line that matches (or after it starts). */
  sigterm?: { ms: number; afterLine?: RegExp }
  /** Whether the stopped run got as far as its submission (checked, so the stop is where named). */
  submitted?: boolean
  /** The stopped run's timeout-minutes, when the step comes late in the run. */
  budgetMinutes?: string
  /** Extra emulator options. */
  args?: string[]
  /**
   * How the publisher runs it again: GitHub's "Re-run jobs" (GITHUB_RUN_ATTEMPT 2, the default:
   * the action then looks for what the stopped attempt left), or a new workflow run (attempt 1,
   * e.g. the tag pushed again), where it looks only when the drafts show an earlier run got as far
   * as the technical configuration, or with `check-existing: always`.
   */
  rerun?: { as: 'new-run'; inputs?: Record<string, string> }
}

const NEW_RUN = { as: 'new-run' } as const

const CASES: StopCase[] = [
  { step: 'product lookup', spec: 'GET /products -> 500', rerun: NEW_RUN },
  { step: 'plan (variant) list', spec: 'GET /products/*/variants -> 500', rerun: NEW_RUN },
  { step: 'listing PUT', spec: 'PUT /products/*/listings/* -> 500', rerun: NEW_RUN },
  { step: 'image POST', spec: 'POST /products/*/listings/*/images -> 500', rerun: NEW_RUN },
  { step: 'package POST', spec: 'POST /products/*/packages -> 500' },
  { step: 'package PUT Uploaded (after the blob PUT)', spec: 'PUT /products/*/packages/* -> 500' },
  {
    step: 'package PUT Uploaded, then a new run with check-existing always',
    spec: 'PUT /products/*/packages/* -> 500',
    rerun: { as: 'new-run', inputs: { 'check-existing': 'always' } }
  },
  { step: 'package configuration PUT', spec: 'PUT /products/*/packageconfigurations/* -> 500' },
  { step: 'submission POST', spec: 'POST /products/*/submissions -> 500', rerun: NEW_RUN },
  {
    step: 'promote',
    spec: 'POST /products/*/submissions/*/promote -> 500',
    budgetMinutes: '1',
    rerun: NEW_RUN
  },
  {
    step: 'SIGTERM during the package uploads',
    sigterm: { ms: 0, afterLine: /upload package/ },
    submitted: false
  },
  {
    step: 'SIGTERM right after the submission POST',
    sigterm: { ms: 0, afterLine: SUBMITTED },
    submitted: true,
    rerun: NEW_RUN
  },
  {
    step: 'SIGTERM while waiting for the submission',
    sigterm: { ms: 3000, afterLine: SUBMITTED },
    submitted: true,
    rerun: NEW_RUN
  }
]

test.concurrent.each(CASES)(
  'resumes after a stop at $step',
  async ({ spec, sigterm, submitted, budgetMinutes = SHORT_BUDGET_MINUTES, args = [], rerun }) => {
    const emulatorArgs = [...EMULATOR_ARGS, ...args]
    const session = await startSession(emulatorArgs)
    try {
      const workspace = reliabilityWorkspace()
      if (spec) await session.setFaults(spec)
      const stopped = await publishLive(
        session,
        workspace,
        spec ? { 'timeout-minutes': budgetMinutes } : {},
        sigterm ? { signalAfter: { ...sigterm, signal: 'SIGTERM' } } : {}
      )
      expect(stopped.code).toBe(1)
      expect(stopped.outputs.status).toBe('failed')
      if (submitted !== undefined) expect(stopped.outputs['submission-id'] !== '').toBe(submitted)
      if (spec) {
        const hit = (await session.requests()).filter(r => r.fault !== undefined)
        expect(hit.length).toBeGreaterThan(0)
        await session.setFaults('')
      }

      const resumed = rerun
        ? await publishLive(session, workspace, rerun.inputs)
        : await publishLive(session, workspace, {}, { env: { GITHUB_RUN_ATTEMPT: '2' } })
      expect(resumed.stdout.split('\n').filter(l => l.startsWith('::error'))).toEqual([])
      await expectPublishedOnce(session, resumed)
      expect(shapeOf(session, await session.state())).toEqual(await cleanShape(emulatorArgs))
      expectNoLeaks([stopped, resumed], await session.secrets())
    } finally {
      await session.stop()
    }
  }
)

test('resolves a submission POST that took effect but lost its reply, without a second one', async () => {
  const session = await startSession(EMULATOR_ARGS)
  try {
    await session.setFaults('POST /products/*/submissions -> reset-after x1')
    const run: RunResult = await publishLive(session, reliabilityWorkspace())
    const posts = (await session.requests()).filter(
      r => r.method === 'POST' && /\/submissions$/i.test(r.path)
    )
    expect(posts[0]).toEqual(expect.objectContaining({ status: 0, fault: expect.any(String) }))
    expect(run.stdout).toMatch(/failed in transit but submission \S+ was created: using it/)
    await expectPublishedOnce(session, run)
    expect(shapeOf(session, await session.state())).toEqual(await cleanShape(EMULATOR_ARGS))
    expectNoLeaks([run], await session.secrets())
  } finally {
    await session.stop()
  }
})
