/**
 * What a configure job does when it is processed (product-ingestion.md §10, job processing): it
 * resolves each resource's references (durable id, `{externalId}`, `{resourceName}`), gives it its
 * durable id, runs the business checks, writes the draft, and finally publishes when the body
 * carries a submission. Resources are taken products first, then plans, listings and the rest, so
 * references by `resourceName` work in any body order.
 *
 * A resource that fails becomes a job error naming it, and the others still apply: the docs say
 * `configure/{jobId}` of a failed job lists "the resources which were completed successfully". A
 * submission is not processed when anything else in its job failed.
 */
import { randomUUID } from 'node:crypto'
import { SECONDS, simulatedMs, type PiContext } from './context.js'
import type { JobError, ResourceRef } from './errors.js'
import { expectedKind, isModelledProductType, RESOURCE_TYPES } from './resource-types.js'
import { businessProblems, deletionProblem } from './rules.js'
import { parseSchemaUri } from './schema-uri.js'
import {
  inProgress,
  latestPreview,
  previewState,
  publishedCopies,
  submissionNumber,
  view
} from './submissions.js'
import {
  cloneJson,
  type JobRecord,
  type Json,
  type PiStore,
  type ProductRecord,
  type Resources
} from './store.js'

export type Outcome = NonNullable<JobRecord['outcome']>

/** A resource the job could not apply: becomes one entry of the job's `errors`. */
class Refused extends Error {
  constructor(readonly error: JobError) {
    super(error.message)
  }
}

const RANK: Record<string, number> = { product: 0, plan: 1, listing: 2, submission: 4 }
const rank = (resource: Json): number => RANK[typeOf(resource)] ?? 3
const typeOf = (resource: Json): string => parseSchemaUri(resource.$schema)?.type ?? ''

export function processJob(store: PiStore, context: PiContext, job: JobRecord): Outcome {
  const at = job.processAt
  if (job.forcedFailure) {
    const first = job.resources[0]
    return {
      errors: [
        invalid(refOf(first), 'The emulator failed this job on purpose (fault job-failed).')
      ],
      applied: []
    }
  }
  if (job.blockedBy) {
    return {
      errors: [
        {
          code: 'conflict',
          message: `Another configure job (${job.blockedBy}) was still processing the product.`,
          details: [
            { code: 'productLocked', message: 'The product is locked by another job.', details: [] }
          ]
        }
      ],
      applied: []
    }
  }

  const errors: JobError[] = []
  const applied: Json[] = []
  const names = new Map<string, { type: string; id: string; product: ProductRecord }>()
  /** Durable ids this job wrote, per product guid: the resources of a modular publish. */
  const written = new Map<string, Set<string>>()
  let publishes: Outcome['publishes']

  const refuse = (ref: ResourceRef | undefined, code: string, message: string): never => {
    throw new Refused(
      code === 'businessValidationError' ? invalid(ref, message) : resourceError(ref, code, message)
    )
  }

  const findProduct = (ref: unknown, from: Json): ProductRecord => {
    const record =
      typeof ref === 'string'
        ? store.products.find(p => `product/${p.guid}` === ref.toLowerCase())
        : isRef(ref, 'externalId')
          ? store.products.find(p => p.externalId === ref.externalId)
          : isRef(ref, 'resourceName')
            ? names.get(ref.resourceName)?.product
            : undefined
    if (!record)
      refuse(refOf(from), 'resourceNotFound', `The product ${JSON.stringify(ref)} was not found.`)
    return record!
  }

  const findInDraft = (product: ProductRecord, type: string, ref: unknown, from: Json): string => {
    let id: string | undefined
    if (typeof ref === 'string')
      id = product.draft[ref.toLowerCase()] ? ref.toLowerCase() : undefined
    else if (isRef(ref, 'resourceName')) {
      const named = names.get(ref.resourceName)
      id = named?.type === type && named.product === product ? named.id : undefined
    } else if (isRef(ref, 'externalId') && type === 'plan') {
      id = Object.values(product.draft).find(
        r => typeOf(r) === 'plan' && (r.identity as Json).externalId === ref.externalId
      )?.id as string | undefined
    }
    if (!id || typeOf(product.draft[id]) !== type)
      refuse(refOf(from), 'resourceNotFound', `The ${type} ${JSON.stringify(ref)} was not found.`)
    return id!
  }

  const applyResource = (resource: Json): Json => {
    const type = typeOf(resource)
    const info = RESOURCE_TYPES[type]
    if (type === 'product') return applyProduct(resource)
    const product = findProduct(resource.product, resource)
    checkApplies(product, type, resource)
    const refs: Json = { product: `product/${product.guid}` }
    if (info.identity === 'plan-singleton' || info.identity === 'plan-listing')
      refs.plan = findInDraft(product, 'plan', resource.plan, resource)
    if (info.identity === 'listing-media')
      refs.listing = findInDraft(product, 'listing', resource.listing, resource)

    const id = durableId(product, type, resource, refs)
    const next = storedForm(resource, id, refs)
    const current = product.draft[id]
    const published = publishedCopies(product, id, at)
    if (resource.lifecycleState === 'deleted') {
      const problem = deletionProblem(published)
      if (problem) refuse(id, 'businessValidationError', problem)
      remove(product, id)
    } else {
      const problems = businessProblems(type, next, current, published)
      if (problems.length) refuse(id, 'businessValidationError', problems.join(' '))
      product.draft[id] = next
    }
    remember(resource, type, id, product)
    return next
  }

  const applyProduct = (resource: Json): Json => {
    const externalId = (resource.identity as Json).externalId as string
    let product: ProductRecord
    if (resource.id !== undefined) {
      product = findProduct(resource.id, resource)
    } else {
      if (store.products.some(p => p.externalId === externalId)) {
        refuse(
          { externalId },
          'businessValidationError',
          `A product with the external ID ${externalId} already exists: reference it by its durable id.`
        )
      }
      product = {
        guid: randomUUID(),
        externalId,
        type: String(resource.type),
        draft: {},
        submissions: [],
        mediaCount: 0
      }
    }
    const id = `product/${product.guid}`
    const next = storedForm(resource, id, {})
    const published = publishedCopies(product, id, at)
    if (resource.lifecycleState === 'deleted') {
      const problem = deletionProblem(published)
      if (problem) refuse(id, 'businessValidationError', problem)
      store.products = store.products.filter(p => p !== product)
    } else {
      const problems = businessProblems('product', next, product.draft[id], published)
      if (problems.length) refuse(id, 'businessValidationError', problems.join(' '))
      if (!store.products.includes(product)) store.products.push(product)
      product.draft[id] = next
    }
    remember(resource, 'product', id, product)
    return next
  }

  const checkApplies = (product: ProductRecord, type: string, resource: Json): void => {
    const ref = refOf(resource)
    if (type === 'plan' || type === 'submission') return
    if (!isModelledProductType(product.type)) {
      refuse(
        ref,
        'notSupported',
        `The emulator does not model ${type} resources of ${product.type} products.`
      )
    }
    const types = RESOURCE_TYPES[type].productTypes
    if (types && !types.includes(product.type as never))
      refuse(ref, 'businessValidationError', `${type} does not apply to ${product.type} products.`)
    const kind = expectedKind(type, product.type as never)
    if (kind && resource.kind !== kind) {
      refuse(
        ref,
        'businessValidationError',
        `The kind ${JSON.stringify(resource.kind)} does not match the product type ${product.type}: use ${kind}.`
      )
    }
  }

  const durableId = (product: ProductRecord, type: string, resource: Json, refs: Json): string => {
    const pg = product.guid
    const plg = typeof refs.plan === 'string' ? refs.plan.split('/')[2] : ''
    const language = String(resource.languageId ?? '').toLowerCase()
    const given = typeof resource.id === 'string' ? resource.id.toLowerCase() : undefined
    let id: string
    switch (RESOURCE_TYPES[type].identity) {
      case 'plan':
        if (given) return findInDraft(product, 'plan', given, resource)
        {
          const externalId = (resource.identity as Json).externalId
          const taken = Object.values(product.draft).some(
            r => typeOf(r) === 'plan' && (r.identity as Json).externalId === externalId
          )
          if (taken) {
            refuse(
              { externalId: String(externalId) },
              'businessValidationError',
              `A plan with the external ID ${String(externalId)} already exists in product/${pg}: reference it by its durable id.`
            )
          }
        }
        return `plan/${pg}/${randomUUID()}`
      case 'listing-media':
        if (given) return findInDraft(product, type, given, resource)
        product.mediaCount++
        return type === 'listing-asset'
          ? `listing-asset/${pg}/public/main/default/${language}/${String(resource.type).toLowerCase()}/${product.mediaCount}`
          : `listing-trailer/${pg}/public/main/default/${product.mediaCount}`
      case 'product-singleton':
        id = `${type}/${pg}`
        break
      case 'plan-singleton':
        id = `${type}/${pg}/${plg}`
        break
      case 'listing':
        id = `listing/${pg}/public/main/default/${language}`
        break
      case 'plan-listing':
        id = `plan-listing/${pg}/public/main/${plg}/${language}`
        break
      default:
        id = `property/${pg}/public/main`
    }
    if (given && given !== id) {
      refuse(
        given,
        'invalidId',
        `The id ${given} does not match the resource's product, plan and language: it is ${id}.`
      )
    }
    return id
  }

  const remove = (product: ProductRecord, id: string): void => {
    delete product.draft[id]
    // A plan or listing takes its own resources with it.
    for (const [other, resource] of Object.entries(product.draft)) {
      if (resource.plan === id || resource.listing === id) delete product.draft[other]
    }
  }

  const remember = (resource: Json, type: string, id: string, product: ProductRecord): void => {
    if (typeof resource.resourceName === 'string')
      names.set(resource.resourceName, { type, id, product })
    let ids = written.get(product.guid)
    if (!ids) written.set(product.guid, (ids = new Set()))
    ids.add(id)
  }

  const publish = (resource: Json): Json => {
    const product = findProduct(resource.product, resource)
    const pg = product.guid
    const ref = refOf(resource) ?? `submission/${pg}/0`
    if (errors.length) {
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
    const running = inProgress(product, at)
    if (running) {
      throw new Refused({
        code: 'internalServerError',
        message: `An In Progress submission ${running.number} already exists.`,
        resourceId: ref,
        details: []
      })
    }
    return target === 'preview'
      ? publishPreview(product, resource, ref)
      : publishLive(product, resource, ref)
  }

  const publishPreview = (product: ProductRecord, resource: Json, ref: ResourceRef): Json => {
    const pg = product.guid
    if (resource.id !== undefined && resource.id !== `submission/${pg}/0`) {
      refuse(
        ref,
        'invalidId',
        `A preview publish takes the draft submission (submission/${pg}/0) or no id.`
      )
    }
    const modular = written.get(pg)
    let resources: Resources
    if (modular) {
      resources = cloneJson(view(product, 'preview', at) ?? view(product, 'live', at) ?? {})
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
    const number = submissionNumber(store.nextSubmission++)
    product.submissions.push({
      number,
      jobId: job.jobId,
      createdAt: at,
      previewDoneAt: at + simulatedMs(context, SECONDS.previewPublish),
      certificationFails: context.faults.take('cert-failed'),
      resources
    })
    publishes = { product: pg, number, target: 'preview' }
    return submissionResource(resource, `submission/${pg}/${number}`, pg, 'preview')
  }

  const publishLive = (product: ProductRecord, resource: Json, ref: ResourceRef): Json => {
    const pg = product.guid
    const number = new RegExp(`^submission/${pg}/(\\d+)$`).exec(String(resource.id ?? ''))?.[1]
    if (!number || number === '0') {
      refuse(
        ref,
        'invalidId',
        `A live publish takes the id of the preview submission it promotes (submission/${pg}/<n>).`
      )
    }
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
    if (previewState(record!, at).result === 'failed')
      refuse(
        ref,
        'invalidState',
        `The submission ${number} failed certification and cannot be published to live.`
      )
    if (!record!.live) {
      record!.live = {
        jobId: job.jobId,
        startedAt: at,
        doneAt: at + simulatedMs(context, SECONDS.livePublish)
      }
      publishes = { product: pg, number: number!, target: 'live' }
    }
    return submissionResource(resource, `submission/${pg}/${number}`, pg, 'live')
  }

  const ordered = [...job.resources].sort((a, b) => rank(a) - rank(b))
  const submissions = ordered.filter(r => typeOf(r) === 'submission')
  for (const resource of ordered) {
    if (typeOf(resource) === 'submission') continue
    try {
      applied.push(applyResource(resource))
    } catch (error) {
      if (!(error instanceof Refused)) throw error
      errors.push(error.error)
    }
  }
  submissions.forEach((resource, index) => {
    try {
      if (index > 0)
        refuse(refOf(resource), 'notSupported', 'A configure request carries one submission.')
      applied.push(publish(resource))
    } catch (error) {
      if (!(error instanceof Refused)) throw error
      errors.push(error.error)
    }
  })
  return { errors, applied, ...(publishes ? { publishes } : {}) }
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

/** The stored form: `$schema`, `id`, references as durable ids, no `resourceName` (§3.2). */
function storedForm(resource: Json, id: string, refs: Json): Json {
  const rest: Json = { ...resource }
  for (const key of ['$schema', 'id', 'resourceName', 'product', 'plan', 'listing'])
    delete rest[key]
  return { $schema: resource.$schema, id, ...refs, ...rest }
}

function submissionResource(resource: Json, id: string, pg: string, target: string): Json {
  return { $schema: resource.$schema, id, product: `product/${pg}`, target: { targetType: target } }
}

function isRef<K extends string>(value: unknown, key: K): value is Record<K, string> {
  return typeof value === 'object' && value !== null && typeof (value as Json)[key] === 'string'
}

/** How an error names a resource: its durable id, else its `resourceName`, else its external id. */
export function refOf(resource: Json | undefined): ResourceRef | undefined {
  if (!resource) return undefined
  if (typeof resource.id === 'string') return resource.id
  if (typeof resource.resourceName === 'string') return { resourceName: resource.resourceName }
  const externalId = (resource.identity as Json | undefined)?.externalId
  return typeof externalId === 'string' ? { externalId } : undefined
}

/** A business failure as the service nests it: "Invalid resource", the reason in `details` (§4.2). */
function invalid(ref: ResourceRef | undefined, message: string): JobError {
  const detail = {
    code: 'businessValidationError',
    message,
    ...(ref ? { resourceId: ref } : {}),
    details: []
  }
  return {
    code: 'badRequest',
    message: 'Invalid resource',
    ...(ref ? { resourceId: ref } : {}),
    details: [detail]
  }
}

function resourceError(ref: ResourceRef | undefined, code: string, message: string): JobError {
  const detail = { code, message, ...(ref ? { resourceId: ref } : {}), details: [] }
  return { code: 'badRequest', message, ...(ref ? { resourceId: ref } : {}), details: [detail] }
}
