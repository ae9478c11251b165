import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parse, stringify } from 'yaml'
import { isPublishError } from '../../src/errors.js'
import { loadManifest } from '../../src/manifest/load.js'
import { makeWorkspace, type Workspace } from './manifest-fixture.js'

/** Anything loadManifest throws must be a PublishError (never a TypeError from odd input). */
async function outcome(ws: Workspace, name: string, text: string): Promise<'loaded' | 'refused'> {
  const file = ws.write(name, text)
  try {
    await loadManifest(file, { version: '1.2.3', workspace: ws.root })
    return 'loaded'
  } catch (e) {
    if (!isPublishError(e)) throw e
    expect(['MANIFEST_SYNTAX', 'MANIFEST_INVALID', 'VERSION_REQUIRED']).toContain(e.code)
    expect(e.message).not.toMatch(/\n\s+at /) // no stack trace in what people read
    return 'refused'
  }
}

const fieldNames = [
  'id',
  'type',
  'name',
  'listing',
  'images',
  'properties',
  'reseller',
  'certificationNotes',
  'plans',
  'app',
  'library',
  'appVersion',
  'package',
  'version',
  'tenantId',
  'authorizations',
  'policies',
  'jitAccess',
  'customerActions',
  'description',
  'file',
  'keywords',
  'contacts',
  'small',
  'wide'
]

/** Values near the manifest's shape: right field names, random values and nesting. */
const nearManifest = fc.letrec(tie => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(
      'azure-solution-template',
      'azure-managed-app',
      'business-central',
      'standard',
      'packages/contoso-analytics-standard-*.zip',
      'images/logo-48x48.png',
      '${{ version }}',
      '${{ x }}',
      '../..',
      '**'
    ),
    fc.jsonValue(),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom(...fieldNames), tie('value'), { maxKeys: 5 })
  )
})).value

const example = parse(
  readFileSync(path.resolve(import.meta.dirname, '..', '..', 'examples', 'marketplace.yml'), 'utf8')
) as unknown

/** Every path to a value in the example, to mutate one at a time. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [prefix]
  const entries = Array.isArray(value)
    ? value.map((v, i) => [i, v] as const)
    : Object.entries(value)
  return [prefix, ...entries.flatMap(([key, v]) => paths(v, [...prefix, key]))]
}
const examplePaths = paths(example).filter(p => p.length > 0)

function mutate(path: (string | number)[], replacement: unknown): unknown {
  const copy = structuredClone(example) as Record<string | number, unknown>
  let node = copy
  for (const segment of path.slice(0, -1)) node = node[segment] as Record<string | number, unknown>
  node[path[path.length - 1]] = replacement
  return copy
}

describe('loadManifest never fails with anything but a PublishError', () => {
  let ws: Workspace
  beforeAll(() => {
    ws = makeWorkspace()
  })
  afterAll(() => ws.remove())

  test('arbitrary YAML text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 200 }), text =>
        outcome(ws, 'any.yml', text).then(() => true)
      ),
      { numRuns: 150 }
    )
  })

  test('arbitrary JSON text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.json(), text => outcome(ws, 'any.json', text).then(() => true)),
      { numRuns: 150 }
    )
  })

  test('arbitrary objects written as YAML', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.anything({
          withNullPrototype: false,
          withBigInt: false,
          withDate: false,
          withMap: false,
          withSet: false,
          withTypedArray: false,
          withSparseArray: false,
          withBoxedValues: false
        }),
        value => outcome(ws, 'obj.yml', stringify(value) ?? '').then(() => true)
      ),
      { numRuns: 150 }
    )
  })

  test('manifest-shaped objects with random fields', async () => {
    const manifest = fc.record({
      version: fc.constantFrom(1, 2, '1'),
      offers: fc.array(
        fc.dictionary(fc.constantFrom(...fieldNames), nearManifest, { maxKeys: 8 }),
        { maxLength: 3 }
      )
    })
    await fc.assert(
      fc.asyncProperty(manifest, value =>
        outcome(ws, 'near.yml', stringify(value)).then(() => true)
      ),
      { numRuns: 300 }
    )
  })

  test('the example with one value replaced by anything', async () => {
    const mutation = fc.tuple(fc.constantFrom(...examplePaths), nearManifest)
    const outcomes = new Set<string>()
    await fc.assert(
      fc.asyncProperty(mutation, async ([at, value]) => {
        outcomes.add(await outcome(ws, 'mutated.yml', stringify(mutate(at, value))))
        return true
      }),
      { numRuns: 300 }
    )
    // Both ends were reached: some mutations still load, others are refused.
    expect([...outcomes].sort()).toEqual(['loaded', 'refused'])
  })
})
