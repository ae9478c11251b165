/**
 * Compiles the spec's OpenAPI 3.0 schemas with ajv. Ajv understands OpenAPI's `nullable` itself;
 * this module adds the two things it does not:
 * - `oneOf` lists of resources are chosen by `resourceType` (§2.6), so they become one
 *   `if resourceType is X then <X's schema>` per branch. Open schemas all match an object that
 *   lacks the distinguishing properties, so a plain `oneOf` would both misreport and reject valid
 *   bodies;
 * - the .NET formats (`int32`, `long`, `double`, `decimal`) and a lenient `date-time`.
 * Each schema is compiled on first use and cached: validation itself then costs microseconds.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv'
import { type OpenApiDocument, type SchemaObject, resolveSchema } from './openapi.js'

const DOCUMENT_ID = 'ingestion'

export interface CompiledSchemas {
  /** Validator for a schema taken from the spec (an operation's body or response schema). */
  validator(schema: SchemaObject): ValidateFunction
  /** The converted schema, with discriminated `oneOf`s, for walking (case normalisation). */
  converted(schema: SchemaObject): SchemaObject
  /** The converted components, for resolving `$ref`s of converted schemas. */
  doc: OpenApiDocument
}

export function compileSchemas(doc: OpenApiDocument): CompiledSchemas {
  const convertedComponents: Record<string, SchemaObject> = {}
  for (const [name, schema] of Object.entries(doc.components.schemas)) {
    convertedComponents[name] = convert(doc, schema, false)
  }
  const convertedDoc: OpenApiDocument = {
    ...doc,
    components: { ...doc.components, schemas: convertedComponents }
  }

  const ajv = new Ajv({
    allErrors: true,
    // The spec carries OpenAPI annotations (`description`, `example`) that are not JSON Schema.
    strict: false,
    validateSchema: false
  })
  registerFormats(ajv)
  ajv.addSchema({ $id: DOCUMENT_ID, components: { schemas: convertedComponents } })

  const validators = new WeakMap<SchemaObject, ValidateFunction>()
  const conversions = new WeakMap<SchemaObject, SchemaObject>()

  const converted = (schema: SchemaObject): SchemaObject => {
    let result = conversions.get(schema)
    if (!result) {
      result = convert(doc, schema, false)
      conversions.set(schema, result)
    }
    return result
  }

  return {
    doc: convertedDoc,
    converted,
    validator(schema) {
      let validate = validators.get(schema)
      if (!validate) {
        validate = ajv.compile(convert(doc, schema, true))
        validators.set(schema, validate)
      }
      return validate
    }
  }
}

/**
 * Deep copy of `schema` with discriminated `oneOf`s. `external` rewrites `#/components/...` refs
 * to the registered document so that a schema compiled on its own can reach the components.
 */
function convert(doc: OpenApiDocument, schema: SchemaObject, external: boolean): SchemaObject {
  const recurse = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(recurse)
    if (!value || typeof value !== 'object') return value
    const node = value as SchemaObject
    const out: SchemaObject = {}
    for (const [key, child] of Object.entries(node)) {
      if (key === '$ref' && external) out.$ref = DOCUMENT_ID + String(child)
      else if (key === 'oneOf') Object.assign(out, discriminate(doc, node.oneOf ?? [], recurse))
      else if (key === 'properties') out.properties = mapValues(child as object, recurse)
      else out[key] = recurse(child)
    }
    return out
  }
  return recurse(schema) as SchemaObject
}

/** `properties` maps names to schemas: convert each schema, never read a name as a keyword. */
function mapValues(
  properties: object,
  recurse: (value: unknown) => unknown
): Record<string, SchemaObject> {
  const out: Record<string, SchemaObject> = {}
  for (const [name, schema] of Object.entries(properties))
    out[name] = recurse(schema) as SchemaObject
  return out
}

function discriminate(
  doc: OpenApiDocument,
  branches: SchemaObject[],
  recurse: (value: unknown) => unknown
): SchemaObject {
  const tagged = branches.map(branch => ({ branch, types: resourceTypes(doc, branch) }))
  if (tagged.some(t => !t.types?.length)) return { oneOf: recurse(branches) as SchemaObject[] }
  const all = tagged.flatMap(t => t.types as string[])
  return {
    type: 'object',
    required: ['resourceType'],
    properties: { resourceType: { type: 'string', enum: all } },
    allOf: tagged.map(({ branch, types }) => ({
      if: { required: ['resourceType'], properties: { resourceType: { enum: types } } },
      then: recurse(branch) as SchemaObject
    }))
  }
}

/** The `resourceType` values a schema admits: the intersection of the enums along its allOf chain. */
export function resourceTypes(doc: OpenApiDocument, schema: SchemaObject): string[] | undefined {
  const resolved = resolveSchema(doc, schema)
  let result: string[] | undefined
  const own = resolved.properties?.resourceType?.enum as string[] | undefined
  if (own) result = [...own]
  for (const part of resolved.allOf ?? []) {
    const types = resourceTypes(doc, part)
    if (types) result = result ? result.filter(t => types.includes(t)) : types
  }
  return result
}

function registerFormats(ajv: Ajv): void {
  const INT32 = 2 ** 31
  ajv.addFormat('int32', {
    type: 'number',
    validate: n => Number.isInteger(n) && n >= -INT32 && n < INT32
  })
  ajv.addFormat('long', { type: 'number', validate: n => Number.isSafeInteger(n) })
  ajv.addFormat('double', { type: 'number', validate: n => Number.isFinite(n) })
  ajv.addFormat('decimal', { type: 'number', validate: n => Number.isFinite(n) })
  // ASP.NET binds ISO 8601 date-times with or without a zone (a missing zone means local time), so
  // RFC 3339's mandatory offset would reject bodies the service accepts. Evidence is silent on what
  // clients send [X]: accept both.
  ajv.addFormat('date-time', {
    type: 'string',
    validate: s =>
      /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/i.test(s) &&
      !Number.isNaN(Date.parse(s.replace(' ', 'T')))
  })
}

/** One line per error naming the JSON pointer and the rule: `body /state: must be one of … (rule: enum)`. */
export function describeErrors(errors: ErrorObject[] | null | undefined, where: string): string[] {
  const lines = new Set<string>()
  for (const error of errors ?? []) {
    // `if` errors only say "must match then schema"; the branch's own errors say what is wrong.
    if (error.keyword === 'if') continue
    lines.add(`${where} ${error.instancePath || '/'}: ${describe(error)} (rule: ${error.keyword})`)
  }
  return [...lines]
}

function describe(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>
  switch (error.keyword) {
    case 'enum':
      return `must be one of ${(params.allowedValues as unknown[]).join(', ')}`
    case 'type':
      return `must be of type ${String(params.type)}`
    case 'required':
      return `must have the property ${String(params.missingProperty)}`
    default:
      return error.message ?? 'is invalid'
  }
}
