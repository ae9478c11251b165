/**
 * Checks the parsed manifest against schema/marketplace.schema.json (the same file editors use)
 * and turns each failure into a problem a person can act on, at the field's line.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv'
import addFormats from 'ajv-formats'
import schema from '../../schema/marketplace.schema.json' with { type: 'json' }
import { formatField, pointerToPath } from './field-path.js'
import { describeLimit, limitOf, textLength } from './limits.js'
import type { ProblemList } from './problems.js'
import type { FieldPath, SourceDocument } from './source.js'
import { nearest } from './suggest.js'

let compiled: ValidateFunction | undefined

/**
 * Compiled on first use, not on import: compiling is the costliest CPU work before the first
 * request, and the action loads this module while its token request is starting, which the
 * manifest file reads (I/O) can then overlap with.
 */
function validator(): ValidateFunction {
  if (compiled) return compiled
  const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true })
  addFormats.default(ajv, ['email', 'uri'])
  // Understood by VS Code's JSON and YAML language servers: the message shown when a pattern fails.
  ajv.addKeyword({ keyword: 'patternErrorMessage', schemaType: 'string' })
  compiled = ajv.compile(schema)
  return compiled
}

interface SchemaNode {
  description?: string
  properties?: Record<string, SchemaNode>
  patternErrorMessage?: string
}

/**
 * Ajv's failures for the data; empty when it matches the schema. An offer's fields depend on its
 * type (`if`/`then` per type): the failures of the type's definition are reported, not the `if`
 * that chose it.
 */
export function schemaErrors(data: unknown): ErrorObject[] {
  const validate = validator()
  return validate(data) ? [] : (validate.errors ?? []).filter(error => error.keyword !== 'if')
}

/** Adds a problem for every schema failure, except at fields `skip` accepts. */
export function reportSchemaErrors(
  errors: ErrorObject[],
  data: unknown,
  source: SourceDocument,
  problems: ProblemList,
  skip: (field: string) => boolean
): void {
  for (const error of errors) {
    const problem = describe(error, data, source)
    if (!skip(problem.field)) problems.add(problem)
  }
}

/**
 * A copy of the data without the values the schema refused (unknown fields, wrong types, bad
 * values; a list with a bad item goes as a whole, so indexes never shift). What is left of each
 * offer can still go through the rules and file checks, so that one run reports those problems
 * too. Missing required fields are not repaired: such offers fail the schema again and are skipped.
 */
export function withoutRefusedValues(data: unknown, errors: ErrorObject[]): unknown {
  const copy = structuredClone(data)
  for (const error of errors) {
    if (error.keyword === 'required') continue
    const path = pointerToPath(error.instancePath, copy)
    if (error.keyword === 'additionalProperties') path.push(String(error.params.additionalProperty))
    while (path.length > 0 && typeof path[path.length - 1] === 'number') path.pop()
    // Never remove an offer or the offers list: the offer is then skipped instead.
    if (path.length <= 2 && path[0] === 'offers') continue
    deleteAt(copy, path)
  }
  return copy
}

function deleteAt(data: unknown, path: FieldPath): void {
  let node = data
  for (const segment of path.slice(0, -1)) {
    if (node === null || typeof node !== 'object') return
    node = (node as Record<string | number, unknown>)[segment]
  }
  if (node !== null && typeof node === 'object' && !Array.isArray(node) && path.length > 0) {
    delete (node as Record<string, unknown>)[String(path[path.length - 1])]
  }
}

function describe(error: ErrorObject, data: unknown, source: SourceDocument) {
  const path = pointerToPath(error.instancePath, data)
  const parent = (error.parentSchema ?? {}) as SchemaNode
  const at = (p: FieldPath, where: 'key' | 'value' = 'value') => ({
    field: formatField(p),
    source: source.locate(p, where)
  })
  const label = formatField(path) || 'the manifest'
  switch (error.keyword) {
    case 'additionalProperties': {
      const name = String(error.params.additionalProperty)
      const known = Object.keys(parent.properties ?? {})
      const guess = nearest(name, known)
      return {
        ...at([...path, name], 'key'),
        message: `unknown field "${name}"`,
        hint: guess
          ? `Did you mean "${guess}"?`
          : `Remove it; the fields allowed here are: ${known.join(', ')}.`
      }
    }
    case 'required': {
      const name = String(error.params.missingProperty)
      const description = parent.properties?.[name]?.description
      return {
        ...at(path),
        field: formatField([...path, name]),
        message: `missing required field "${name}" in ${label}`,
        hint: `Add "${name}"${description ? `: ${description}` : '.'}`
      }
    }
    case 'type':
      return {
        ...at(path),
        message: `${label} must be ${typeName(String(error.params.type))}, not ${jsonType(error.data)}`,
        hint: parent.description ?? `Write ${typeName(String(error.params.type))} here.`
      }
    case 'enum': {
      const allowed = (error.params.allowedValues as unknown[]).map(String)
      const guess = typeof error.data === 'string' ? nearest(error.data, allowed) : undefined
      const what = path[path.length - 1] === 'type' ? 'unknown offer type' : 'unsupported value'
      return {
        ...at(path),
        message: `${what} ${JSON.stringify(error.data)} in ${label}`,
        hint: `${guess ? `Did you mean "${guess}"? ` : ''}Use one of: ${allowed.join(', ')}.`
      }
    }
    case 'const':
      return {
        ...at(path),
        message: `${label} must be ${JSON.stringify(error.params.allowedValue)}`,
        hint: `Write ${JSON.stringify(error.params.allowedValue)}: it is the only format version this action reads.`
      }
    case 'pattern':
      return {
        ...at(path),
        message: `${label} has an invalid value ${JSON.stringify(error.data)}`,
        hint: parent.patternErrorMessage ?? `Match the pattern ${String(error.params.pattern)}.`
      }
    case 'format':
      return {
        ...at(path),
        message: `${label} is not a valid ${error.params.format === 'email' ? 'email address' : 'URL'}: ${JSON.stringify(error.data)}`,
        hint:
          error.params.format === 'email'
            ? 'Write an address such as support@contoso.com.'
            : 'Write an absolute URL such as https://contoso.com/privacy.'
      }
    case 'maxItems':
      return {
        ...at(path),
        message: `${label} has ${(error.data as unknown[]).length} items; ${limitText(label, error)}`,
        hint: parent.description ?? 'Remove the extra items.'
      }
    case 'minItems':
      return {
        ...at(path),
        message: `${label} needs at least ${String(error.params.limit)} item(s)`,
        hint: parent.description ?? 'Add an item.'
      }
    case 'maxLength':
      return {
        ...at(path),
        message: `${label} is ${textLength(error.data as string).toLocaleString('en-US')} characters long; ${limitText(label, error)}`,
        hint: parent.description ?? 'Shorten it.'
      }
    case 'minLength':
      return {
        ...at(path),
        message: `${label} is empty`,
        hint: parent.description ?? 'Write a value or remove the field.'
      }
    default:
      return {
        ...at(path),
        message: `${label} ${error.message ?? 'is invalid'}`,
        hint: parent.description ?? 'Fix this value.'
      }
  }
}

/** The limit and where it comes from (limits.ts); every maxLength and maxItems has an entry there. */
function limitText(field: string, error: ErrorObject): string {
  const limit = limitOf(field, Number(error.params.limit))
  return limit ? describeLimit(limit) : `at most ${String(error.params.limit)} are allowed`
}

function typeName(type: string): string {
  if (type === 'string,object') return 'text or { file: path }'
  if (type === 'object,string') return 'an object or a JSON string'
  const names: Record<string, string> = {
    string: 'text',
    object: 'a mapping of fields',
    array: 'a list',
    boolean: 'true or false',
    number: 'a number',
    integer: 'a whole number'
  }
  return names[type] ?? type
}

function jsonType(value: unknown): string {
  if (value === null) return 'empty'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'a mapping'
  if (typeof value === 'string') return 'text'
  return typeof value
}
