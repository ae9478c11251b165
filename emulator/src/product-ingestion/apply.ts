/**
 * What a configure job does when it is processed (product-ingestion.md §10, job processing): it
 * resolves each resource's references, gives it its durable id, runs the business checks, writes
 * the draft, and finally publishes when the body carries a submission (publish.ts). Resources are
 * taken products first, then plans, listings and the rest, so references by `resourceName` work
 * in any body order.
 *
 * A resource that fails becomes a job error naming it, and the others still apply: the docs say
 * `configure/{jobId}` of a failed job lists "the resources which were completed successfully".
 */
import { randomUUID } from 'node:crypto'
import type { PiContext } from './context.js'
import { refOf, Refused, refuse } from './errors.js'
import { publish } from './publish.js'
import { findInDraft, findProduct, typeOf, type JobRun, type Outcome } from './references.js'
import {
  expectedKind,
  isModelledProductType,
  RESOURCE_TYPES,
  type ProductType
} from './resource-types.js'
import { businessProblems, deletionProblem } from './rules.js'
import { publishedCopies } from './submissions.js'
import type { JobRecord, Json, PiStore, ProductRecord } from './store.js'

const RANK: Record<string, number> = { product: 0, plan: 1, listing: 2, submission: 4 }
const rank = (resource: Json): number => RANK[typeOf(resource)] ?? 3

export function processJob(store: PiStore, context: PiContext, job: JobRecord): Outcome {
  const run: JobRun = {
    store,
    context,
    job,
    at: job.processAt,
    errors: [],
    names: new Map(),
    written: new Map()
  }
  const attempt = (apply: () => Json): Json | undefined => {
    try {
      return apply()
    } catch (error) {
      if (!(error instanceof Refused)) throw error
      run.errors.push(error.error)
      return undefined
    }
  }

  if (job.forcedFailure) {
    attempt(() =>
      refuse(
        refOf(job.resources[0]),
        'businessValidationError',
        'The emulator failed this job on purpose (fault job-failed).'
      )
    )
    return { errors: run.errors, applied: [] }
  }
  if (job.blockedBy) {
    const message = `Another configure job (${job.blockedBy}) was still processing the product.`
    const locked = {
      code: 'productLocked',
      message: 'The product is locked by another job.',
      details: []
    }
    return { errors: [{ code: 'conflict', message, details: [locked] }], applied: [] }
  }

  const applied: Json[] = []
  const ordered = [...job.resources].sort((a, b) => rank(a) - rank(b))
  const submissions = ordered.filter(r => typeOf(r) === 'submission')
  for (const resource of ordered.filter(r => typeOf(r) !== 'submission')) {
    const stored = attempt(() =>
      typeOf(resource) === 'product' ? applyProduct(run, resource) : applyResource(run, resource)
    )
    if (stored) applied.push(stored)
  }
  submissions.forEach((resource, index) => {
    const stored = attempt(() =>
      index === 0
        ? publish(run, resource)
        : refuse(refOf(resource), 'notSupported', 'A configure request carries one submission.')
    )
    if (stored) applied.push(stored)
  })
  return { errors: run.errors, applied, ...(run.publishes ? { publishes: run.publishes } : {}) }
}

function applyProduct(run: JobRun, resource: Json): Json {
  const { store, at } = run
  const externalId = (resource.identity as Json).externalId as string
  let product: ProductRecord
  if (resource.id !== undefined) {
    product = findProduct(run, resource.id, resource)
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
  const published = publishedCopies(product, id, at, run.context.config.speed)
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
  remember(run, resource, 'product', id, product)
  return next
}

function applyResource(run: JobRun, resource: Json): Json {
  const type = typeOf(resource)
  const { identity } = RESOURCE_TYPES[type]
  const product = findProduct(run, resource.product, resource)
  checkApplies(product, type, resource)
  const refs: Json = { product: `product/${product.guid}` }
  if (identity === 'plan-singleton' || identity === 'plan-listing')
    refs.plan = findInDraft(run, product, 'plan', resource.plan, resource)
  if (identity === 'listing-media')
    refs.listing = findInDraft(run, product, 'listing', resource.listing, resource)

  const id = durableId(run, product, type, resource, String(refs.plan ?? ''))
  const next = storedForm(resource, id, refs)
  const published = publishedCopies(product, id, run.at, run.context.config.speed)
  if (resource.lifecycleState === 'deleted') {
    const problem = deletionProblem(published)
    if (problem) refuse(id, 'businessValidationError', problem)
    remove(product, id)
  } else {
    const problems = businessProblems(type, next, product.draft[id], published)
    if (problems.length) refuse(id, 'businessValidationError', problems.join(' '))
    product.draft[id] = next
  }
  remember(run, resource, type, id, product)
  return next
}

/** Which resources a product type has, and that listing kinds match it (inferred from the docs). */
function checkApplies(product: ProductRecord, type: string, resource: Json): void {
  const ref = refOf(resource)
  if (type === 'plan') return
  if (!isModelledProductType(product.type))
    refuse(
      ref,
      'notSupported',
      `The emulator does not model ${type} resources of ${product.type} products.`
    )
  const productType = product.type as ProductType
  const types = RESOURCE_TYPES[type].productTypes
  if (types && !types.includes(productType))
    refuse(ref, 'businessValidationError', `${type} does not apply to ${productType} products.`)
  const kind = expectedKind(type, productType)
  if (kind && resource.kind !== kind) {
    refuse(
      ref,
      'businessValidationError',
      `The kind ${JSON.stringify(resource.kind)} does not match the product type ${productType}: use ${kind}.`
    )
  }
}

/** The durable id a resource has or gets (§3.1); a given `id` must agree with it. */
function durableId(
  run: JobRun,
  product: ProductRecord,
  type: string,
  resource: Json,
  plan: string
): string {
  const pg = product.guid
  const plg = plan.split('/')[2]
  const language = String(resource.languageId ?? '').toLowerCase()
  const given = typeof resource.id === 'string' ? resource.id.toLowerCase() : undefined
  let id: string
  switch (RESOURCE_TYPES[type].identity) {
    case 'plan':
      return given
        ? findInDraft(run, product, 'plan', given, resource)
        : newPlanId(product, resource)
    case 'listing-media':
      if (given) return findInDraft(run, product, type, given, resource)
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
  if (given && given !== id)
    refuse(
      given,
      'invalidId',
      `The id ${given} does not match the resource's product, plan and language: it is ${id}.`
    )
  return id
}

function newPlanId(product: ProductRecord, resource: Json): string {
  const externalId = String((resource.identity as Json).externalId)
  const taken = Object.values(product.draft).some(
    r => typeOf(r) === 'plan' && (r.identity as Json).externalId === externalId
  )
  if (taken) {
    refuse(
      { externalId },
      'businessValidationError',
      `A plan with the external ID ${externalId} already exists in product/${product.guid}: reference it by its durable id.`
    )
  }
  return `plan/${product.guid}/${randomUUID()}`
}

/** A deleted plan or listing takes its own resources with it. */
function remove(product: ProductRecord, id: string): void {
  delete product.draft[id]
  for (const [other, resource] of Object.entries(product.draft)) {
    if (resource.plan === id || resource.listing === id) delete product.draft[other]
  }
}

function remember(
  run: JobRun,
  resource: Json,
  type: string,
  id: string,
  product: ProductRecord
): void {
  if (typeof resource.resourceName === 'string')
    run.names.set(resource.resourceName, { type, id, product })
  const ids = run.written.get(product.guid) ?? new Set<string>()
  run.written.set(product.guid, ids.add(id))
}

/** The stored form: `$schema`, `id`, references as durable ids, no `resourceName` (§3.2). */
function storedForm(resource: Json, id: string, refs: Json): Json {
  const rest: Json = { ...resource }
  for (const key of ['$schema', 'id', 'resourceName', 'product', 'plan', 'listing'])
    delete rest[key]
  return { $schema: resource.$schema, id, ...refs, ...rest }
}
