/** Submissions and their lifecycle endpoints (ingestion-v1.md §4). */
import type { ApiRequest, Operations } from './contract.js'
import { conflict, notFound } from './errors.js'
import { submissionId } from './ids.js'
import {
  bodyObject,
  collection,
  created,
  findProduct,
  ok,
  productPath,
  sameId,
  type Model
} from './model.js'
import { matchesFilter, parseFilter } from './odata-filter.js'
import { rotateDrafts } from './drafts.js'
import { checkSubmissionRequest } from './submission-checks.js'
import { reports, submissionStatus, timeline, workflowDetails } from './submission-lifecycle.js'
import type { Json, ProductRecord, SubmissionRecord } from './store.js'

/** Validation item of a failure forced by the `validation-failed` fault (code inferred). */
const FORCED_VALIDATION_FAILURE = {
  errorCode: 'Submission-20001',
  severity: 'Error',
  message: 'Validation failed (forced by the emulator fault validation-failed).',
  resource: 'Submission'
}

function findSubmission(record: ProductRecord, id: string): SubmissionRecord {
  const found = record.submissions.find(s => sameId(s.id, id))
  if (!found) throw notFound('Submission', id)
  return found
}

function submissionView(model: Model, s: SubmissionRecord, withPublishOption: boolean): Json {
  const now = model.context.now()
  const status = submissionStatus(model.context, s, now)
  const live = timeline(model.context, s).liveAt
  return {
    resourceType: 'Submission',
    state: status.state,
    substate: status.substate,
    targets: s.targets,
    resources: s.resources,
    variantResources: s.variantResources,
    ...(withPublishOption && s.publishOption ? { publishOption: s.publishOption } : {}),
    // Unset values are left out, as the service leaves out unset properties (deviation unset-omitted).
    ...(live === undefined || now < live
      ? {}
      : { publishedTimeInUtc: new Date(live).toISOString() }),
    pendingUpdateInfo: status.pendingUpdateInfo,
    extendedProperties: [],
    releaseNumber: s.releaseNumber,
    friendlyName: `Submission ${s.releaseNumber}`,
    areResourcesReady: status.areResourcesReady,
    id: s.id
  }
}

const expandsPublishOption = (request: ApiRequest): boolean =>
  (request.query.get('$expand') ?? '')
    .toLowerCase()
    .split(',')
    .some(s => s.trim() === 'publishoption')

/**
 * A submission blocks a new one while it runs: InProgress and not failed ([BCH], §4.4), and also
 * while Publishing (BCH refuses then too; what the server does is undocumented).
 */
function isBlocking(model: Model, s: SubmissionRecord): boolean {
  const { state, substate } = submissionStatus(model.context, s, model.context.now())
  if (state === 'InProgress') return substate !== 'Failed' && substate !== 'FailedInCertification'
  return substate === 'Publishing'
}

export function submissionOperations(model: Model): Operations {
  const base = '/products/{productID}/submissions'
  const item = `${base}/{submissionID}`
  const lookup = (request: ApiRequest): { record: ProductRecord; submission: SubmissionRecord } => {
    const record = findProduct(model, request.params.productID)
    return { record, submission: findSubmission(record, request.params.submissionID) }
  }
  return {
    [`GET ${base}`]: request => {
      const record = findProduct(model, request.params.productID)
      const withOption = expandsPublishOption(request)
      let views = record.submissions.map(s => submissionView(model, s, withOption))
      const filterText = request.query.get('$filter')
      if (filterText && filterText.trim() !== '') {
        const filter = parseFilter(filterText)
        views = views.filter(v => matchesFilter(filter, v, ['state', 'substate']))
      }
      return collection(views)
    },
    [`POST ${base}`]: request => {
      const record = findProduct(model, request.params.productID)
      const body = bodyObject(request)
      const now = model.context.now()
      const strict = model.context.config.submissionChecks === 'strict'
      const checked = checkSubmissionRequest(record, body, now, strict)
      if (
        model.context.faults.take('submission-409') ||
        record.submissions.some(s => isBlocking(model, s))
      ) {
        throw conflict('Submission', 'Create submission failed: another submission is in progress.')
      }
      const validationItems = [...checked.validationItems]
      if (model.context.faults.take('validation-failed'))
        validationItems.push(FORCED_VALIDATION_FAILURE)
      const submission: SubmissionRecord = {
        id: submissionId(model.store.nextSubmissionNumber++),
        releaseNumber: ++record.releaseCount,
        createdAt: now,
        targets: Array.isArray(body.targets)
          ? (body.targets as Json[])
          : [{ type: 'Scope', value: 'preview' }],
        resources: checked.resources.map(r => ({ ...r })),
        variantResources: checked.variantResources.map(v => ({
          variantID: v.variantID,
          resources: v.resources
        })),
        ...(typeof body.publishOption === 'object' && body.publishOption !== null
          ? { publishOption: body.publishOption as Json }
          : {}),
        validationItems,
        // Only a submission that passes validation reaches certification.
        certificationFails: validationItems.length === 0 && model.context.faults.take('cert-failed')
      }
      record.submissions.push(submission)
      if (model.context.config.rotateDraftInstances) {
        rotateDrafts(record, {
          id: submission.id,
          instanceIDs: [
            ...checked.resources.map(r => r.value),
            ...checked.variantResources.flatMap(v => v.resources.map(r => r.value))
          ],
          keepSubmitted: model.context.config.keepSubmittedInstances
        })
      }
      return created(
        productPath(model, record.productId, `/submissions/${submission.id}`),
        submissionView(model, submission, true)
      )
    },
    [`GET ${item}`]: request => {
      const { submission } = lookup(request)
      return ok(submissionView(model, submission, expandsPublishOption(request)))
    },
    [`DELETE ${item}`]: request => {
      const { record, submission } = lookup(request)
      const { state } = submissionStatus(model.context, submission, model.context.now())
      if (state !== 'InProgress') {
        throw conflict(
          'Submission',
          `Only InProgress submissions can be deleted; this one is ${state}.`
        )
      }
      record.submissions = record.submissions.filter(s => s !== submission)
      return { status: 204 }
    },
    [`POST ${item}/promote`]: request => {
      const { submission } = lookup(request)
      const now = model.context.now()
      const { state, substate } = submissionStatus(model.context, submission, now)
      if (state !== 'Published' || substate !== 'ReadyToPublish') {
        throw conflict(
          'Submission',
          `Only Published/ReadyToPublish can be promoted; this one is ${state}/${substate}.`
        )
      }
      submission.promotedAt = now
      return ok(workflowDetails(model.context, submission, now)[1])
    },
    [`GET ${item}/validations`]: request => {
      const { submission } = lookup(request)
      const { substate } = submissionStatus(model.context, submission, model.context.now())
      // Validation results appear once validation has finished.
      return collection(substate === 'Failed' ? submission.validationItems : [])
    },
    [`GET ${item}/workflowdetails`]: request => {
      const { submission } = lookup(request)
      return collection(workflowDetails(model.context, submission, model.context.now()))
    },
    [`GET ${item}/reports`]: request => {
      const { submission } = lookup(request)
      return collection(reports(model.context, submission, model.context.now()))
    }
  }
}
