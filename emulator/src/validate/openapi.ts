/**
 * The subset of OpenAPI 3.0.1 that `emulator/spec/partner-ingestion-openapi.json` uses, and the
 * helpers to read it. Only what validation needs is typed; everything else passes through.
 */
import { readFileSync } from 'node:fs'

/** An OpenAPI 3.0 schema object (JSON Schema draft-05 subset plus `nullable`). */
export interface SchemaObject {
  $ref?: string
  type?: string
  format?: string
  enum?: unknown[]
  nullable?: boolean
  properties?: Record<string, SchemaObject>
  items?: SchemaObject
  allOf?: SchemaObject[]
  oneOf?: SchemaObject[]
  required?: string[]
  description?: string
  [keyword: string]: unknown
}

export interface ParameterObject {
  $ref?: string
  name: string
  in: 'path' | 'query' | 'header' | 'cookie'
  required?: boolean
  description?: string
  schema?: SchemaObject
  /** Set by a deviation: omitting this required parameter is a leniency of that id. */
  'x-leniency'?: string
}

export interface ResponseObject {
  $ref?: string
  description?: string
  content?: Record<string, { schema?: SchemaObject }>
}

export interface OperationObject {
  parameters?: ParameterObject[]
  requestBody?: { content?: Record<string, { schema?: SchemaObject }>; required?: boolean }
  responses: Record<string, ResponseObject>
  [field: string]: unknown
}

export type PathItem = Record<string, OperationObject>

export interface OpenApiDocument {
  openapi: string
  paths: Record<string, PathItem>
  components: {
    schemas: Record<string, SchemaObject>
    parameters: Record<string, ParameterObject>
    responses?: Record<string, ResponseObject>
    [section: string]: unknown
  }
  [field: string]: unknown
}

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const

/** Every schema name in the file starts with this; deviations and errors use the short form. */
export const SCHEMA_PREFIX = 'Microsoft.Ingestion.Api.Models.'

const SCHEMA_REF = '#/components/schemas/'
const PARAMETER_REF = '#/components/parameters/'

export function loadOpenApi(file: string): OpenApiDocument {
  const doc = JSON.parse(readFileSync(file, 'utf8')) as OpenApiDocument
  if (!doc.openapi?.startsWith('3.0') || !doc.paths || !doc.components?.schemas) {
    throw new Error(`${file} is not an OpenAPI 3.0 document with paths and component schemas`)
  }
  return doc
}

/** `Products.AzureProduct` or the full name → the key in `components.schemas`. */
export function schemaKey(doc: OpenApiDocument, name: string): string {
  if (doc.components.schemas[name]) return name
  if (doc.components.schemas[SCHEMA_PREFIX + name]) return SCHEMA_PREFIX + name
  throw new Error(`the OpenAPI document has no schema named ${name}`)
}

export function refName(ref: string): string {
  if (!ref.startsWith(SCHEMA_REF)) throw new Error(`unsupported $ref ${ref}`)
  return ref.slice(SCHEMA_REF.length)
}

export function resolveSchema(doc: OpenApiDocument, schema: SchemaObject): SchemaObject {
  let current = schema
  while (current.$ref) {
    const target = doc.components.schemas[refName(current.$ref)]
    if (!target) throw new Error(`unresolved $ref ${current.$ref}`)
    current = target
  }
  return current
}

export function resolveParameter(
  doc: OpenApiDocument,
  parameter: ParameterObject
): ParameterObject {
  if (!parameter.$ref) return parameter
  const target = doc.components.parameters[parameter.$ref.slice(PARAMETER_REF.length)]
  if (!target) throw new Error(`unresolved parameter $ref ${parameter.$ref}`)
  return target
}

/** The JSON body schema the operation declares for `status` (or its `default`), if any. */
export function responseSchema(
  doc: OpenApiDocument,
  operation: OperationObject,
  status: number
): SchemaObject | undefined {
  let response: ResponseObject | undefined =
    operation.responses[String(status)] ?? operation.responses.default
  if (response?.$ref) response = doc.components.responses?.[response.$ref.split('/').pop() ?? '']
  return response?.content?.['application/json']?.schema
}

/** The JSON request body schema of an operation, if it declares one. */
export function requestBodySchema(operation: OperationObject): SchemaObject | undefined {
  return operation.requestBody?.content?.['application/json']?.schema
}
