// Section 5: one plan's package update to preview (issue 5's "fewest calls"). On a fresh
// emulator the example offer contoso-analytics is first published to preview at 1.2.3, as a
// release before it would have; then a manifest naming only its `standard` plan and a 1.2.4
// package is published to preview. Counted: that second run's requests besides polls and upload
// blocks, from the emulator's log (which does not see the blob front), each one listed.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { runAction, firstError } from './action.mjs'
import { publishInputs } from './demo-publish.mjs'
import { startEmulator } from './emulator.mjs'
import { exampleManifest, root, workDir } from './paths.mjs'
import { phaseOf, requestLog } from './request-phases.mjs'

const ONE_PLAN_MANIFEST = `version: 1
offers:
  - id: contoso-analytics
    type: azure-solution-template
    plans:
      - id: standard
        name: Standard
        package: packages/contoso-analytics-standard-1.2.4.zip
`

export async function planUpdate() {
  const dir = join(workDir, 'plan-update')
  mkdirSync(join(dir, 'packages'), { recursive: true })
  copyFileSync(
    join(root, 'examples/packages/contoso-analytics-standard-1.2.3.zip'),
    join(dir, 'packages/contoso-analytics-standard-1.2.4.zip')
  )
  writeFileSync(join(dir, 'marketplace.yml'), ONE_PLAN_MANIFEST)

  const emulator = await startEmulator()
  try {
    const { ready } = emulator
    const first = await runAction(
      publishInputs(ready, exampleManifest, { target: 'preview', offers: 'contoso-analytics' })
    )
    if (first.code !== 0) return { error: `first release failed: ${firstError(first)}` }
    const before = (await requestLog(emulator)).length

    const run = await runAction(
      publishInputs(ready, join(dir, 'marketplace.yml'), { target: 'preview', version: '1.2.4' })
    )
    const counted = (await requestLog(emulator))
      .slice(before)
      .filter(entry => ['token', 'lookup', 'write'].includes(phaseOf(entry)))
    return {
      ok: run.code === 0,
      error: run.code === 0 ? undefined : firstError(run),
      status: run.outputs.status,
      wallMs: run.wallMs,
      requests: counted.map(({ method, path }) => `${method} ${shorten(path)}`)
    }
  } finally {
    await emulator.stop()
  }
}

/** `/v1.0/ingestion/products/{guid}/packages` → `products/{id}/packages`. */
function shorten(path) {
  return path
    .replace(/^\/v1\.0\/ingestion\//, '')
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d{6,}/gi, '{id}')
}
