/**
 * Request bodies bound the way the service's lenient .NET JSON binder binds them, before the spec
 * checks them. Each leniency is a rule of deviations.ts (LENIENCIES), and every use of one is
 * reported with where it applied, so the request log can say which requests needed it:
 * - `case-insensitive-input`: property names that match a spec property case-insensitively are
 *   renamed to the spec's spelling (`State` → `state`), guided by the schema so that `subType`
 *   (variants) and `subtype` (listing URIs) each keep their own. When a name matches several spec
 *   spellings the preferred one wins (`externalIds` → `externalIDs`, a correction, not a leniency);
 * - `case-insensitive-enums`: enum values bind case-insensitively (`uploaded` → `Uploaded`), as
 *   .NET's string-enum converter reads them; that part can be switched off;
 * - `null-as-absent`: `null` for a property the spec does not mark nullable is dropped;
 * - `string-as-boolean` / `string-as-number`: `"true"`, `"1.5"` become `true`, `1.5` where the spec
 *   wants a boolean or a number (an integer only from an integer string), and are stored so.
 *
 * Works on converted schemas (schemas.ts): a discriminated `oneOf` is followed into the branch
 * whose `resourceType` the value carries. The input is never modified.
 */
import type { Leniency, LeniencyUse } from './deviations.js'
import { type OpenApiDocument, type SchemaObject, resolveSchema } from './openapi.js'

export interface NormaliseOptions {
  preferredSpellings: ReadonlySet<string>
  /** Bind enum values case-insensitively to the spec's spelling. Default true. */
  enumValues?: boolean
}

/** The bound value, and the leniencies it needed (`at` is a JSON pointer, `/summary`). */
export type Bound = { value: unknown; leniencies: LeniencyUse[] }

interface Shape {
  /** lower-case name → the spec spellings and the schemas of that property. */
  properties: Map<string, { names: Set<string>; schemas: SchemaObject[] }>
  items: SchemaObject[]
  /** lower-case value → spec spelling. */
  enumValues: Map<string, string>
  /** The JSON types the schema names (`string`, `boolean`, ...). */
  types: Set<string>
  nullable: boolean
  /** Discriminated branches: apply `then` when the value's resourceType is one of `types`. */
  conditional: { types: string[]; then: SchemaObject }[]
}

const BOOLEAN_TEXT = /^\s*(true|false)\s*$/i
const NUMBER_TEXT = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/
const INTEGER_TEXT = /^\s*[-+]?\d+\s*$/

export function createNormaliser(
  doc: OpenApiDocument,
  options: NormaliseOptions
): (schema: SchemaObject, value: unknown) => Bound {
  const shapes = new WeakMap<SchemaObject, Shape>()
  const bindEnums = options.enumValues ?? true

  const shapeOf = (schema: SchemaObject): Shape => {
    let shape = shapes.get(schema)
    if (!shape) {
      shape = {
        properties: new Map(),
        items: [],
        enumValues: new Map(),
        types: new Set(),
        nullable: false,
        conditional: []
      }
      collect(doc, schema, shape, new Set())
      shapes.set(schema, shape)
    }
    return shape
  }

  return (schema, input) => {
    const leniencies: LeniencyUse[] = []
    const used = (rule: Leniency, at: string): void => void leniencies.push({ rule, at })

    const normalise = (schemas: SchemaObject[], value: unknown, at: string): unknown => {
      if (schemas.length === 0 || value === null || value === undefined) return value
      const known = schemas.map(shapeOf)
      if (Array.isArray(value)) {
        const items = known.flatMap(s => s.items)
        return value.map((element, i) => normalise(items, element, `${at}/${i}`))
      }
      if (typeof value === 'string') return bindString(known, value, at)
      if (typeof value !== 'object') return value
      return bindObject(expand(known, value as Record<string, unknown>), value as object, at)
    }

    const bindString = (known: Shape[], value: string, at: string): unknown => {
      const types = new Set(known.flatMap(s => [...s.types]))
      if (!types.has('string')) {
        if (types.has('boolean') && BOOLEAN_TEXT.test(value)) {
          used('string-as-boolean', at)
          return value.trim().toLowerCase() === 'true'
        }
        const numeric = types.has('number')
          ? NUMBER_TEXT
          : types.has('integer')
            ? INTEGER_TEXT
            : null
        if (numeric?.test(value)) {
          used('string-as-number', at)
          return Number(value)
        }
      }
      if (!bindEnums) return value
      const canonical = bindEnum(known, value)
      if (canonical !== value) used('case-insensitive-enums', at)
      return canonical
    }

    /** Adds the shapes of the discriminated branches this object selects by its resourceType. */
    const expand = (initial: Shape[], value: Record<string, unknown>): Shape[] => {
      const typeKey = Object.keys(value).find(k => k.toLowerCase() === 'resourcetype')
      const type = typeKey && typeof value[typeKey] === 'string' ? (value[typeKey] as string) : ''
      const all = [...initial]
      for (let i = 0; i < all.length; i++) {
        for (const branch of all[i].conditional) {
          if (branch.types.some(t => t.toLowerCase() === type.toLowerCase()))
            all.push(shapeOf(branch.then))
        }
      }
      return all
    }

    const bindObject = (known: Shape[], value: object, at: string): Record<string, unknown> => {
      const out: Record<string, unknown> = {}
      for (const [key, child] of Object.entries(value)) {
        const lower = key.toLowerCase()
        const names = new Set<string>()
        const schemas: SchemaObject[] = []
        for (const shape of known) {
          const property = shape.properties.get(lower)
          if (!property) continue
          property.names.forEach(n => names.add(n))
          schemas.push(...property.schemas)
        }
        const name = pickSpelling(key, names, options.preferredSpellings)
        if (names.size > 0 && !names.has(key)) used('case-insensitive-input', `${at}/${key}`)
        if (child === null && schemas.length > 0 && !schemas.some(s => shapeOf(s).nullable)) {
          used('null-as-absent', `${at}/${name}`)
          delete out[name]
          continue
        }
        // Two spellings of one property: the later wins, as in the service's JSON binder.
        out[name] = normalise(schemas, child, `${at}/${name}`)
      }
      return out
    }

    return { value: normalise([schema], input, ''), leniencies }
  }
}

function pickSpelling(key: string, names: Set<string>, preferred: ReadonlySet<string>): string {
  if (names.size === 0) return key
  for (const name of names) if (preferred.has(name)) return name
  if (names.has(key)) return key
  return names.values().next().value as string
}

function bindEnum(shapes: Shape[], value: string): string {
  let canonical: string | undefined
  for (const shape of shapes) {
    const spelling = shape.enumValues.get(value.toLowerCase())
    if (spelling === value) return value
    canonical ??= spelling
  }
  return canonical ?? value
}

function collect(
  doc: OpenApiDocument,
  schema: SchemaObject,
  shape: Shape,
  seen: Set<SchemaObject>
): void {
  const node = resolveSchema(doc, schema)
  if (seen.has(node)) return
  seen.add(node)
  if (typeof node.type === 'string') shape.types.add(node.type)
  if (node.nullable === true) shape.nullable = true
  for (const [name, property] of Object.entries(node.properties ?? {})) {
    const lower = name.toLowerCase()
    let entry = shape.properties.get(lower)
    if (!entry) shape.properties.set(lower, (entry = { names: new Set(), schemas: [] }))
    entry.names.add(name)
    entry.schemas.push(property)
  }
  if (node.items) shape.items.push(node.items)
  for (const value of node.enum ?? []) {
    if (typeof value === 'string') shape.enumValues.set(value.toLowerCase(), value)
  }
  for (const part of [...(node.allOf ?? []), ...(node.oneOf ?? [])]) {
    const condition = part.if as SchemaObject | undefined
    const types = condition?.properties?.resourceType?.enum as string[] | undefined
    if (types && part.then) shape.conditional.push({ types, then: part.then as SchemaObject })
    else collect(doc, part, shape, seen)
  }
}
