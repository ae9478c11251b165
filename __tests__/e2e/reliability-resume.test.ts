/**
 * Resume (issues 4 and 9, docs/reliability.md): stop a live publish at each step in turn, by a
 * fault that outlasts the retries or by SIGTERM, then run it again as a new workflow run does
 * (GitHub's "Re-run jobs" behaves the same: the action lists the packages on every run). The
 * second run must leave exactly the state a clean run leaves: same collections with the same
 * sizes (no second package for a file, no second submission, no lost change), configurations on
 * the new packages at the published version, the listing updated; what the stopped run already
 * created it must not create again. Each case has its own emulator, so they run in parallel.
 */
import { expect, test } from '@jest/globals'
import type { RunResult } from '../helpers/runner.js'
import { expectNoLeaks } from './leaks.js'
import {
  OFFER,
  expectPublishedOnce,
  publishLive,
  reliabilityWorkspace,
  shapeOf,
  type Shape
} from './reliability.js'
import { startSession, writesToApi, type LoggedRequest } from './session.js'

/** Slow enough that a publish lasts over 10 s, so the signals land mid-run. */
const EMULATOR_ARGS = ['--speed', '400']
/** The stopped run's budget: a fault that never clears ends it within seconds. */
const SHORT_BUDGET_MINUTES = '0.15'

/** A clean run's shape per emulator option set, computed once each. */
const cleanRuns = new Map<string, Promise<Shape>>()
function cleanShape(args: string[]): Promise<Shape> {
  const key = args.join(' ')
  if (!cleanRuns.has(key))
    cleanRuns.set(
      key,
      (async () => {
        const session = await startSession(args)
        try {
          const run = await publishLive(session, reliabilityWorkspace())
          await expectPublishedOnce(session, run)
          return shapeOf(await session.state(), OFFER)
        } finally {
          await session.stop()
        }
      })()
    )
  return cleanRuns.get(key) as Promise<Shape>
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
  /** Inputs of the second run besides the first run's. */
  inputs?: Record<string, string>
  /** What the stopped run had already created: the second run must not create it again. */
  made?: Array<'packages' | 'submission'>
  /** The second run as GitHub's "Re-run jobs" makes it (GITHUB_RUN_ATTEMPT 2); a new run else. */
  rerunJob?: boolean
}

const CASES: StopCase[] = [
  { step: 'product lookup', spec: 'GET /products -> 500' },
  { step: 'plan (variant) list', spec: 'GET /products/*/variants -> 500' },
  { step: 'listing PUT', spec: 'PUT /products/*/listings/* -> 500' },
  { step: 'image POST', spec: 'POST /products/*/listings/*/images -> 500' },
  { step: 'package POST', spec: 'POST /products/*/packages -> 500' },
  {
    step: 'package PUT Uploaded (after the blob PUT)',
    spec: 'PUT /products/*/packages/* -> 500',
    made: ['packages']
  },
  {
    step: 'package PUT Uploaded, then Re-run jobs',
    spec: 'PUT /products/*/packages/* -> 500',
    made: ['packages'],
    rerunJob: true
  },
  {
    step: 'package PUT Uploaded, then a new run with check-existing always',
    spec: 'PUT /products/*/packages/* -> 500',
    made: ['packages'],
    inputs: { 'check-existing': 'always' }
  },
  {
    step: 'package configuration PUT',
    spec: 'PUT /products/*/packageconfigurations/* -> 500',
    made: ['packages']
  },
  { step: 'submission POST', spec: 'POST /products/*/submissions -> 500', made: ['packages'] },
  {
    step: 'promote',
    spec: 'POST /products/*/submissions/*/promote -> 500',
    budgetMinutes: '1',
    made: ['packages', 'submission']
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
    made: ['packages', 'submission']
  },
  {
    step: 'SIGTERM while waiting for the submission',
    sigterm: { ms: 3000, afterLine: SUBMITTED },
    submitted: true,
    made: ['packages', 'submission']
  }
]

/** The creating POSTs of packages and submissions among `requests`. */
function created(requests: LoggedRequest[], what: 'packages' | 'submission'): LoggedRequest[] {
  const path = what === 'packages' ? /\/packages$/i : /\/submissions$/i
  return writesToApi(requests).filter(r => r.method === 'POST' && path.test(r.path))
}

test.concurrent.each(CASES)(
  'resumes after a stop at $step',
  async ({
    spec,
    sigterm,
    submitted,
    budgetMinutes = SHORT_BUDGET_MINUTES,
    args = [],
    inputs = {},
    made = [],
    rerunJob = false
  }) => {
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

      const before = (await session.requests()).length
      const env: Record<string, string> = rerunJob ? { GITHUB_RUN_ATTEMPT: '2' } : {}
      const resumed = await publishLive(session, workspace, inputs, { env })
      expect(resumed.stdout.split('\n').filter(l => l.startsWith('::error'))).toEqual([])
      await expectPublishedOnce(session, resumed)
      expect(shapeOf(await session.state(), OFFER)).toEqual(await cleanShape(emulatorArgs))
      const again = (await session.requests()).slice(before)
      for (const what of made) expect([what, created(again, what)]).toEqual([what, []])
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
    expect(run.stdout).toMatch(
      /the request to create the submission failed \(connection lost\) but had taken effect: submission \S+ was created, using it/
    )
    await expectPublishedOnce(session, run)
    expect(shapeOf(await session.state(), OFFER)).toEqual(await cleanShape(EMULATOR_ARGS))
    expectNoLeaks([run], await session.secrets())
  } finally {
    await session.stop()
  }
})
