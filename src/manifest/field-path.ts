/** Field paths in two spellings: segments for lookups, `offers[0].plans[1].package` for people. */
import type { FieldPath } from './source.js'

export function formatField(path: FieldPath): string {
  return path
    .map((segment, i) =>
      typeof segment === 'number' ? `[${segment}]` : i === 0 ? segment : `.${segment}`
    )
    .join('')
}

/** `offers[0].plans[1].package` → segments, the inverse of formatField. */
export function parseField(field: string): FieldPath {
  return [...field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map(([, key, index]) =>
    index === undefined ? key : Number(index)
  )
}

/** Ajv's JSON pointer (`/offers/0/plans/1`) to segments; array indexes become numbers. */
export function pointerToPath(pointer: string, data: unknown): FieldPath {
  if (pointer === '') return []
  const path: FieldPath = []
  let node = data
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~')
    const key: string | number = Array.isArray(node) ? Number(segment) : segment
    path.push(key)
    node =
      node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined
  }
  return path
}
