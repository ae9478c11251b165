/**
 * docs/manifest.md must keep up with the schema and the loader: every property and enum value the
 * schema defines is named in the doc (as `code`), and every example of the doc loads.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import schema from '../../schema/marketplace.schema.json' with { type: 'json' }
import { loadManifest } from '../../src/manifest/load.js'
import { isProductIngestionOffer } from '../../src/manifest/model-product-ingestion.js'
import { makeWorkspace, type Workspace } from './manifest-fixture.js'

interface SchemaNode {
  properties?: Record<string, SchemaNode>
  items?: SchemaNode
  definitions?: Record<string, SchemaNode>
  enum?: unknown[]
}

const doc = readFileSync(
  path.resolve(import.meta.dirname, '..', '..', 'docs', 'manifest.md'),
  'utf8'
)

/** Property names and enum values of a schema node and everything below it. */
function collect(node: SchemaNode, names: Set<string>, values: Set<string>): void {
  for (const [name, child] of Object.entries(node.properties ?? {})) {
    names.add(name)
    collect(child, names, values)
  }
  for (const value of node.enum ?? []) values.add(String(value))
  if (node.items) collect(node.items, names, values)
  for (const definition of Object.values(node.definitions ?? {})) collect(definition, names, values)
}

const names = new Set<string>()
const enumValues = new Set<string>()
collect(schema as SchemaNode, names, enumValues)

describe('docs/manifest.md', () => {
  test('the schema walk finds properties at every depth', () => {
    // Top level, offer, plan, managed-app configuration and contact: a walk that misses a level
    // would make the checks below pass vacuously.
    for (const name of ['offers', 'appVersion', 'package', 'dataActions', 'phone'])
      expect(names).toContain(name)
    expect(enumValues).toContain('business-central')
  })

  // One list of what is missing, rather than the whole doc printed per missing name.
  test('documents every property of the schema', () => {
    expect([...names].filter(name => !doc.includes(`\`${name}\``))).toEqual([])
  })

  test('documents every allowed value of the schema', () => {
    expect([...enumValues].filter(value => !doc.includes(`\`${value}\``))).toEqual([])
  })

  describe('examples', () => {
    const examples = doc
      .slice(doc.indexOf('\n## Examples'))
      .split('```yaml\n')
      .slice(1)
      .map(block => block.slice(0, block.indexOf('```')))
    let workspace: Workspace

    beforeAll(() => {
      workspace = makeWorkspace()
      // Files the examples name beyond those of examples/.
      workspace.write('images/screenshot-dashboard.png', pngHeader(1280, 720))
      workspace.write('listing/terms.html', '<p>Contoso terms of use.</p>')
    })
    afterAll(() => workspace.remove())

    test('there are six: one per offer type', () => {
      expect(examples).toHaveLength(6)
    })

    test.each(examples.map((text, i) => [i + 1, text] as const))(
      'example %i loads',
      async (i, text) => {
        const file = `example-${i}.yml`
        workspace.write(file, text)
        const manifest = await loadManifest(file, { workspace: workspace.root, version: '1.2.3' })
        expect(manifest.offers).toHaveLength(1)
        const [offer] = manifest.offers
        if (isProductIngestionOffer(offer)) {
          expect(offer.plans.length).toBeGreaterThan(0)
          const [plan] = offer.plans
          if (offer.type === 'saas') {
            expect(offer.technicalConfiguration?.landingPage).toMatch(/^https:\/\//)
            expect(plan.pricing).toMatchObject({ kind: 'saas' })
          }
          if (offer.type === 'azure-virtual-machine') expect(plan.image?.version).toBe('1.2.3')
          if (offer.type === 'azure-container') expect(plan.cnab?.tag).toBe('1.2.3')
        } else if (offer.type === 'business-central') {
          expect(offer.businessCentral).toMatchObject({ appVersion: '1.2.3.0' })
          expect(offer.businessCentral?.library?.name).toBe('Contoso_ConnectorLibrary_1.2.3.0.app')
        } else {
          expect(offer.plans.length).toBeGreaterThan(0)
          for (const plan of offer.plans) expect(plan.version).toBe('1.2.3')
        }
        // An example that would create its offer states everything its first submission needs
        // (checked before any write for the offers of the Ingestion API).
        if (!isProductIngestionOffer(offer) && offer.name !== undefined) {
          const gaps = [offer, ...offer.plans].flatMap(o => o.firstSubmissionGaps ?? [])
          expect(gaps.map(g => g.field)).toEqual([])
        }
        if (offer.type === 'azure-managed-app') {
          const managed = offer.plans[0].managedApp
          expect(managed?.publicAzureAuthorizations).toHaveLength(2)
          expect(JSON.parse(managed?.policies?.[0].policyParameters ?? '')).toEqual({
            listOfAllowedLocations: { value: ['westeurope', 'northeurope'] }
          })
        }
      }
    )
  })
})

/** The first bytes of a PNG of the given size: all the loader reads of an image. */
function pngHeader(width: number, height: number): Buffer {
  const header = Buffer.alloc(33)
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(header, 0)
  header.writeUInt32BE(13, 8)
  header.write('IHDR', 12, 'ascii')
  header.writeUInt32BE(width, 16)
  header.writeUInt32BE(height, 20)
  return header
}
