/**
 * A submission's state as a pure function of time (ingestion-v1.md §4.2): outcomes are decided at
 * creation, so reading never changes anything. Realistic durations are divided by config.speed.
 */
import type { ApiContext } from './contract.js'
import { simulatedMs } from './model.js'
import type { Json, SubmissionRecord } from './store.js'

const VALIDATION_SECONDS = 300
const CERTIFICATION_SECONDS = 3600
const PUBLISH_SECONDS = 3600
/** While the service copies drafts, `areResourcesReady` is false (inferred from [SB]). */
const COPY_FRACTION_OF_VALIDATION = 0.1

export interface Timeline {
  validatedAt: number
  certifiedAt: number
  /** When promotion starts: on promote, or at `certifiedAt` with `isAutoPromote`. */
  promotedAt?: number
  liveAt?: number
}

export interface SubmissionStatus {
  state: 'InProgress' | 'Published'
  substate:
    'Submitted' | 'Failed' | 'FailedInCertification' | 'ReadyToPublish' | 'Publishing' | 'InStore'
  pendingUpdateInfo: Json
  areResourcesReady: boolean
}

export function timeline(context: ApiContext, s: SubmissionRecord): Timeline {
  const validatedAt = s.createdAt + simulatedMs(context, VALIDATION_SECONDS)
  const certifiedAt = validatedAt + simulatedMs(context, CERTIFICATION_SECONDS)
  const autoPromote = s.publishOption?.isAutoPromote === true
  const promotedAt = s.promotedAt ?? (autoPromote && !fails(s) ? certifiedAt : undefined)
  const liveAt =
    promotedAt === undefined ? undefined : promotedAt + simulatedMs(context, PUBLISH_SECONDS)
  return { validatedAt, certifiedAt, promotedAt, liveAt }
}

const fails = (s: SubmissionRecord): boolean => s.validationItems.length > 0 || s.certificationFails

export function submissionStatus(
  context: ApiContext,
  s: SubmissionRecord,
  now: number
): SubmissionStatus {
  const t = timeline(context, s)
  const copyDoneAt = s.createdAt + COPY_FRACTION_OF_VALIDATION * (t.validatedAt - s.createdAt)
  const status = (
    state: SubmissionStatus['state'],
    substate: SubmissionStatus['substate'],
    pendingUpdateInfo: Json
  ): SubmissionStatus => ({
    state,
    substate,
    pendingUpdateInfo,
    areResourcesReady: now >= copyDoneAt
  })

  if (now < t.validatedAt)
    return status('InProgress', 'Submitted', { updateType: 'Submit', status: 'Running' })
  if (s.validationItems.length > 0) {
    return status('InProgress', 'Failed', {
      updateType: 'Submit',
      status: 'Failed',
      failureReason: 'Validation failed. See the submission validations.'
    })
  }
  if (now < t.certifiedAt)
    return status('InProgress', 'Submitted', { updateType: 'Submit', status: 'Running' })
  if (s.certificationFails) {
    return status('InProgress', 'FailedInCertification', {
      updateType: 'Submit',
      status: 'Failed',
      failureReason: 'Certification failed. See the submission reports.'
    })
  }
  if (t.promotedAt === undefined || now < t.promotedAt) {
    return status('Published', 'ReadyToPublish', { updateType: 'Submit', status: 'Completed' })
  }
  if (now < t.liveAt!)
    return status('Published', 'Publishing', { updateType: 'Promote', status: 'Running' })
  return status('Published', 'InStore', { updateType: 'Promote', status: 'Completed' })
}

type StepState = 'NotStarted' | 'InProgress' | 'Success' | 'Failed'

/** `failed` marks a step that ended in failure. Times not reached yet are left out. */
function step(name: string, now: number, start?: number, end?: number, failed = false): Json {
  const started = start !== undefined && now >= start
  const done = started && end !== undefined && now >= end
  const state: StepState = !started
    ? 'NotStarted'
    : !done
      ? 'InProgress'
      : failed
        ? 'Failed'
        : 'Success'
  return {
    name,
    state,
    ...(started ? { startDateTimeInUtc: new Date(start).toISOString() } : {}),
    ...(done ? { completeDateTimeInUtc: new Date(end!).toISOString() } : {})
  }
}

function workflow(type: string, target: string, steps: Json[]): Json {
  const states = steps.map(s => s.state)
  const state = states.includes('Failed')
    ? 'Failed'
    : states.every(s => s === 'Success')
      ? 'Completed'
      : states.every(s => s === 'NotStarted')
        ? 'NotStarted'
        : 'InProgress'
  const first = steps[0].startDateTimeInUtc
  const last =
    state === 'Completed' || state === 'Failed'
      ? steps
          .map(s => s.completeDateTimeInUtc)
          .filter(Boolean)
          .pop()
      : undefined
  return {
    type,
    state,
    targetEnvironment: target,
    workflowSteps: steps,
    ...(first === undefined ? {} : { startDateTimeInUtc: first }),
    ...(last === undefined ? {} : { completeDateTimeInUtc: last })
  }
}

/**
 * Two entries, preview then live, as [BCH] expects (§4.3). Step names are [BCH]'s; which workflow
 * holds which step, and the entries' `type`, are inferred.
 */
export function workflowDetails(context: ApiContext, s: SubmissionRecord, now: number): Json[] {
  const t = timeline(context, s)
  const invalid = s.validationItems.length > 0
  const preview = [
    step('Automated validation', now, s.createdAt, t.validatedAt, invalid),
    step(
      'Certification',
      now,
      invalid ? undefined : t.validatedAt,
      t.certifiedAt,
      s.certificationFails
    ),
    step(
      'Preview Creation',
      now,
      invalid || s.certificationFails ? undefined : t.certifiedAt,
      t.certifiedAt
    ),
    step(
      'Publisher Signoff',
      now,
      invalid || s.certificationFails ? undefined : t.certifiedAt,
      t.promotedAt
    )
  ]
  const live = [step('Publish', now, t.promotedAt, t.liveAt)]
  return [workflow('Submission', 'preview', preview), workflow('Submission', 'live', live)]
}

/** Certification reports (§4.3): Pending during certification, then Passed or Failed. */
export function reports(context: ApiContext, s: SubmissionRecord, now: number): Json[] {
  const t = timeline(context, s)
  if (s.validationItems.length > 0 || now < t.validatedAt) return []
  const done = now >= t.certifiedAt
  const status = !done ? 'Pending' : s.certificationFails ? 'Failed' : 'Passed'
  const text = `Certification report for submission ${s.id}: ${status}.`
  return [
    {
      reportTimeInUtc: new Date(done ? t.certifiedAt : t.validatedAt).toISOString(),
      status,
      // A self-contained downloadable report; the real one is a file on Microsoft's storage.
      fileUri: `data:text/plain;base64,${Buffer.from(text).toString('base64')}`
    }
  ]
}
