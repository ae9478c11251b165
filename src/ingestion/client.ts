/**
 * IngestionApi over the shared transport: each operation is its path exactly as the swagger
 * spells it (ingestion-v1.md §2.3), its phase for the request counts, whether it may be retried,
 * and the shape its reply must have.
 *
 * Phases: discovery GETs count as `lookup`, POST/PUT/DELETE as `write`, and the GETs repeated
 * while waiting (package, image, submission, its workflow details, validations and reports) as
 * `poll`.
 */
import type { TokenProvider } from '../auth/types.js'
import type { Transport } from '../http/types.js'
import type { IngestionApi } from './api.js'
import { SHAPES } from './reply.js'
import { createRequester } from './requester.js'
import type {
  Branch,
  CertificationReport,
  Listing,
  ListingImage,
  Package,
  PackageConfiguration,
  Product,
  ProductSetup,
  Property,
  ResellerConfiguration,
  Submission,
  ValidationItem,
  Variant,
  WorkflowDetail
} from './types.js'

export interface IngestionClientOptions {
  /** e.g. `https://api.partner.microsoft.com/v1.0/ingestion`. */
  baseUrl: string
  transport: Transport
  tokens: TokenProvider
  log?: (line: string) => void
}

/** One path segment or function argument; the function's parentheses stay unencoded. */
const id = encodeURIComponent

/** OData string literal: quotes are escaped by doubling them. */
function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`
}

export function createIngestionClient(options: IngestionClientOptions): IngestionApi {
  const http = createRequester(options)
  const product = (productId: string): string => `products/${id(productId)}`
  const submission = (productId: string, submissionId: string): string =>
    `${product(productId)}/submissions/${id(submissionId)}`
  const images = (productId: string, listingId: string): string =>
    `${product(productId)}/listings/${id(listingId)}/images`

  return {
    // products
    async findProductByOfferId(offerId) {
      const filter = `ExternalIDs/Any(i:i/Type eq 'AzureOfferId' and i/Value eq ${odataString(offerId)})`
      const found = await http.list<Product>(
        {
          path: `products?${new URLSearchParams({ $filter: filter }).toString()}`,
          phase: 'lookup',
          what: `find the product of offer '${offerId}'`
        },
        SHAPES.product
      )
      // The filter narrows the list; the match itself is checked here, as every known client does.
      return found.find(p =>
        p.externalIDs.some(
          e =>
            typeof e === 'object' &&
            e !== null &&
            typeof e.type === 'string' &&
            e.type.toLowerCase() === 'azureofferid' &&
            e.value === offerId
        )
      )
    },
    getProduct: productId =>
      http.get<Product>(
        { path: product(productId), phase: 'lookup', what: `read product ${productId}` },
        SHAPES.product
      ),
    createProduct: body =>
      http.write<Product>(
        {
          method: 'POST',
          path: 'products',
          body,
          phase: 'write',
          retry: false,
          what: `create the product '${body.name}'`
        },
        SHAPES.product
      ),
    getProductSetup: productId =>
      http.get<ProductSetup>(
        {
          path: `${product(productId)}/setup`,
          phase: 'lookup',
          what: `read the setup of product ${productId}`
        },
        SHAPES.productSetup
      ),

    // plans
    listVariants: productId =>
      http.list<Variant>(
        {
          path: `${product(productId)}/variants`,
          phase: 'lookup',
          what: `list the plans of product ${productId}`
        },
        SHAPES.variant
      ),
    createVariant: (productId, body) =>
      http.write<Variant>(
        {
          method: 'POST',
          path: `${product(productId)}/variants`,
          body,
          phase: 'write',
          retry: false,
          what: `create plan '${body.externalID}' in product ${productId}`
        },
        SHAPES.variant
      ),

    // drafts
    getBranches: (productId, module) =>
      http.list<Branch>(
        {
          path: `${product(productId)}/branches/getByModule(module=${id(module)})`,
          phase: 'lookup',
          what: `read the ${module} drafts of product ${productId}`
        },
        SHAPES.branch
      ),

    // listings and images
    getListings: (productId, instanceId) =>
      http.list<Listing>(
        {
          path: `${product(productId)}/listings/getByInstanceID(instanceID=${id(instanceId)})`,
          phase: 'lookup',
          what: `read the listings of draft ${instanceId}`
        },
        SHAPES.listing
      ),
    putListing: (productId, listing) =>
      http.write<Listing>(
        {
          method: 'PUT',
          path: `${product(productId)}/listings/${id(listing.id)}`,
          body: listing,
          phase: 'write',
          retry: true,
          what: `update listing ${listing.id}${listing.languageCode ? ` (${listing.languageCode})` : ''}`
        },
        SHAPES.listing
      ),
    listImages: (productId, listingId) =>
      // $expand=FileSasUri: without it the service leaves out the upload URLs (§2.5).
      http.list<ListingImage>(
        {
          path: `${images(productId, listingId)}?$expand=FileSasUri`,
          phase: 'lookup',
          what: `list the images of listing ${listingId}`
        },
        SHAPES.image
      ),
    createImage: (productId, listingId, body) =>
      http.write<ListingImage>(
        {
          method: 'POST',
          path: images(productId, listingId),
          body,
          phase: 'write',
          retry: false,
          what: `create the ${body.type} image '${body.fileName}'`
        },
        SHAPES.image
      ),
    getImage: (productId, listingId, imageId) =>
      http.get<ListingImage>(
        {
          path: `${images(productId, listingId)}/${id(imageId)}`,
          phase: 'poll',
          what: `read image ${imageId}`
        },
        SHAPES.image
      ),
    putImage: (productId, listingId, image) =>
      http.write<ListingImage>(
        {
          method: 'PUT',
          path: `${images(productId, listingId)}/${id(image.id)}`,
          body: image,
          phase: 'write',
          retry: true,
          what: `update the ${image.type} image '${image.fileName}'`
        },
        SHAPES.image
      ),
    deleteImage: (productId, listingId, imageId) =>
      http.remove({
        path: `${images(productId, listingId)}/${id(imageId)}`,
        phase: 'write',
        what: `delete image ${imageId}`
      }),

    // packages
    listPackages: productId =>
      http.list<Package>(
        {
          path: `${product(productId)}/packages`,
          phase: 'lookup',
          what: `list the packages of product ${productId}`
        },
        SHAPES.package
      ),
    createPackage: (productId, body) =>
      http.write<Package>(
        {
          method: 'POST',
          path: `${product(productId)}/packages`,
          body,
          phase: 'write',
          retry: false,
          what: `create the package '${body.fileName}'`
        },
        SHAPES.package
      ),
    getPackage: (productId, packageId) =>
      http.get<Package>(
        {
          path: `${product(productId)}/packages/${id(packageId)}`,
          phase: 'poll',
          what: `read package ${packageId}`
        },
        SHAPES.package
      ),
    putPackage: (productId, pkg) =>
      http.write<Package>(
        {
          method: 'PUT',
          path: `${product(productId)}/packages/${id(pkg.id)}`,
          body: pkg,
          phase: 'write',
          retry: true,
          what: `mark package '${pkg.fileName}' as ${pkg.state}`
        },
        SHAPES.package
      ),
    getPackageConfigurations: (productId, instanceId) =>
      http.list<PackageConfiguration>(
        {
          path: `${product(productId)}/packageConfigurations/getByInstanceID(instanceID=${id(instanceId)})`,
          phase: 'lookup',
          what: `read the technical configuration of draft ${instanceId}`
        },
        SHAPES.packageConfiguration
      ),
    putPackageConfiguration: (productId, config) =>
      http.write<PackageConfiguration>(
        {
          method: 'PUT',
          path: `${product(productId)}/packageconfigurations/${id(config.id)}`,
          body: config,
          phase: 'write',
          retry: true,
          what: `update the technical configuration ${config.id}`
        },
        SHAPES.packageConfiguration
      ),

    // properties and reseller
    getProperties: (productId, instanceId) =>
      http.list<Property>(
        {
          path: `${product(productId)}/properties/getByInstanceID(instanceID=${id(instanceId)})`,
          phase: 'lookup',
          what: `read the properties of draft ${instanceId}`
        },
        SHAPES.property
      ),
    putProperty: (productId, property) =>
      http.write<Property>(
        {
          method: 'PUT',
          path: `${product(productId)}/properties/${id(property.id)}`,
          body: property,
          phase: 'write',
          retry: true,
          what: `update the properties ${property.id}`
        },
        SHAPES.property
      ),
    getResellerConfiguration: productId =>
      http.get<ResellerConfiguration>(
        {
          path: `${product(productId)}/resellerConfiguration`,
          phase: 'lookup',
          what: `read the reseller configuration of product ${productId}`
        },
        SHAPES.resellerConfiguration
      ),
    setResellerConfiguration: (productId, configuration) =>
      http.write<ResellerConfiguration>(
        {
          method: 'POST',
          path: `${product(productId)}/resellerConfiguration`,
          body: configuration,
          phase: 'write',
          // Setting the same state twice is harmless, unlike the creating POSTs.
          retry: true,
          what: `update the reseller configuration of product ${productId}`
        },
        SHAPES.resellerConfiguration
      ),

    // submissions
    listSubmissions: productId =>
      http.list<Submission>(
        {
          path: `${product(productId)}/submissions`,
          phase: 'lookup',
          what: `list the submissions of product ${productId}`
        },
        SHAPES.submission
      ),
    getSubmission: (productId, submissionId) =>
      http.get<Submission>(
        {
          path: submission(productId, submissionId),
          phase: 'poll',
          what: `read submission ${submissionId}`
        },
        SHAPES.submission
      ),
    createSubmission: (productId, request) =>
      http.write<Submission>(
        {
          method: 'POST',
          path: `${product(productId)}/submissions`,
          body: request,
          phase: 'write',
          retry: false,
          what: `create a ${request.targets.map(t => t.value).join('/')} submission for product ${productId}`
        },
        SHAPES.submission
      ),
    deleteSubmission: (productId, submissionId) =>
      http.remove({
        path: submission(productId, submissionId),
        phase: 'write',
        what: `delete submission ${submissionId}`
      }),
    promoteSubmission: (productId, submissionId) =>
      http.write<WorkflowDetail>(
        {
          method: 'POST',
          path: `${submission(productId, submissionId)}/promote`,
          phase: 'write',
          retry: false,
          what: `promote submission ${submissionId} to live`
        },
        SHAPES.workflowDetail
      ),
    getValidations: (productId, submissionId) =>
      http.list<ValidationItem>(
        {
          path: `${submission(productId, submissionId)}/validations`,
          phase: 'poll',
          what: `read the validation results of submission ${submissionId}`
        },
        SHAPES.validationItem
      ),
    getReports: (productId, submissionId) =>
      http.list<CertificationReport>(
        {
          path: `${submission(productId, submissionId)}/reports`,
          phase: 'poll',
          what: `read the certification reports of submission ${submissionId}`
        },
        SHAPES.report
      ),
    getWorkflowDetails: (productId, submissionId) =>
      http.list<WorkflowDetail>(
        {
          path: `${submission(productId, submissionId)}/workflowdetails`,
          phase: 'poll',
          what: `read the workflow of submission ${submissionId}`
        },
        SHAPES.workflowDetail
      )
  }
}
