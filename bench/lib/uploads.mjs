// Section 3: the upload curve. Files from 1 to 1000 MiB go to fresh upload URLs of the emulator
// (its blob front, then Azurite) from two uploaders, each run in its own child process so its
// peak memory is its own: ours (the bundled uploader of the action, bench/upload-entry.ts) and
// @azure/storage-blob's `uploadFile` (bench/sdk-upload-child.mjs), alternating, in the same run.
import { execFileSync } from 'node:child_process'
import { closeSync, ftruncateSync, openSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { getToken, newUploadUrl, startEmulator } from './emulator.mjs'
import { runMeasured } from './measure.mjs'
import { root, workDir } from './paths.mjs'
import { MiB, median, ms, seconds } from './stats.mjs'

const CURVE_SIZES = [1, 4, 16, 64, 128, 256, 512, 1000].map(n => n * MiB)

/**
 * Alternating pairs per size: an odd count for medians, fewer where one run takes seconds.
 * Azurite shares the two cores with both uploaders, so single runs swing.
 */
function pairsFor(size) {
  if (size <= 64 * MiB) return 9
  if (size <= 256 * MiB) return 7
  return 3
}

/**
 * Azurite keeps every uploaded blob in memory; a fresh emulator is started before a pair would
 * take what it holds over this.
 */
const AZURITE_HOLDS_AT_MOST = 3 * 1024 * MiB

const uploaderBundle = join(workDir, 'upload/index.js')
const sdkChild = join(root, 'bench/sdk-upload-child.mjs')

/**
 * Bundles bench/upload-entry.ts with ncc, as the action itself is bundled. (ncc's
 * `--transpile-only` would emit CommonJS here, which @actions/core 3, ESM-only, cannot be.)
 */
function buildUploader() {
  execFileSync(
    join(root, 'node_modules/.bin/ncc'),
    ['build', 'bench/upload-entry.ts', '-o', 'bench/.work/upload', '--quiet'],
    { cwd: root, stdio: 'inherit' }
  )
}

export async function uploads() {
  buildUploader()
  const emulator = freshEmulator()
  try {
    const rows = []
    for (const size of CURVE_SIZES) rows.push(await measureSize(emulator, size))
    return { rows }
  } finally {
    await emulator.stop()
  }
}

/** The emulator, restarted whenever Azurite would hold too much; one token per start. */
function freshEmulator() {
  let running
  let held = 0
  return {
    /** `{ ready, token }` of an emulator with room for `bytes` more. */
    async roomFor(bytes) {
      if (running && held + bytes > AZURITE_HOLDS_AT_MOST) {
        await running.emulator.stop()
        running = undefined
      }
      if (!running) {
        const emulator = await startEmulator(['--quiet'])
        running = { emulator, token: await getToken(emulator.ready) }
        held = 0
      }
      held += bytes
      return running
    },
    stop: () => running?.emulator.stop()
  }
}

async function measureSize(emulator, size) {
  // A sparse file: its zeros cost no disk and read at page-cache speed, so the figures measure
  // the uploaders and the blob path, not the disk. Content matters to neither.
  const file = join(workDir, `upload-${size / MiB}MiB.bin`)
  const handle = openSync(file, 'w')
  ftruncateSync(handle, size)
  closeSync(handle)
  try {
    const ours = []
    const sdk = []
    const pairs = pairsFor(size)
    for (let pair = 0; pair < pairs; pair++) {
      process.stderr.write(`bench: upload ${size / MiB} MiB, pair ${pair + 1} of ${pairs}\n`)
      const { emulator: running, token } = await emulator.roomFor(2 * size)
      const url = async who =>
        newUploadUrl(running.ready, token, `bench-${who}-${size / MiB}-${pair}.zip`)
      // Who goes first alternates too, so that neither always follows the other's upload.
      const runOurs = async () => ours.push(await child(uploaderBundle, await url('ours'), file))
      const runSdk = async () => sdk.push(await child(sdkChild, await url('sdk'), file))
      if (pair % 2 === 0) await runOurs().then(runSdk)
      else await runSdk().then(runOurs)
    }
    return {
      size,
      pairs,
      ours: summary(ours),
      sdk: summary(sdk),
      // Each alternating pair's throughput ratio (ours ÷ uploadFile), when both sent the file.
      ratios: ours
        .map((run, i) => ({ run, other: sdk[i] }))
        .filter(({ run, other }) => run.ok && other.ok)
        .map(({ run, other }) => other.ms / run.ms)
    }
  } finally {
    rmSync(file, { force: true })
  }
}

/** Runs one uploader child on `file`; its own timing and mode, with its peak RSS. */
async function child(script, sasUrl, file) {
  const run = await runMeasured(process.execPath, [script, file], {
    cwd: root,
    // The SAS travels in the environment, not on the command line.
    env: { PATH: process.env.PATH, BENCH_SAS_URL: sasUrl }
  })
  const line = run.stdout.split('\n').find(l => l.startsWith('BENCH_RESULT '))
  const result = line
    ? JSON.parse(line.slice('BENCH_RESULT '.length))
    : { error: run.stderr.trim().slice(-300) }
  return {
    ok: run.code === 0 && !result.error,
    error: result.error,
    mode: result.mode === 'blocks' ? `${result.blocks} blocks` : result.mode,
    ms: result.ms,
    maxRssKiB: run.maxRssKiB ?? result.maxRssKiB
  }
}

/** The run with the median time (failed runs count as slowest), so its mode and RSS go with it. */
function summary(runs) {
  const time = run => (run.ok ? run.ms : Infinity)
  const middle = median(runs.map(time))
  return runs.reduce((best, run) =>
    Math.abs(time(run) - middle) < Math.abs(time(best) - middle) ? run : best
  )
}

export const CURVE_HEADER = [
  'size',
  'pairs',
  'ours',
  'ours: mode, peak RSS',
  'uploadFile',
  'uploadFile: mode, peak RSS',
  'ours ÷ uploadFile: per pair, median (range)',
  'of the medians'
]

/** One row per size for the curve table (MiB/s of each tool's median run). */
export function curveRows(upload) {
  return upload.rows.map(({ size, pairs, ours, sdk, ratios }) => [
    `${size / MiB} MiB`,
    String(pairs),
    ours.ok ? `${rate(size, ours.ms)} (${duration(ours.ms)})` : 'failed',
    ours.ok ? `${ours.mode}, ${rss(ours.maxRssKiB)}` : ours.error,
    sdk.ok ? `${rate(size, sdk.ms)} (${duration(sdk.ms)})` : 'failed',
    sdk.ok ? `${sdk.mode}, ${rss(sdk.maxRssKiB)}` : sdk.error,
    ratios.length > 0
      ? `${median(ratios).toFixed(2)}× (${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}×)`
      : '–',
    ours.ok && sdk.ok ? `${(sdk.ms / ours.ms).toFixed(2)}×` : '–'
  ])
}

/** The main table's rows for this section: the lowest ratio and the largest RSS of ours. */
export function uploadRows(upload) {
  if (upload.error) return [['2 uploads', 'ours and uploadFile', 'not measured', upload.error]]
  const both = upload.rows.filter(row => row.ours.ok && row.sdk.ok)
  const failed = upload.rows.filter(row => !row.ours.ok || !row.sdk.ok)
  const rows = []
  if (both.length > 0) {
    const worst = both.reduce((a, b) => (median(b.ratios) < median(a.ratios) ? b : a))
    rows.push([
      '2 uploads',
      'throughput ours ÷ `uploadFile`, lowest over 1–1000 MiB (median of alternating pairs)',
      `${median(worst.ratios).toFixed(2)}×`,
      `at ${worst.size / MiB} MiB; every size in the upload curve below`
    ])
    const largest = both.at(-1)
    rows.push([
      '2 uploads',
      `ours, ${largest.size / MiB} MiB: peak RSS`,
      rss(largest.ours.maxRssKiB),
      `${largest.ours.mode}; \`uploadFile\`: ${rss(largest.sdk.maxRssKiB)}, ${largest.sdk.mode}`
    ])
  }
  for (const row of failed) {
    rows.push([
      '2 uploads',
      `${row.size / MiB} MiB`,
      'FAILED',
      [row.ours.error && `ours: ${row.ours.error}`, row.sdk.error && `uploadFile: ${row.sdk.error}`]
        .filter(Boolean)
        .join('; ')
    ])
  }
  return rows
}

function rate(bytes, milliseconds) {
  return `${(bytes / MiB / (milliseconds / 1000)).toFixed(0)} MiB/s`
}

/** Milliseconds for an upload of seconds, where a tenth of a second is too coarse. */
function duration(milliseconds) {
  return milliseconds < 10_000 ? ms(milliseconds) : seconds(milliseconds)
}

function rss(kibibytes) {
  return kibibytes === undefined ? '?' : `${Math.round(kibibytes / 1024)} MiB`
}

/** How section 3 is measured, for docs/benchmarks.md. */
export const UPLOADS_METHOD = `2. **Uploads.** A sparse file of each size (zeros, created under \`bench/.work/\` and deleted
   after) is uploaded to a fresh upload URL (\`POST /products/{id}/packages\` → \`fileSasUri\`)
   through the emulator's blob front (which enforces the storage size limits per \`x-ms-version\`)
   to Azurite, by two uploaders, each in its own process: _ours_, the action's uploader bundled
   with ncc from \`bench/upload-entry.ts\` with its defaults (one streamed Put Blob up to the
   5000 MiB that \`x-ms-version: 2021-08-06\` allows, else 4 MiB blocks), and
   \`@azure/storage-blob\`'s \`BlockBlobClient.uploadFile\` with its defaults
   (\`bench/sdk-upload-child.mjs\`: one Put Blob up to 256 MiB, else 4 MiB blocks, 5 at a time).
   Each size runs as alternating pairs (9 up to 64 MiB, 7 up to 256 MiB, 3 above), and which
   uploader goes first alternates too. The curve shows each uploader's median run (MiB/s, time,
   mode and the peak RSS of that process), the throughput ratio ours ÷ \`uploadFile\` of each pair
   (median and range: both uploaders of a pair ran under the same load) and the ratio of the two
   medians. Each uploader times itself from the call of its upload function to the last reply,
   reading the file included, loading its code left out. Azurite keeps blobs in memory, so a
   fresh emulator starts whenever it would hold over 3 GiB. Azurite and the blob front share the
   two cores with both uploaders (and with whatever else the machine runs) and are the
   bottleneck, so MiB/s compares the uploaders with each other here, not with Azure; the memory
   figures carry over as they are.`
