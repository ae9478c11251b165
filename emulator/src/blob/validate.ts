/**
 * What the service checks when it processes an uploaded file, as far as the emulator can:
 * the file exists, has the right format, and (Azure application .zip) holds the two files the
 * marketplace requires at its root. Only the head, the tail and the zip directory are read.
 *
 * The `errorCode` values are inferred: no recorded validation item names them.
 */
import { listZipEntries, type RangeReader } from './zip.js'

/**
 * The shape of `ValidationItem` in src/ingestion/types.ts, repeated because the emulator's
 * tsconfig (rootDir emulator/src) rejects even type-only imports from outside it (TS6059).
 * Assignable to the wire type.
 */
export interface ValidationItem {
  errorCode: string
  severity: 'Error'
  message: string
  resource: 'Package' | 'Image'
}

export type FileKind = 'azure-app-zip' | 'bc-app' | 'bc-library' | 'image'

export interface StoredFile {
  /** undefined when nothing was uploaded. */
  size: number | undefined
  read: RangeReader
}

const HEAD_BYTES = 16
const NAVX = Buffer.from('NAVX', 'ascii')
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
const JPEG = Buffer.from([0xff, 0xd8, 0xff])
const AZURE_APP_REQUIRED_FILES = ['mainTemplate.json', 'createUiDefinition.json']

export async function validateFile(file: StoredFile, kind: FileKind): Promise<ValidationItem[]> {
  const resource = kind === 'image' ? 'Image' : 'Package'
  const error = (errorCode: string, message: string): ValidationItem => ({
    errorCode,
    severity: 'Error',
    message,
    resource
  })
  if (file.size === undefined) {
    return [
      error(
        'PackageNotFound',
        'No file was uploaded to the SAS URI before the state was set to Uploaded.'
      )
    ]
  }
  const head =
    file.size === 0 ? Buffer.alloc(0) : await file.read(0, Math.min(HEAD_BYTES, file.size))

  switch (kind) {
    case 'image':
      return startsWith(head, PNG) || startsWith(head, JPEG)
        ? []
        : [error('InvalidImageFormat', 'The image is neither a PNG nor a JPEG file.')]
    case 'bc-app':
      return startsWith(head, NAVX)
        ? []
        : [
            error(
              'InvalidPackageFormat',
              'The file is not a Business Central .app file (no NAVX header).'
            )
          ]
    case 'bc-library':
      return startsWith(head, NAVX) ? [] : validateLibraryZip(file, error)
    case 'azure-app-zip':
      return validateAzureAppZip(file, error)
  }
}

type ErrorItem = (errorCode: string, message: string) => ValidationItem

async function validateAzureAppZip(file: StoredFile, error: ErrorItem): Promise<ValidationItem[]> {
  const names = await listZipEntries(file.read, file.size ?? 0)
  if (typeof names === 'string')
    return [error('InvalidPackageFormat', `The package is not a valid .zip file: ${names}.`)]
  return AZURE_APP_REQUIRED_FILES.filter(required => !names.includes(required)).map(required => {
    const misplaced = names.find(name => baseName(name).toLowerCase() === required.toLowerCase())
    const hint = misplaced
      ? ` It was found as '${misplaced}'; it must be at the root with exactly this name.`
      : ''
    return error(
      'MissingRequiredFile',
      `The package must contain '${required}' at the root of the .zip.${hint}`
    )
  })
}

async function validateLibraryZip(file: StoredFile, error: ErrorItem): Promise<ValidationItem[]> {
  const invalid = error(
    'InvalidPackageFormat',
    'A library package must be a Business Central .app file or a .zip of .app files.'
  )
  const names = await listZipEntries(file.read, file.size ?? 0)
  if (typeof names === 'string') return [invalid]
  const files = names.filter(name => !name.endsWith('/'))
  return files.length > 0 && files.every(name => name.toLowerCase().endsWith('.app'))
    ? []
    : [invalid]
}

function startsWith(buffer: Buffer, prefix: Buffer): boolean {
  return buffer.length >= prefix.length && buffer.subarray(0, prefix.length).equals(prefix)
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1)
}
