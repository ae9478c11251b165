/**
 * Applies the patches of deviations.ts to a loaded OpenAPI document, so that everything compiled
 * from it (routes, parameter checks, body schemas) follows the real service. Pure: the input is
 * not modified. A patch that no longer finds its target throws, so a changed spec cannot silently
 * drop a deviation.
 */
import { LENIENCIES, type Deviation } from './deviations.js'
import {
  type OpenApiDocument,
  type OperationObject,
  type ParameterObject,
  type SchemaObject,
  refName,
  resolveParameter,
  schemaKey
} from './openapi.js'

export interface PatchedSpec {
  doc: OpenApiDocument
  /** Property spellings to bind to when an input name matches several spec names case-insensitively. */
  preferredSpellings: ReadonlySet<string>
}

export function applyDeviations(
  source: OpenApiDocument,
  deviations: readonly Deviation[]
): PatchedSpec {
  const doc = structuredClone(source)
  const preferredSpellings = new Set<string>()
  for (const deviation of deviations) {
    try {
      applyOne(doc, deviation, preferredSpellings)
    } catch (error) {
      throw new Error(`deviation ${deviation.id}: ${(error as Error).message}`)
    }
  }
  return { doc, preferredSpellings }
}

function applyOne(doc: OpenApiDocument, d: Deviation, preferred: Set<string>): void {
  switch (d.op) {
    case 'add-enum-values': {
      const property = ownProperties(doc, d.schema)[d.property]
      if (!property?.enum) throw new Error(`${d.schema}.${d.property} has no enum`)
      for (const value of d.values) if (!property.enum.includes(value)) property.enum.push(value)
      return
    }
    case 'add-properties':
      Object.assign(ownProperties(doc, d.schema), structuredClone(d.properties))
      return
    case 'rename-property': {
      const properties = ownProperties(doc, d.schema)
      if (!properties[d.from]) throw new Error(`${d.schema} has no property ${d.from}`)
      properties[d.to] = properties[d.from]
      delete properties[d.from]
      return
    }
    case 'optional-parameter': {
      const operation = findOperation(doc, d.operation)
      const index = (operation.parameters ?? []).findIndex(p => sameParameter(doc, p, d))
      if (index < 0) throw new Error(`${d.operation} declares no ${d.in} parameter ${d.name}`)
      const parameters = operation.parameters as ParameterObject[]
      parameters[index] = {
        ...resolveParameter(doc, parameters[index]),
        required: false,
        ...((LENIENCIES as readonly string[]).includes(d.id) ? { 'x-leniency': d.id } : {})
      }
      return
    }
    case 'add-parameter':
      for (const operation of selectOperations(doc, d.operations)) {
        operation.parameters ??= []
        if (operation.parameters.some(p => sameParameter(doc, p, d))) continue
        operation.parameters.push({
          name: d.name,
          in: d.in,
          required: false,
          schema: { type: 'string' }
        })
      }
      return
    case 'parameter-enum': {
      const operation = findOperation(doc, d.operation)
      const index = (operation.parameters ?? []).findIndex(
        p => resolveParameter(doc, p).name === d.name
      )
      if (index < 0) throw new Error(`${d.operation} declares no parameter ${d.name}`)
      const parameters = operation.parameters as ParameterObject[]
      const parameter = resolveParameter(doc, parameters[index])
      parameters[index] = {
        ...parameter,
        schema: { ...parameter.schema, type: 'string', enum: [...d.values] }
      }
      return
    }
    case 'success-status': {
      const responses = findOperation(doc, d.operation).responses
      if (!responses[d.from]) throw new Error(`${d.operation} declares no ${d.from} response`)
      responses[d.to] = responses[d.from]
      delete responses[d.from]
      return
    }
    case 'replace-schema':
      doc.components.schemas[schemaKey(doc, d.schema)] = structuredClone(d.with)
      return
    case 'preferred-spelling':
      for (const name of d.names) preferred.add(name)
      return
    case undefined:
      return
  }
}

/** The properties a schema declares itself: its own `properties`, or its inline `allOf` part. */
function ownProperties(doc: OpenApiDocument, name: string): Record<string, SchemaObject> {
  const schema = doc.components.schemas[schemaKey(doc, name)]
  if (schema.properties) return schema.properties
  const inline = (schema.allOf ?? []).filter(part => !part.$ref && part.properties)
  const own = inline[inline.length - 1]?.properties
  if (!own) throw new Error(`${name} declares no properties of its own`)
  return own
}

function findOperation(doc: OpenApiDocument, key: string): OperationObject {
  const space = key.indexOf(' ')
  const operation = doc.paths[key.slice(space + 1)]?.[key.slice(0, space).toLowerCase()]
  if (!operation) throw new Error(`the spec has no operation ${key}`)
  return operation
}

function selectOperations(
  doc: OpenApiDocument,
  which: string[] | 'all' | 'collection-gets'
): OperationObject[] {
  if (Array.isArray(which)) return which.map(key => findOperation(doc, key))
  const all = Object.values(doc.paths).flatMap(item =>
    Object.entries(item).filter(([method]) => method !== 'parameters')
  )
  if (which === 'all') return all.map(([, operation]) => operation)
  return all
    .filter(([method, operation]) => method === 'get' && returnsPagedCollection(operation))
    .map(([, operation]) => operation)
}

function returnsPagedCollection(operation: OperationObject): boolean {
  const ok = operation.responses['200'] as
    { content?: Record<string, { schema?: SchemaObject }> } | undefined
  const ref = ok?.content?.['application/json']?.schema?.$ref
  return ref !== undefined && refName(ref).includes('Common.PagedCollection')
}

function sameParameter(
  doc: OpenApiDocument,
  parameter: ParameterObject,
  target: { in: string; name: string }
): boolean {
  const resolved = resolveParameter(doc, parameter)
  return resolved.in === target.in && resolved.name.toLowerCase() === target.name.toLowerCase()
}
