// Section 4: ten offers in one manifest, published to live with the `concurrency` input at 10
// and at 1, each on a fresh emulator seeded with those ten offers.
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, isAbsolute, join, relative, resolve } from 'node:path'
import { parse, stringify } from 'yaml'
import { firstError, runAction } from './action.mjs'
import { publishInputs } from './demo-publish.mjs'
import { startEmulator } from './emulator.mjs'
import { exampleManifest, root, workDir } from './paths.mjs'

const OFFERS = 10
const seedFile = join(root, 'examples/emulator-seed.yml')

export async function manyOffers() {
  const ids = Array.from(
    { length: OFFERS },
    (_, i) => `bench-offer-${String(i + 1).padStart(2, '0')}`
  )
  const seed = tenOfferSeed(ids)
  const manifest = join(workDir, 'ten-offers.yml')
  writeFileSync(manifest, stringify(tenOfferManifest(ids, dirname(manifest))))
  const runs = []
  for (const concurrency of [10, 1]) {
    const emulator = await startEmulator()
    try {
      await emulator.admin('POST', '/seed', seed)
      const run = await runAction(publishInputs(emulator.ready, manifest, { concurrency }))
      runs.push({
        concurrency,
        ok: run.code === 0,
        error: run.code === 0 ? undefined : firstError(run),
        wallMs: run.wallMs,
        status: run.outputs.status
      })
    } finally {
      await emulator.stop()
    }
  }
  return { runs }
}

/** The default seed with its first Azure application offer copied once per id. */
function tenOfferSeed(ids) {
  const seed = parse(readFileSync(seedFile, 'utf8'))
  const template = seed.offers.find(offer => offer.type === 'AzureApplication')
  if (!template) throw new Error(`${seedFile} has no AzureApplication offer to copy`)
  seed.offers = ids.map((offerId, i) => ({
    ...structuredClone(template),
    offerId,
    name: `Bench offer ${i + 1}`
  }))
  return seed
}

/**
 * The example manifest with its first offer of the seeded template's kind copied once per id.
 * File paths in it are relative to the example manifest's folder; they are rewritten relative to
 * the folder the new manifest is written to, so the same committed files are used.
 */
function tenOfferManifest(ids, folder) {
  const manifest = parse(readFileSync(exampleManifest, 'utf8'))
  const template = manifest.offers.find(offer => String(offer.type).startsWith('azure-solution'))
  if (!template) throw new Error(`${exampleManifest} has no azure-solution-template offer to copy`)
  const relocated = relocatePaths(template, dirname(exampleManifest), folder)
  manifest.offers = ids.map((id, i) => ({
    ...structuredClone(relocated),
    id,
    name: `Bench offer ${i + 1}`
  }))
  return manifest
}

const FILE_PATH = /^[\w./*-]+\.(zip|png|jpe?g|html?|md|txt|app)$/i

function relocatePaths(value, from, to) {
  if (typeof value === 'string') {
    if (!FILE_PATH.test(value) || isAbsolute(value)) return value
    return relative(to, resolve(from, value)).split('\\').join('/')
  }
  if (Array.isArray(value)) return value.map(item => relocatePaths(item, from, to))
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, relocatePaths(item, from, to)])
    )
  }
  return value
}
