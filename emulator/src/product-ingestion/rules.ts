/**
 * Business checks a configure job runs on each resource before it writes the draft (the blueprint
 * of product-ingestion.md §10, step 2). Each returns the problems found, worded for a person; the
 * job reports them as `businessValidationError`s naming the resource. Messages are inferred unless
 * quoted from the evidence.
 */
import { isDeepStrictEqual } from 'node:util'
import type { Json } from './store.js'

/** Fields that never change once set, and fields locked by a publish (§5.2, §9.12). */
const IMMUTABLE: Record<string, { always?: string[]; oncePublished?: string[] }> = {
  product: { always: ['type', 'identity.externalId'] },
  plan: { always: ['identity.externalId'] },
  'commercial-marketplace-setup': { oncePublished: ['sellThroughMicrosoft'] },
  'container-plan-technical-configuration': { oncePublished: ['clusterExtensionType'] }
}

/**
 * `next` is the resource as it would be stored, `current` the draft's copy (undefined when new),
 * `published` its copies in submissions that did not fail.
 */
export function businessProblems(
  type: string,
  next: Json,
  current: Json | undefined,
  published: Json[]
): string[] {
  const problems: string[] = []
  const { always = [], oncePublished = [] } = IMMUTABLE[type] ?? {}
  for (const field of always) {
    if (current && differs(current, next, field))
      problems.push(`The property '${field}' cannot be changed once the resource exists.`)
  }
  for (const field of oncePublished) {
    if (published.some(copy => differs(copy, next, field)))
      problems.push(`The property '${field}' is locked by a previous submission.`)
  }
  if (type === 'virtual-machine-plan-technical-configuration')
    problems.push(...vmImageProblems(next, published))
  return problems
}

/** A published resource can be deprecated, never deleted (§6, §9.8). */
export function deletionProblem(published: Json[]): string | undefined {
  return published.length
    ? 'The resource has been published and cannot be deleted; deprecate it instead.'
    : undefined
}

interface ImageVersion {
  versionNumber: string
  lifecycleState?: string
  vmImages: unknown[]
}

interface Sku {
  imageType: string
  skuId: string
}

/**
 * The VM rules of §5.3: `vmImageVersions` is declarative, so a body that leaves out a published
 * version would drop it, and that is refused; a published version's images cannot change and it
 * cannot be `deleted` (deprecate it instead); published SKUs stay; every SKU needs an active image
 * of its type. Not enforced: "one skuId equals the plan id" (contradicted by real clients).
 */
function vmImageProblems(next: Json, published: Json[]): string[] {
  const problems: string[] = []
  const versions = (next.vmImageVersions as ImageVersion[] | undefined) ?? []
  const byNumber = new Map(versions.map(v => [v.versionNumber, v]))
  const publishedVersions = new Map<string, ImageVersion>()
  for (const copy of published) {
    for (const v of (copy.vmImageVersions as ImageVersion[] | undefined) ?? [])
      publishedVersions.set(v.versionNumber, v)
  }
  for (const [number, old] of publishedVersions) {
    const now = byNumber.get(number)
    if (!now) {
      problems.push(
        `Image version ${number} has been published and cannot be removed: send every existing version in vmImageVersions, and deprecate old ones with lifecycleState instead.`
      )
    } else if (now.lifecycleState === 'deleted') {
      problems.push(
        `Image version ${number} has been published and cannot be deleted; deprecate it instead.`
      )
    } else if (!isDeepStrictEqual(now.vmImages, old.vmImages)) {
      problems.push(`Image version ${number} has been published and its images cannot be changed.`)
    }
  }

  const skus = (next.skus as Sku[] | undefined) ?? []
  for (const copy of published) {
    for (const sku of (copy.skus as Sku[] | undefined) ?? []) {
      if (!skus.some(s => s.imageType === sku.imageType && s.skuId === sku.skuId))
        problems.push(
          `The property 'skuId' (${sku.skuId}, ${sku.imageType}) is locked by a previous submission.`
        )
    }
  }
  for (const sku of skus) {
    const covered = versions.some(
      v =>
        (v.lifecycleState ?? 'generallyAvailable') === 'generallyAvailable' &&
        v.vmImages.some(image => (image as { imageType?: string }).imageType === sku.imageType)
    )
    if (!covered)
      problems.push(
        `SKU ${sku.skuId} (${sku.imageType}) has no active image version with an ${sku.imageType} image.`
      )
  }
  return problems
}

function differs(a: Json, b: Json, path: string): boolean {
  const read = (value: unknown): unknown =>
    path.split('.').reduce<unknown>((v, key) => (v as Json | undefined)?.[key], value)
  const before = read(a)
  return before !== undefined && !isDeepStrictEqual(before, read(b))
}
