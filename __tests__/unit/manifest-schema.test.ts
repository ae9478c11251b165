import { describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import schema from '../../schema/marketplace.schema.json' with { type: 'json' }

interface Node {
  $ref?: string
  type?: string | string[]
  description?: string
  properties?: Record<string, Node>
  additionalProperties?: boolean
  items?: Node
  /** An offer's fields by type: `if` the type is one, `then` its closed definition. */
  allOf?: { then?: Node }[]
}

const definitions = (schema as unknown as { definitions: Record<string, Node> }).definitions

function resolve(node: Node): Node {
  return node.$ref
    ? { ...resolve(definitions[node.$ref.replace('#/definitions/', '')]), ...node }
    : node
}

/** Every object schema reachable from the root, with its path. */
function objects(node: Node, at: string, seen = new Set<Node>()): [string, Node][] {
  const resolved = resolve(node)
  if (seen.has(resolved)) return []
  seen.add(resolved)
  // A dispatcher by type is closed by each of its branches, which are walked instead.
  const branches = (resolved.allOf ?? []).flatMap(b => (b.then ? objects(b.then, at, seen) : []))
  const dispatcher = branches.length > 0
  const own: [string, Node][] = resolved.properties && !dispatcher ? [[at, resolved]] : []
  const children = Object.entries(resolved.properties ?? {}).flatMap(([key, child]) =>
    objects(child, `${at}.${key}`, seen)
  )
  const items = resolved.items ? objects(resolved.items, `${at}[]`, seen) : []
  return [...own, ...(dispatcher ? [] : children), ...items, ...branches]
}

describe('schema/marketplace.schema.json', () => {
  const all = objects(schema as unknown as Node, '$')

  test('reaches the nested objects', () => {
    expect(all.map(([at]) => at)).toEqual(
      expect.arrayContaining([
        '$',
        '$.offers[]',
        '$.offers[].listing.contacts.support',
        '$.offers[].plans[].customerActions',
        '$.offers[].technicalConfiguration',
        '$.offers[].plans[].image.x64Gen2.dataDisks[]',
        '$.offers[].plans[].cnab'
      ])
    )
  })

  test('closes every object to unknown fields', () => {
    const open = all.filter(([, node]) => node.additionalProperties !== false).map(([at]) => at)
    expect(open).toEqual([])
  })

  test('describes every property', () => {
    const undescribed = all.flatMap(([at, node]) =>
      Object.entries(node.properties ?? {})
        .filter(([, child]) => !resolve(child).description)
        .map(([key]) => `${at}.${key}`)
    )
    expect(undescribed).toEqual([])
  })

  test('is what the example manifest points editors at', () => {
    const example = readFileSync(
      path.resolve(import.meta.dirname, '..', '..', 'examples', 'marketplace.yml'),
      'utf8'
    )
    expect(example.split('\n')[0]).toBe(
      '# yaml-language-server: $schema=../schema/marketplace.schema.json'
    )
  })
})
