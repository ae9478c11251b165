// Section 2: the demo publish (examples/marketplace.yml, target live, version 1.2.3) against a
// fresh emulator at its default speed: wall time and requests per phase.
import { runAction, firstError } from './action.mjs'
import { startEmulator } from './emulator.mjs'
import { exampleManifest } from './paths.mjs'
import { countPhases, countsFromSummary, requestLog } from './request-phases.mjs'

export function publishInputs(ready, manifest, extra = {}) {
  return {
    'tenant-id': ready.tenantId,
    'client-id': ready.clientId,
    'client-secret': ready.clientSecret,
    manifest,
    target: 'live',
    version: '1.2.3',
    'authority-host': ready.authorityHost,
    'api-base-url': ready.apiBaseUrl,
    'product-ingestion-url': ready.productIngestionUrl,
    ...extra
  }
}

export async function demoPublish() {
  const emulator = await startEmulator()
  try {
    const run = await runAction(publishInputs(emulator.ready, exampleManifest))
    const entries = await requestLog(emulator)
    return {
      ok: run.code === 0,
      error: run.code === 0 ? undefined : firstError(run),
      wallMs: run.wallMs,
      status: run.outputs.status,
      fromLog: countPhases(entries),
      fromAction: countsFromSummary(run.summary)
    }
  } finally {
    await emulator.stop()
  }
}
