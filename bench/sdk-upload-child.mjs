// The upload curve's baseline: @azure/storage-blob's `BlockBlobClient.uploadFile` with its defaults
// (v12.32: one Put Blob up to 256 MiB, read through `fs.createReadStream`; above that blocks of
// max(4 MiB, size / 50,000), 5 at a time, then Put Block List). Usage:
//   BENCH_SAS_URL=<fileSasUri> node bench/sdk-upload-child.mjs <file>
// Prints `BENCH_RESULT {json}` like bench/upload-entry.ts: the time from the call of uploadFile
// to its reply (loading the SDK is left out, as loading ours is), the mode, this process's peak RSS.
import { stat } from 'node:fs/promises'
import { performance } from 'node:perf_hooks'
import { BlockBlobClient } from '@azure/storage-blob'

const MiB = 1024 * 1024
const SINGLE_SHOT_LIMIT = 256 * MiB
const filePath = process.argv[2]

function report(result) {
  const maxRssKiB = process.resourceUsage().maxRSS
  process.stdout.write(`BENCH_RESULT ${JSON.stringify({ ...result, maxRssKiB })}\n`)
}

try {
  const client = new BlockBlobClient(process.env.BENCH_SAS_URL)
  const started = performance.now()
  await client.uploadFile(filePath)
  const ms = performance.now() - started
  const { size } = await stat(filePath)
  const blockSize = Math.max(4 * MiB, Math.ceil(size / 50_000))
  report(
    size <= SINGLE_SHOT_LIMIT
      ? { ms, mode: 'single', blocks: 0 }
      : { ms, mode: 'blocks', blocks: Math.ceil(size / blockSize) }
  )
} catch (error) {
  report({ error: String(error?.message ?? error).split('\n')[0] })
  process.exitCode = 1
}
