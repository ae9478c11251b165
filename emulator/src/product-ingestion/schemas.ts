/**
 * Validates configure resources against the schema of their `$schema` type and version: Microsoft's
 * published copies (`emulator/spec/product-ingestion/2022-03-01-preview2/`, JSON Schema draft
 * 2020-12, byte-identical to the evidence) where one exists, else the inferred ones
 * (inferred-schemas.ts). Compiled once at start with ajv's 2020-12 build.
 *
 * The published files embed shared schemas (`resource`, `resource-reference`, `schema-uri`, …)
 * under `$defs` keyed by their own `$id`, once per file. They are registered once here: the first
 * copy wins (all copies are equivalent) except `schema-uri`, whose published patterns accept only
 * the retired host (or, in resource-tree's copy, nothing sensible: §3.3). Its replacement accepts
 * both hosts, since the retired one is refused before validation with the service's own 400.
 * Each schema is compiled on first use (all of them up front costs seconds at every start).
 * `masked-secret`, which customer-leads uses but no file defines, is supplied as a string.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  Ajv2020,
  type ErrorObject,
  type SchemaObject,
  type ValidateFunction
} from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { inferredSchemas } from './inferred-schemas.js'
import { ENVELOPE_VERSIONS, RESOURCE_TYPES } from './resource-types.js'

const SHARED = 'https://product-ingestion.azureedge.net/schema'
const SCHEMA_URI_ID = `${SHARED}/schema-uri/2022-03-01-preview2`
/** customer-leads refers to it, but no published file defines it: INFERRED as a plain string. */
const MASKED_SECRET_ID = `${SHARED}/masked-secret/2022-03-01-preview2`
const SCHEMA_URI_PATTERN =
  '^https://(schema\\.mp\\.microsoft\\.com|product-ingestion\\.azureedge\\.net)/schema/[a-z][a-z0-9]+(?:-[a-z0-9]+)*/\\d{4}(?:-\\d\\d){2}(?:-preview\\d+)?$'

export interface ResourceSchemas {
  /**
   * Problems of one resource under the schema of `type`/`version`, worded like the service's
   * (`Required properties ["sources"] were not present #`); empty when it is valid.
   */
  validate(type: string, version: string, resource: unknown): string[]
  /** true when no published copy exists and the emulator's inferred schema is used. */
  isInferred(type: string, version: string): boolean
}

export interface SchemaSet {
  /** The shared schemas the published files embed, by `$id`. */
  shared: Map<string, SchemaObject>
  /** The published schemas by `type/version`, without the shared ones. */
  published: Map<string, SchemaObject>
  inferred: ReturnType<typeof inferredSchemas>
}

export function loadResourceSchemas(publishedDir: string): ResourceSchemas {
  const { shared, published, inferred } = readSchemaSet(publishedDir)
  const ajv = new Ajv2020({
    allErrors: true,
    // The published files carry `$example`, `readonly` and other non-keywords. Checking each
    // schema against the meta-schema costs a second at every start: the unit tests do it once.
    strict: false,
    validateSchema: false
  })
  addFormats.default(ajv)
  for (const schema of shared.values()) ajv.addSchema(schema)
  const validators = new Map<string, Validator>()
  for (const [key, schema] of published) validators.set(key, compile(ajv, schema))
  for (const [key, { schema }] of inferred) validators.set(key, compile(ajv, schema))

  for (const [type, { versions }] of Object.entries(RESOURCE_TYPES)) {
    for (const version of versions) {
      if (!validators.has(`${type}/${version}`))
        throw new Error(`no schema for ${type}/${version} (published or inferred)`)
    }
  }

  return {
    validate(type, version, resource) {
      const validator = validators.get(`${type}/${version}`)
      return validator ? validator(resource) : [`Schema ${type}/${version} is unknown`]
    },
    isInferred: (type, version) => inferred.has(`${type}/${version}`)
  }
}

/** Reads the published files, sets their shared schemas apart, and derives the inferred ones. */
export function readSchemaSet(publishedDir: string): SchemaSet {
  const shared = new Map<string, SchemaObject>()
  const published = new Map<string, SchemaObject>()
  for (const file of readdirSync(publishedDir)
    .filter(f => f.endsWith('.json'))
    .sort()) {
    const schema = JSON.parse(readFileSync(join(publishedDir, file), 'utf8')) as SchemaObject
    const defs = (schema.$defs ?? {}) as Record<string, SchemaObject>
    for (const [key, def] of Object.entries(defs)) {
      if (!key.startsWith('https://')) continue
      if (!shared.has(key)) shared.set(key, def)
      delete defs[key]
    }
    const [, type, version] = /\/schema\/([^/]+)\/([^/]+)$/.exec(String(schema.$id)) ?? []
    if (!type) throw new Error(`${file} has no product-ingestion $id`)
    published.set(`${type}/${version}`, schema)
  }
  shared.set(SCHEMA_URI_ID, {
    $id: SCHEMA_URI_ID,
    title: 'Product Ingestion schema uri (emulator: both hosts, alternation fixed)',
    type: 'string',
    pattern: SCHEMA_URI_PATTERN
  })
  shared.set(MASKED_SECRET_ID, { $id: MASKED_SECRET_ID, type: 'string' })
  return { shared, published, inferred: inferredSchemas(published) }
}

type Validator = (resource: unknown) => string[]

/**
 * A schema whose `allOf[1].oneOf` branches differ by a constant (`kind`, `payloadType`) is compiled
 * once per branch and the branch picked by that value, as the service's own kind dispatch would:
 * a plain `oneOf` reports every branch's complaints, which hides the one that matters.
 */
function compile(ajv: Ajv2020, schema: SchemaObject): Validator {
  const branches = discriminated(schema)
  if (!branches) return check(() => ajv.compile(schema))
  const byValue = new Map<unknown, Validator>()
  for (const [value, branch] of branches.values) {
    const variant = structuredClone(schema)
    variant.$id = `${String(schema.$id)}/${branches.property}/${String(value)}`
    ;(variant.allOf[1] as SchemaObject).oneOf = [branch]
    byValue.set(
      value,
      check(() => ajv.compile(variant))
    )
  }
  return resource => {
    const value = (resource as Record<string, unknown> | null)?.[branches.property]
    const validator = byValue.get(value)
    if (validator) return validator(resource)
    const allowed = [...byValue.keys()].map(v => JSON.stringify(v)).join(', ')
    return value === undefined
      ? [`Required properties ["${branches.property}"] were not present #`]
      : [`Value ${JSON.stringify(value)} is not one of ${allowed} #/${branches.property}`]
  }
}

/**
 * Compiles on the first call. A failed `oneOf` also reports itself; that line adds nothing when
 * its branch's errors are there.
 */
function check(compileSchema: () => ValidateFunction): Validator {
  let validate: ValidateFunction | undefined
  return resource => {
    validate ??= compileSchema()
    if (validate(resource)) return []
    const errors = validate.errors ?? []
    const specific = errors.filter(e => e.keyword !== 'oneOf')
    return [...new Set((specific.length ? specific : errors).map(describe))]
  }
}

/** The discriminating property and its branches, when every `oneOf` branch fixes one. */
function discriminated(
  schema: SchemaObject
): { property: string; values: Map<unknown, SchemaObject> } | undefined {
  const oneOf = (schema.allOf?.[1] as SchemaObject | undefined)?.oneOf as SchemaObject[] | undefined
  if (!oneOf) return undefined
  const resolve = (branch: SchemaObject): SchemaObject =>
    typeof branch.$ref === 'string' && branch.$ref.startsWith('#/$defs/')
      ? (schema.$defs as Record<string, SchemaObject>)[branch.$ref.slice('#/$defs/'.length)]
      : branch
  for (const property of ['kind', 'payloadType']) {
    const values = new Map<unknown, SchemaObject>()
    for (const branch of oneOf) {
      const fixed = resolve(branch)?.properties?.[property]?.const
      if (fixed !== undefined) values.set(fixed, branch)
    }
    if (values.size === oneOf.length) return { property, values }
  }
  return undefined
}

/** Every type the configure envelope may name, for the schema-not-found 400. */
export function isKnownSchema(type: string, version: string): boolean {
  const versions = RESOURCE_TYPES[type]?.versions ?? ENVELOPE_VERSIONS[type]
  return versions?.includes(version) === true
}

/** One ajv error in the wording the service uses (Json.NET Schema-like `<problem> #<pointer>`). */
function describe(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>
  const problem =
    error.keyword === 'required'
      ? `Required properties ["${String(params.missingProperty)}"] were not present`
      : error.keyword === 'additionalProperties'
        ? `Property '${String(params.additionalProperty)}' has not been defined and the schema does not allow additional properties`
        : error.keyword === 'enum'
          ? `Value is not one of ${JSON.stringify(params.allowedValues)}`
          : error.keyword === 'const'
            ? `Value is not ${JSON.stringify(params.allowedValue)}`
            : capitalise(error.message ?? 'is invalid')
  return `${problem} #${error.instancePath}`
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1)
