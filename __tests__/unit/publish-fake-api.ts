/**
 * A small in-memory IngestionApi for unit tests of the publish steps: one product per offer, drafts
 * per module, packages that process on the next read, submissions that advance one state per
 * read. It records every write so tests can assert what was (not) written.
 */
import { PublishError } from '../../src/errors.js'
import type { IngestionApi } from '../../src/ingestion/api.js'
import type {
  Branch,
  Listing,
  ListingImage,
  Module,
  Package,
  PackageConfiguration,
  Product,
  Property,
  ResellerConfiguration,
  Submission,
  SubmissionCreationRequest,
  ValidationItem,
  Variant
} from '../../src/ingestion/types.js'
import type { Clock } from '../../src/clock.js'

export interface FakeOptions {
  /** Submission states passed through, one per getSubmission, after creation. */
  submissionPath?: Array<[string, string]>
  packageOutcome?: 'Processed' | 'ProcessFailed'
  /** A `previewLink` on submission replies (undocumented; passed through when present). */
  previewLink?: string
  /** Give every draft a new instance id (copying its content) after each submission. */
  rotateDrafts?: boolean
  validations?: ValidationItem[]
}

const PREVIEW_PATH: Array<[string, string]> = [
  ['InProgress', 'Submitted'],
  ['Published', 'ReadyToPublish']
]

export class FakeIngestion implements IngestionApi {
  products: Product[] = []
  variants = new Map<string, Variant[]>()
  branches = new Map<string, Branch[]>()
  listings = new Map<string, Listing[]>()
  images = new Map<string, ListingImage[]>()
  packages = new Map<string, Package[]>()
  configs = new Map<string, PackageConfiguration[]>()
  properties = new Map<string, Property[]>()
  submissions = new Map<string, Submission[]>()
  writes: string[] = []
  /** The collections listed, in order: `packages`, `submissions`. */
  readonly lists: string[] = []
  /** Makes the next createSubmission fail after creating (ambiguous) or before (409). */
  failNextSubmission?: 'network-after-create' | 'conflict'
  private seq = 0
  private readonly progress = new Map<string, number>()

  constructor(private readonly options: FakeOptions = {}) {}

  private id(prefix: string): string {
    return `${prefix}-${++this.seq}`
  }

  /** Adds a product with drafts for every module, offer-level and per plan. */
  addProduct(
    offerId: string,
    resourceType: string,
    plans: Array<{ planId: string; subType: string }> = []
  ): Product {
    const product: Product = {
      resourceType,
      name: offerId,
      externalIDs: [{ type: 'AzureOfferId', value: offerId }],
      id: this.id('prod')
    }
    this.products.push(product)
    this.packages.set(product.id, [])
    this.submissions.set(product.id, [])
    this.variants.set(product.id, [])
    this.addDrafts(
      product.id,
      undefined,
      resourceType === 'AzureDynamics365BusinessCentral'
        ? 'Dynamics365BusinessCentralPackageConfiguration'
        : undefined
    )
    for (const plan of plans) this.addVariant(product.id, plan.planId, plan.subType)
    return product
  }

  addVariant(productId: string, planId: string, subType: string): Variant {
    const variant: Variant = {
      resourceType: 'AzureSkuVariant',
      friendlyName: planId,
      externalID: planId,
      subType,
      id: this.id('var')
    }
    this.variants.get(productId)!.push(variant)
    const configType =
      subType === 'managed-application'
        ? 'AzureManagedApplicationPackageConfiguration'
        : 'AzureSolutionTemplatePackageConfiguration'
    this.addDrafts(productId, variant.id, configType)
    return variant
  }

  private addDrafts(
    productId: string,
    variantID: string | undefined,
    configType: string | undefined
  ): void {
    const modules: Module[] = variantID
      ? ['Availability', 'Listing', 'Package']
      : ['Availability', 'Listing', 'Package', 'Property', 'ResellerConfiguration']
    const list = this.branches.get(productId) ?? []
    for (const module of modules) {
      const instance = this.id(`draft-${module}`)
      list.push({
        resourceType: 'Branch',
        friendlyName: 'Main',
        type: 'Main',
        module,
        currentDraftInstanceID: instance,
        ...(variantID ? { variantID } : {})
      })
      if (module === 'Listing')
        this.listings.set(instance, [
          {
            resourceType: 'AzureListing',
            languageCode: 'en-us',
            title: 'old',
            id: this.id('lst'),
            '@odata.etag': '"1"'
          }
        ])
      if (module === 'Package' && configType)
        this.configs.set(instance, [
          { resourceType: configType, id: this.id('cfg'), version: '0.0.1', packageReferences: [] }
        ])
      if (module === 'Property')
        this.properties.set(instance, [{ resourceType: 'AzureProperty', id: this.id('prop') }])
    }
    this.branches.set(productId, list)
  }

  /**
   * New instance ids with the same content, as the emulator does: the draft's resources move to
   * the new instance; the old one keeps a read-only copy of what was submitted, under new ids.
   */
  private rotateDrafts(productId: string): void {
    for (const branch of this.branches.get(productId) ?? []) {
      const old = branch.currentDraftInstanceID
      const next = this.id(`draft-${branch.module}`)
      for (const store of [this.listings, this.configs, this.properties] as Array<
        Map<string, Array<{ id?: string }>>
      >) {
        const held = store.get(old)
        if (!held) continue
        store.set(next, held)
        store.set(
          old,
          held.map(r => ({ ...structuredClone(r), id: this.id('kept') }))
        )
      }
      branch.currentDraftInstanceID = next
    }
  }

  branchOf(productId: string, module: Module, variantID?: string): string {
    return this.branches
      .get(productId)!
      .find(b => b.module === module && b.variantID === variantID)!.currentDraftInstanceID
  }

  async findProductByOfferId(offerId: string) {
    return this.products.find(p => p.externalIDs.some(e => e.value === offerId))
  }
  async getProduct(productId: string) {
    return this.products.find(p => p.id === productId)!
  }
  async createProduct(body: Omit<Product, 'id'>) {
    const product = body as Product
    this.writes.push(`POST product ${product.name}`)
    return this.addProduct(product.externalIDs[0].value, product.resourceType)
  }
  async getProductSetup() {
    return { resourceType: 'AzureProductSetup' as const, packageType: 'AddOn' }
  }
  async listVariants(productId: string) {
    return this.variants.get(productId) ?? []
  }
  async createVariant(productId: string, body: Omit<Variant, 'id'>) {
    const variant = body as Variant
    this.writes.push(`POST variant ${variant.externalID}`)
    return this.addVariant(productId, variant.externalID, variant.subType ?? 'solution-template')
  }
  async getBranches(productId: string, module: Module) {
    return (this.branches.get(productId) ?? []).filter(b => b.module === module)
  }
  async getListings(_productId: string, instanceId: string) {
    return structuredClone(this.listings.get(instanceId) ?? [])
  }
  async putListing(_productId: string, listing: Listing) {
    this.writes.push(`PUT listing ${listing.id}`)
    for (const list of this.listings.values()) {
      const i = list.findIndex(l => l.id === listing.id)
      if (i >= 0) list[i] = structuredClone(listing)
    }
    return listing
  }
  async listImages(_productId: string, listingId: string) {
    return structuredClone(this.images.get(listingId) ?? [])
  }
  async createImage(_productId: string, listingId: string, body: Omit<ListingImage, 'id'>) {
    this.writes.push(`POST image ${body.fileName}`)
    const image = {
      ...body,
      id: this.id('img'),
      fileSasUri: `https://blob.example/img?sig=x`
    } as ListingImage
    this.images.set(listingId, [...(this.images.get(listingId) ?? []), image])
    return structuredClone(image)
  }
  async getImage(_productId: string, listingId: string, imageId: string) {
    return this.images.get(listingId)!.find(i => i.id === imageId)!
  }
  async putImage(_productId: string, listingId: string, image: ListingImage) {
    this.writes.push(`PUT image ${image.fileName} ${image.state}`)
    const list = this.images.get(listingId)!
    list[list.findIndex(i => i.id === image.id)] = structuredClone(image)
    return image
  }
  async deleteImage(_productId: string, listingId: string, imageId: string) {
    this.writes.push(`DELETE image ${imageId}`)
    this.images.set(
      listingId,
      this.images.get(listingId)!.filter(i => i.id !== imageId)
    )
  }
  async listPackages(productId: string) {
    this.lists.push('packages')
    return structuredClone(this.packages.get(productId) ?? [])
  }
  async createPackage(productId: string, body: Pick<Package, 'resourceType' | 'fileName'>) {
    this.writes.push(`POST package ${body.fileName}`)
    const pkg: Package = {
      ...body,
      state: 'PendingUpload',
      fileSasUri: 'https://blob.example/pkg?sig=x',
      id: this.id('pkg')
    }
    this.packages.get(productId)!.push(pkg)
    return structuredClone(pkg)
  }
  async getPackage(productId: string, packageId: string) {
    const pkg = this.packages.get(productId)!.find(p => p.id === packageId)!
    if (pkg.state === 'InProcessing') pkg.state = this.options.packageOutcome ?? 'Processed'
    if (pkg.state === 'ProcessFailed')
      pkg.validationItems = [
        { errorCode: 'PKG-1', severity: 'Error', message: 'mainTemplate.json is missing' }
      ]
    return structuredClone(pkg)
  }
  async putPackage(productId: string, pkg: Package) {
    this.writes.push(`PUT package ${pkg.fileName} ${pkg.state}`)
    const stored = this.packages.get(productId)!.find(p => p.id === pkg.id)!
    stored.state = pkg.resourceType === 'AzureApplicationPackage' ? 'InProcessing' : 'Processed'
    return structuredClone(stored)
  }
  async getPackageConfigurations(_productId: string, instanceId: string) {
    return structuredClone(this.configs.get(instanceId) ?? [])
  }
  async putPackageConfiguration(_productId: string, config: PackageConfiguration) {
    this.writes.push(`PUT config ${config.id}`)
    for (const list of this.configs.values()) {
      const i = list.findIndex(c => c.id === config.id)
      if (i >= 0) list[i] = structuredClone(config)
    }
    return config
  }
  async getProperties(_productId: string, instanceId: string) {
    return structuredClone(this.properties.get(instanceId) ?? [])
  }
  async putProperty(_productId: string, property: Property) {
    this.writes.push(`PUT property ${property.id}`)
    for (const list of this.properties.values()) {
      const i = list.findIndex(c => c.id === property.id)
      if (i >= 0) list[i] = structuredClone(property)
    }
    return property
  }
  reseller: ResellerConfiguration = {
    resourceType: 'ResellerConfiguration',
    resellerChannelState: 'Enabled'
  }
  async getResellerConfiguration() {
    return structuredClone(this.reseller)
  }
  async setResellerConfiguration(_productId: string, configuration: ResellerConfiguration) {
    this.writes.push(`POST reseller ${configuration.resellerChannelState}`)
    this.reseller = structuredClone(configuration)
    return configuration
  }
  async listSubmissions(productId: string) {
    this.lists.push('submissions')
    return structuredClone(this.submissions.get(productId) ?? [])
  }
  async getSubmission(productId: string, submissionId: string) {
    const sub = this.submissions.get(productId)!.find(s => s.id === submissionId)!
    const path =
      sub.state === 'Published' && sub.substate === 'Publishing'
        ? [['Published', 'InStore']]
        : (this.options.submissionPath ?? PREVIEW_PATH)
    const step = this.progress.get(submissionId) ?? 0
    if (step < path.length && !(sub.state === 'Published' && sub.substate === 'ReadyToPublish')) {
      ;[sub.state, sub.substate] = path[step]
      this.progress.set(submissionId, step + 1)
    } else if (sub.substate === 'Publishing') {
      ;[sub.state, sub.substate] = ['Published', 'InStore']
    }
    const reply = structuredClone(sub)
    if (this.options.previewLink) reply.previewLink = this.options.previewLink
    return reply
  }
  async createSubmission(productId: string, request: SubmissionCreationRequest) {
    this.writes.push(`POST submission`)
    const running = (this.submissions.get(productId) ?? []).some(
      s =>
        (s.state === 'InProgress' && !['Failed', 'FailedInCertification'].includes(s.substate)) ||
        (s.state === 'Published' && s.substate === 'Publishing')
    )
    // As the emulator does: refused while another submission runs (ingestion-v1.md §4.4).
    if (this.failNextSubmission === 'conflict' || running) {
      this.failNextSubmission = undefined
      throw new PublishError('HTTP_STATUS', 'conflict', { status: 409 })
    }
    const sub: Submission = {
      resourceType: 'Submission',
      id: this.id('sub'),
      state: 'InProgress',
      substate: 'InDraft',
      resources: request.resources,
      variantResources: request.variantResources,
      releaseNumber: this.submissions.get(productId)!.length + 1
    }
    this.submissions.get(productId)!.push(sub)
    if (this.options.rotateDrafts) this.rotateDrafts(productId)
    if (this.failNextSubmission === 'network-after-create') {
      this.failNextSubmission = undefined
      throw new PublishError('HTTP_NETWORK', 'socket hang up', {})
    }
    return structuredClone(sub)
  }
  async deleteSubmission() {
    throw new Error('the action must never delete a submission')
  }
  async promoteSubmission(productId: string, submissionId: string) {
    this.writes.push(`POST promote ${submissionId}`)
    const sub = this.submissions.get(productId)!.find(s => s.id === submissionId)!
    sub.substate = 'Publishing'
    return { resourceType: 'WorkflowDetail' }
  }
  async getValidations() {
    return this.options.validations ?? []
  }
  async getReports() {
    return [{ status: 'Failed', fileUri: 'https://reports.example/r.pdf?sig=secret' }]
  }
  async getWorkflowDetails() {
    return []
  }
}

/** A clock whose sleeps pass at once, advancing its time. */
export function fakeClock(start = Date.UTC(2026, 10, 24, 12)): Clock & { slept: number[] } {
  let now = start
  const slept: number[] = []
  return {
    slept,
    now: () => now,
    sleep: async (ms, signal) => {
      if (signal?.aborted) throw signal.reason
      slept.push(ms)
      now += ms
    }
  }
}
