/**
 * Case-insensitive input binding, as the service's JSON binder does (deviation
 * case-insensitive-input): property names that match a spec property case-insensitively are
 * renamed to the spec's spelling (`State` → `state`, `ID` → `id`, `SubType` → `subType`), guided by
 * the schema so that `subType` (variants) and `subtype` (listing URIs) each keep their own
 * spelling. When a name matches several spec spellings the preferred one wins (`externalIds` →
 * `externalIDs`). Enum values are bound case-insensitively too, as .NET's string-enum converter
 * reads them [X: no recording shows it]; that part can be switched off.
 *
 * Works on converted schemas (schemas.ts): a discriminated `oneOf` is followed into the branch
 * whose `resourceType` the value carries. The input is never modified.
 */
import { type OpenApiDocument, type SchemaObject, resolveSchema } from './openapi.js'

export interface NormaliseOptions {
  preferredSpellings: ReadonlySet<string>
  /** Bind enum values case-insensitively to the spec's spelling. Default true. */
  enumValues?: boolean
}

interface Shape {
  /** lower-case name → the spec spellings and the schemas of that property. */
  properties: Map<string, { names: Set<string>; schemas: SchemaObject[] }>
  items: SchemaObject[]
  /** lower-case value → spec spelling. */
  enumValues: Map<string, string>
  /** Discriminated branches: apply `then` when the value's resourceType is one of `types`. */
  conditional: { types: string[]; then: SchemaObject }[]
}

export function createNormaliser(
  doc: OpenApiDocument,
  options: NormaliseOptions
): (schema: SchemaObject, value: unknown) => unknown {
  const shapes = new WeakMap<SchemaObject, Shape>()
  const bindEnums = options.enumValues ?? true

  const shapeOf = (schema: SchemaObject): Shape => {
    let shape = shapes.get(schema)
    if (!shape) {
      shape = { properties: new Map(), items: [], enumValues: new Map(), conditional: [] }
      collect(doc, schema, shape, new Set())
      shapes.set(schema, shape)
    }
    return shape
  }

  const normalise = (schemas: SchemaObject[], value: unknown): unknown => {
    if (schemas.length === 0 || value === null || value === undefined) return value
    if (Array.isArray(value)) {
      const items = schemas.flatMap(s => shapeOf(s).items)
      return value.map(element => normalise(items, element))
    }
    if (typeof value === 'string') return bindEnums ? bindEnum(schemas.map(shapeOf), value) : value
    if (typeof value !== 'object') return value
    return bindObject(
      expand(schemas.map(shapeOf), value as Record<string, unknown>),
      value as object
    )
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

  const bindObject = (shapes: Shape[], value: object): Record<string, unknown> => {
    const out: Record<string, unknown> = {}
    for (const [key, child] of Object.entries(value)) {
      const lower = key.toLowerCase()
      const names = new Set<string>()
      const schemas: SchemaObject[] = []
      for (const shape of shapes) {
        const property = shape.properties.get(lower)
        if (!property) continue
        property.names.forEach(n => names.add(n))
        schemas.push(...property.schemas)
      }
      // Two spellings of one property: the later wins, as in the service's JSON binder.
      out[pickSpelling(key, names, options.preferredSpellings)] = normalise(schemas, child)
    }
    return out
  }

  return (schema, value) => normalise([schema], value)
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
