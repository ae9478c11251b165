/**
 * Temporary workspaces for manifest tests: the example's logos, packages and apps copied in, plus
 * the manifest under test. `# <-` at the end of a manifest line marks where a problem is expected.
 */
import { cpSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Manifest, OfferSpec } from '../../src/manifest/model.js'
import { isProductIngestionOffer } from '../../src/manifest/model-product-ingestion.js'

const examples = path.resolve(import.meta.dirname, '..', '..', 'examples')

export interface Workspace {
  root: string
  write(relative: string, content: string | Buffer): string
  remove(): void
}

export function makeWorkspace(): Workspace {
  const root = mkdtempSync(path.join(tmpdir(), 'manifest-'))
  for (const folder of ['images', 'packages', 'apps', 'listing']) {
    cpSync(path.join(examples, folder), path.join(root, folder), { recursive: true })
  }
  return {
    root,
    write(relative, content) {
      const file = path.join(root, relative)
      mkdirSync(path.dirname(file), { recursive: true })
      writeFileSync(file, content)
      return file
    },
    remove: () => rmSync(root, { recursive: true, force: true })
  }
}

/** The manifest's offers of the Ingestion API, as their model (the tests read their fields). */
export function ingestionOffers(manifest: Manifest): OfferSpec[] {
  return manifest.offers.filter((offer): offer is OfferSpec => !isProductIngestionOffer(offer))
}

/** 1-based line of the `# <-` marker. */
export function markedLine(text: string): number {
  const index = text.split('\n').findIndex(line => line.trimEnd().endsWith('# <-'))
  if (index < 0) throw new Error('the test manifest has no "# <-" marker')
  return index + 1
}

export const LOGOS = `    images:
      small: images/logo-48x48.png
      large: images/logo-216x216.png`

/** A valid solution-template offer; `extra` lines are appended to the offer's fields. */
export function solutionTemplate(extra = '', planExtra = ''): string {
  return `version: 1
offers:
  - id: contoso-analytics
    type: azure-solution-template
    name: Contoso Analytics
${extra}    plans:
      - id: standard
        name: Standard
        package: packages/contoso-analytics-standard-*.zip
${planExtra}`
}

export function managedApp(planExtra: string): string {
  return `version: 1
offers:
  - id: contoso-managed-ops
    type: azure-managed-app
    plans:
      - id: managed
        name: Managed
        package: packages/contoso-managed-ops-managed-1.2.3.zip
${planExtra}`
}

export function businessCentral(extra: string): string {
  return `version: 1
offers:
  - id: contoso-bc-connector
    type: business-central
${extra}`
}
