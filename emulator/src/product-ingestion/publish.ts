/**
 * The submission resource of a configure request (product-ingestion.md §6, §7 A–B): preview takes
 * the whole draft (no `id`, or the draft `submission/<pg>/0`), or only the request's other
 * resources of the product (a modular publish); live promotes the latest preview submission by
 * its `id`. Refusals quote the service where cloudpub matched its messages.
 */
import { SECONDS } from './context.js'
import { refOf, Refused, refuse, type ResourceRef } from './errors.js'
import { findProduct, typeOf, type JobRun } from './references.js'
import { cloneJson, type Json, type ProductRecord, type Resources } from './store.js'
import { inProgress, latestPreview, previewState, submissionNumber, view } from './submissions.js'

/** Publishes as the submission asks; returns the submission as configure-detail lists it. */
export function publish(run: JobRun, resource: Json): Json {
  const product = findProduct(run, resource.product, resource)
  const ref = refOf(resource) ?? `submission/${product.guid}/0`
  if (run.errors.length) {
    refuse(
      ref,
      'operationCanceled',
      'The submission was not processed because other resources of the request failed.'
    )
  }
  const target = (resource.target as Json).targetType
  if (target !== 'preview' && target !== 'live')
    refuse(
      ref,
      'notSupported',
      `Publishing to ${String(target)} is not supported: use preview or live.`
    )
  if (resource.lifecycleState === 'deprecated')
    refuse(ref, 'notSupported', 'The emulator does not model product deprecation.')
  const { speed } = run.context.config
  const running = inProgress(product, run.at, speed)
  if (running) {
    throw new Refused({
      code: 'internalServerError',
      message: `An In Progress submission ${running.number} already exists.`,
      resourceId: ref,
      details: []
    })
  }
  const number =
    target === 'preview'
      ? toPreview(run, product, resource, ref)
      : toLive(run, product, resource, ref)
  return {
    $schema: resource.$schema,
    id: `submission/${product.guid}/${number}`,
    product: `product/${product.guid}`,
    target: { targetType: target }
  }
}

function toPreview(run: JobRun, product: ProductRecord, resource: Json, ref: ResourceRef): string {
  const pg = product.guid
  if (resource.id !== undefined && resource.id !== `submission/${pg}/0`)
    refuse(
      ref,
      'invalidId',
      `A preview publish takes the draft submission (submission/${pg}/0) or no id.`
    )
  const modular = run.written.get(pg)
  let resources: Resources
  if (modular) {
    const { speed } = run.context.config
    resources = cloneJson(
      view(product, 'preview', run.at, speed) ?? view(product, 'live', run.at, speed) ?? {}
    )
    for (const id of [...modular, `product/${pg}`]) {
      if (product.draft[id]) resources[id] = cloneJson(product.draft[id])
      else delete resources[id]
    }
  } else {
    resources = cloneJson(product.draft)
  }
  const problems = publishProblems(product.type, resources)
  if (problems.length) {
    throw new Refused({
      code: 'badRequest',
      message: 'Invalid resource',
      resourceId: ref,
      details: problems.map(p => ({
        code: 'businessValidationError',
        message: p.message,
        resourceId: p.id,
        details: []
      }))
    })
  }
  const number = submissionNumber(run.store.nextSubmission++)
  product.submissions.push({
    number,
    jobId: run.job.jobId,
    createdAt: run.at,
    previewSeconds: SECONDS.previewPublish,
    certificationFails: run.context.faults.take('cert-failed'),
    resources
  })
  run.publishes = { product: pg, number, target: 'preview' }
  return number
}

function toLive(run: JobRun, product: ProductRecord, resource: Json, ref: ResourceRef): string {
  const pg = product.guid
  const number = new RegExp(`^submission/${pg}/(\\d+)$`).exec(String(resource.id ?? ''))?.[1]
  if (!number || number === '0')
    refuse(
      ref,
      'invalidId',
      `A live publish takes the id of the preview submission it promotes (submission/${pg}/<n>).`
    )
  const record = product.submissions.find(s => s.number === number)
  if (!record)
    refuse(ref, 'resourceNotFound', `The submission ${String(resource.id)} was not found.`)
  if (latestPreview(product) !== record) {
    throw new Refused({
      code: 'conflict',
      message: `The submission cannot be pushed to live as its not the latest submission of product/${pg}.`,
      resourceId: ref,
      details: []
    })
  }
  if (previewState(record, run.at, run.context.config.speed).result === 'failed')
    refuse(
      ref,
      'invalidState',
      `The submission ${number} failed certification and cannot be published to live.`
    )
  // Already live (or on its way): nothing more to do.
  if (!record.live) {
    record.live = {
      jobId: run.job.jobId,
      startedAt: run.at,
      seconds: SECONDS.livePublish
    }
    run.publishes = { product: pg, number, target: 'live' }
  }
  return number
}

/** What the service checks before it certifies (inferred minimum): plans, and their parts. */
function publishProblems(
  productType: string,
  resources: Resources
): { id: string; message: string }[] {
  const all = Object.values(resources)
  const of = (type: string): Json[] => all.filter(r => typeOf(r) === type)
  const problems: { id: string; message: string }[] = []
  const productId = String(of('product')[0]?.id ?? '')
  const plans = of('plan')
  if (plans.length === 0) problems.push({ id: productId, message: 'The product has no plan.' })
  if (of('listing').length === 0)
    problems.push({ id: productId, message: 'The product has no listing.' })
  if (
    productType === 'softwareAsAService' &&
    of('software-as-a-service-technical-configuration').length === 0
  )
    problems.push({
      id: productId,
      message: 'The product has no software-as-a-service-technical-configuration.'
    })
  const perPlan = ['plan-listing', 'price-and-availability-plan']
  if (productType === 'azureVirtualMachine')
    perPlan.push('virtual-machine-plan-technical-configuration')
  if (productType === 'azureContainer') perPlan.push('container-plan-technical-configuration')
  for (const plan of plans) {
    for (const type of perPlan) {
      if (!of(type).some(r => r.plan === plan.id))
        problems.push({ id: String(plan.id), message: `The plan has no ${type}.` })
    }
  }
  return problems
}
