/**
 * What the publish sequence needs from the Ingestion API v1. One implementation
 * (src/ingestion/client.ts, over the shared transport in src/http); tests swap the transport,
 * never this logic.
 *
 * Every method resolves with the service's reply body, follows every `nextLink` for lists, and
 * rejects with a PublishError (code HTTP_*, with method, path without query, status, service code
 * and request id). PUT methods send `If-Match` with the body's `@odata.etag` (or `*` when it has
 * none) and replace the whole object, so callers pass the full object they read.
 */
import type {
  Branch,
  CertificationReport,
  FeatureAvailability,
  Listing,
  ListingImage,
  Module,
  Package,
  PackageConfiguration,
  Product,
  ProductAvailability,
  ProductSetup,
  Property,
  ResellerConfiguration,
  Submission,
  SubmissionCreationRequest,
  ValidationItem,
  Variant,
  WorkflowDetail
} from './types.js'

/** Phases used to count requests (issue 5: requests per phase in the debug log and summary). */
export type Phase = 'token' | 'lookup' | 'write' | 'upload' | 'poll'

export interface IngestionApi {
  // products
  /** `GET /products?$filter=ExternalIDs/Any(...)` then checks `externalIDs[].value` itself. */
  findProductByOfferId(offerId: string): Promise<Product | undefined>
  getProduct(productId: string): Promise<Product>
  createProduct(body: Omit<Product, 'id'>): Promise<Product>
  getProductSetup(productId: string): Promise<ProductSetup>

  // plans
  listVariants(productId: string): Promise<Variant[]>
  createVariant(productId: string, body: Omit<Variant, 'id'>): Promise<Variant>

  // drafts
  getBranches(productId: string, module: Module): Promise<Branch[]>

  // listings and images
  getListings(productId: string, instanceId: string): Promise<Listing[]>
  putListing(productId: string, listing: Listing): Promise<Listing>
  listImages(productId: string, listingId: string): Promise<ListingImage[]>
  createImage(
    productId: string,
    listingId: string,
    body: Omit<ListingImage, 'id'>
  ): Promise<ListingImage>
  getImage(productId: string, listingId: string, imageId: string): Promise<ListingImage>
  putImage(productId: string, listingId: string, image: ListingImage): Promise<ListingImage>
  deleteImage(productId: string, listingId: string, imageId: string): Promise<void>

  // packages
  listPackages(productId: string): Promise<Package[]>
  createPackage(
    productId: string,
    body: Pick<Package, 'resourceType' | 'fileName'>
  ): Promise<Package>
  getPackage(productId: string, packageId: string): Promise<Package>
  putPackage(productId: string, pkg: Package): Promise<Package>
  getPackageConfigurations(productId: string, instanceId: string): Promise<PackageConfiguration[]>
  putPackageConfiguration(
    productId: string,
    config: PackageConfiguration
  ): Promise<PackageConfiguration>

  // properties and reseller
  getProperties(productId: string, instanceId: string): Promise<Property[]>
  putProperty(productId: string, property: Property): Promise<Property>
  getResellerConfiguration(productId: string): Promise<ResellerConfiguration>
  /** `POST /resellerConfiguration` (the spec has no PUT): replaces the whole configuration. */
  setResellerConfiguration(
    productId: string,
    configuration: ResellerConfiguration
  ): Promise<ResellerConfiguration>

  // availabilities (preview audience; plan markets, prices and visibility)
  getProductAvailabilities(productId: string, instanceId: string): Promise<ProductAvailability[]>
  putProductAvailability(
    productId: string,
    availability: ProductAvailability
  ): Promise<ProductAvailability>
  /** With `$expand=MarketStates,PriceSchedules,Trial`, as is the PUT. */
  getFeatureAvailabilities(productId: string, instanceId: string): Promise<FeatureAvailability[]>
  putFeatureAvailability(
    productId: string,
    availability: FeatureAvailability
  ): Promise<FeatureAvailability>

  // submissions
  listSubmissions(productId: string): Promise<Submission[]>
  getSubmission(productId: string, submissionId: string): Promise<Submission>
  createSubmission(productId: string, request: SubmissionCreationRequest): Promise<Submission>
  deleteSubmission(productId: string, submissionId: string): Promise<void>
  promoteSubmission(productId: string, submissionId: string): Promise<WorkflowDetail>
  getValidations(productId: string, submissionId: string): Promise<ValidationItem[]>
  getReports(productId: string, submissionId: string): Promise<CertificationReport[]>
  getWorkflowDetails(productId: string, submissionId: string): Promise<WorkflowDetail[]>
}
