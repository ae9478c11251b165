/**
 * A virtual machine plan's technical configuration with this release's image version added
 * (product-ingestion.md §5.3, §7 D). `vmImageVersions` is declarative: the whole list is sent, the
 * versions already there unchanged, so none is ever dropped. A version already there with the
 * same images is this release published before (nothing to add); with other images it is a new
 * build under an old number, which the service refuses for a published version: stopped here,
 * before any write. A SAS URI's query changes with every SAS minted, so disks are compared
 * without it.
 */
import { PublishError } from '../../errors.js'
import type { PiPlanSpec, VmImageSourceSpec } from '../../manifest/model-product-ingestion.js'
import type { Resource, ResourceRef } from '../../product-ingestion/types.js'
import { INPUT_NAMES, inputRef } from '../../settings.js'

interface VmImage {
  imageType: string
  source: Record<string, unknown>
}

interface ImageVersion {
  versionNumber: string
  vmImages: VmImage[]
  lifecycleState?: string
}

interface Sku {
  imageType: string
  skuId: string
}

/** The fields to lay over the plan's configuration (`current`, absent for a new plan). */
export function vmTechnicalFields(
  current: Resource | undefined,
  plan: PiPlanSpec,
  refs: { product: ResourceRef; plan: ResourceRef },
  offerId: string
): Record<string, unknown> {
  if (!current && !plan.operatingSystem) {
    throw new PublishError(
      'PLAN_NOT_FOUND',
      `Plan "${plan.planId}" of offer "${offerId}" has no technical configuration in Partner Center yet, and the manifest does not give the operating system needed to create one.`,
      {
        offerId,
        source: plan.source,
        hint: 'Add operatingSystem (family, type and friendlyName) to the plan.'
      }
    )
  }
  const fields: Record<string, unknown> = { product: refs.product, plan: refs.plan }
  if (plan.operatingSystem)
    fields.operatingSystem = { ...(current?.operatingSystem as object), ...plan.operatingSystem }
  const versions = (current?.vmImageVersions as ImageVersion[] | undefined) ?? []
  const skus = (current?.skus as Sku[] | undefined) ?? []
  const image = plan.image
  if (!image) return { ...fields, skus, vmImageVersions: versions }

  const wanted = image.images.map(i => ({ imageType: i.imageType, source: imageSource(i.source) }))
  const existing = versions.find(v => v.versionNumber === image.version)
  if (existing && !sameImages(existing.vmImages, wanted)) {
    throw new PublishError(
      'VERSION_NOT_HIGHER',
      `Image version ${image.version} of plan "${plan.planId}" (offer "${offerId}") already exists in Partner Center with other images; a version cannot be changed once published.`,
      {
        offerId,
        source: image.source,
        hint: `Publish the new images under a new version number (${inputRef(INPUT_NAMES.version)} or image.version).`
      }
    )
  }
  return {
    ...fields,
    skus: withSkus(skus, wanted, plan.planId),
    vmImageVersions: existing
      ? versions
      : [...versions, { versionNumber: image.version, vmImages: wanted }]
  }
}

function imageSource(source: VmImageSourceSpec): Record<string, unknown> {
  if (source.kind === 'gallery') {
    return {
      sourceType: 'sharedImageGallery',
      sharedImage: { tenantId: source.tenantId, resourceId: source.resourceId }
    }
  }
  return {
    sourceType: 'sasUri',
    osDisk: { uri: source.osDisk },
    dataDisks: source.dataDisks.map(d => ({ lunNumber: d.lun, uri: d.uri }))
  }
}

/**
 * One SKU per image type: a type the plan has no SKU for gets one, named as real publishers name
 * them (cloudpub: `<plan>` for x64 Gen2, `<plan>-gen1`, `<plan>-arm64`; the plan ID for the first
 * SKU of a plan). Existing SKUs stay as they are (a published SKU is locked, §5.3).
 */
function withSkus(skus: Sku[], images: VmImage[], planId: string): Sku[] {
  const out = [...skus]
  const suffix: Record<string, string> = { x64Gen2: '', x64Gen1: '-gen1', arm64Gen2: '-arm64' }
  for (const { imageType } of images) {
    if (out.some(s => s.imageType === imageType)) continue
    const named = out.length === 0 ? planId : `${planId}${suffix[imageType] ?? ''}`
    const taken = out.some(s => s.skuId === named)
    out.push({ imageType, skuId: taken ? `${planId}-${imageType.toLowerCase()}` : named })
  }
  return out
}

function sameImages(a: VmImage[], b: VmImage[]): boolean {
  const key = (images: VmImage[]) => images.map(imageKey).sort().join('\n')
  return key(a) === key(b)
}

function imageKey(image: VmImage): string {
  const source = image.source
  const shared = source.sharedImage as { tenantId?: string; resourceId?: string } | undefined
  if (shared)
    return `${image.imageType} gallery ${String(shared.resourceId).toLowerCase()} ${String(shared.tenantId).toLowerCase()}`
  const disk = (uri: unknown): string => String(uri).split('?')[0]
  const os = (source.osDisk as { uri?: string } | undefined)?.uri
  const data = ((source.dataDisks as { lunNumber: number; uri: string }[] | undefined) ?? [])
    .map(d => `${d.lunNumber}:${disk(d.uri)}`)
    .sort()
  return `${image.imageType} vhd ${disk(os)} ${data.join(',')}`
}
