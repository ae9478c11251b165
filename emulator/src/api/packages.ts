/** Packages (ingestion-v1.md §3.6). */
import type { FileKind, ValidationItem } from '../blob/index.js'
import type { Operations } from './contract.js'
import { badRequest, notFound } from './errors.js'
import { newResourceId } from './ids.js'
import {
  bodyObject,
  checkIfMatch,
  collection,
  created,
  etagNow,
  findProduct,
  noContent,
  ok,
  okWithEtag,
  productPath,
  sameId,
  simulatedMs,
  type Model
} from './model.js'
import type { Json, ProductRecord, UploadRecord } from './store.js'
import { markUploaded, uploadState } from './uploads.js'

interface PackageType {
  fileKind: FileKind
  /** Realistic processing time; Business Central packages are processed synchronously ([BCH]). */
  processingSeconds: number
}

const PACKAGE_TYPES: Record<string, PackageType> = {
  AzureApplicationPackage: { fileKind: 'azure-app-zip', processingSeconds: 180 },
  Dynamics365BusinessCentralAddOnExtensionPackage: { fileKind: 'bc-app', processingSeconds: 0 },
  Dynamics365BusinessCentralAddOnLibraryExtensionPackage: {
    fileKind: 'bc-library',
    processingSeconds: 0
  },
  Dynamics365BusinessCentralAddOnDependencyPackage: { fileKind: 'bc-app', processingSeconds: 0 }
}

/** Validation item of a failure forced by the `process-failed` fault (code inferred). */
const FORCED_PROCESS_FAILURE: ValidationItem = {
  errorCode: 'Package-10001',
  severity: 'Error',
  message: 'The package could not be processed (forced by the emulator fault process-failed).',
  resource: 'Package'
}

function findPackage(record: ProductRecord, packageId: string): UploadRecord {
  const found = record.packages.find(p => sameId(p.body.id, packageId))
  if (!found) throw notFound('Package', packageId)
  return found
}

export function packageView(model: Model, upload: UploadRecord): Json {
  const state = uploadState(upload, model.context.now())
  const { '@odata.etag': etag, id, ...fields } = upload.body
  const final = state === 'Processed' || state === 'ProcessFailed'
  return {
    ...fields,
    state,
    ...(final ? { validationItems: upload.validationItems ?? [] } : {}),
    '@odata.etag': etag,
    id
  }
}

export function packageOperations(model: Model): Operations {
  const base = '/products/{productID}/packages'
  return {
    [`GET ${base}`]: request => {
      const record = findProduct(model, request.params.productID)
      return collection(record.packages.map(p => packageView(model, p)))
    },
    [`POST ${base}`]: request => {
      const record = findProduct(model, request.params.productID)
      const input = bodyObject(request)
      const resourceType = String(input.resourceType)
      if (!PACKAGE_TYPES[resourceType]) {
        throw badRequest('ResourceType', `Package type ${resourceType} is not supported.`)
      }
      if (typeof input.fileName !== 'string' || input.fileName === '') {
        throw badRequest('FileName', 'fileName is required.')
      }
      const upload = model.context.blob.issueUpload()
      const body = {
        resourceType,
        fileName: input.fileName,
        fileSasUri: upload.uri,
        state: 'PendingUpload',
        '@odata.etag': etagNow(model),
        id: newResourceId()
      }
      record.packages.push({ blobName: upload.blobName, body })
      return created(productPath(model, record.productId, `/packages/${body.id}`), body)
    },
    [`GET ${base}/{packageID}`]: request => {
      const record = findProduct(model, request.params.productID)
      return ok(packageView(model, findPackage(record, request.params.packageID)))
    },
    [`PUT ${base}/{packageID}`]: async request => {
      const record = findProduct(model, request.params.productID)
      const upload = findPackage(record, request.params.packageID)
      checkIfMatch(model, request, upload.body)
      const input = bodyObject(request)
      if (input.state === 'Uploaded' && upload.uploadedAt === undefined) {
        const type = PACKAGE_TYPES[String(upload.body.resourceType)]
        const forced = model.context.faults.take('process-failed')
          ? FORCED_PROCESS_FAILURE
          : undefined
        await markUploaded(
          model.context,
          upload,
          type.fileKind,
          simulatedMs(model.context, type.processingSeconds),
          forced
        )
      }
      upload.body = { ...upload.body, '@odata.etag': etagNow(model) }
      return okWithEtag(packageView(model, upload))
    },
    [`DELETE ${base}/{packageID}`]: request => {
      const record = findProduct(model, request.params.productID)
      const upload = findPackage(record, request.params.packageID)
      record.packages = record.packages.filter(p => p !== upload)
      return noContent()
    }
  }
}
