// Section 3: large uploads to the emulator's upload URLs, each in its own child process so its
// peak memory is its own. Ours (the bundled uploader: one Put Blob up to 64 MiB, else 8 MiB
// blocks, 4 at a time) beside a single PUT of the whole file as `curl --data-binary @file` sends
// it with Microsoft's action's `x-ms-version: 2018-03-28`. Both are timed over the same span:
// from starting on the file (reading included) to the reply (see `singlePut`).
import { execFileSync, spawnSync } from 'node:child_process'
import { closeSync, openSync, ftruncateSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { getToken, newUploadUrl } from './emulator.mjs'
import { runMeasured } from './measure.mjs'
import { root, workDir } from './paths.mjs'
import { MiB, median } from './stats.mjs'

export const UPLOAD_SIZES = [64 * MiB, 512 * MiB, 1024 * MiB]
/** Sizes up to this are sent in one PUT by both tools; they are measured REPEATS times each. */
const SINGLE_PUT_LIMIT = 64 * MiB
/** Azurite shares the two cores with both tools, so single runs swing: an odd count for medians. */
const REPEATS = 9

const uploaderBundle = join(workDir, 'upload/index.js')
const hasCurl = spawnSync('curl', ['--version'], { stdio: 'ignore' }).status === 0

/**
 * Bundles bench/upload-entry.ts with ncc, as the action itself is bundled. (ncc's
 * `--transpile-only` would emit CommonJS here, which @actions/core 3, ESM-only, cannot be.)
 */
export function buildUploader() {
  execFileSync(
    join(root, 'node_modules/.bin/ncc'),
    ['build', 'bench/upload-entry.ts', '-o', 'bench/.work/upload', '--quiet'],
    {
      cwd: root,
      stdio: 'inherit'
    }
  )
}

export async function uploads(emulator) {
  const token = await getToken(emulator.ready)
  const idleMs = hasCurl ? await curlIdleMs() : 0
  const rows = []
  for (const size of UPLOAD_SIZES) {
    // A sparse file: its zeros cost no disk and read at page-cache speed, so the figures measure
    // the uploader and the blob path, not the disk. Content does not matter to either.
    const file = join(workDir, `upload-${size / MiB}MiB.bin`)
    const handle = openSync(file, 'w')
    ftruncateSync(handle, size)
    closeSync(handle)
    try {
      // Alternating runs, so that a slow spell of Azurite (sharing the two cores) hits both tools;
      // each tool's median run is reported. Only the size both can send gets repeats: the larger
      // ones take long and the baseline cannot send them at all.
      const repeats = size <= SINGLE_PUT_LIMIT ? REPEATS : 1
      const oursRuns = []
      const singleRuns = []
      for (let run = 0; run < repeats; run++) {
        const name = `${size / MiB}-${run}.zip`
        oursRuns.push(
          await ourUpload(await newUploadUrl(emulator.ready, token, `bench-ours-${name}`), file)
        )
        singleRuns.push(
          await singlePut(
            await newUploadUrl(emulator.ready, token, `bench-single-${name}`),
            file,
            idleMs
          )
        )
      }
      rows.push({
        size,
        runs: repeats,
        ours: summary(oursRuns),
        single: summary(singleRuns),
        // Each alternating pair's throughput ratio (ours ÷ baseline), when both sent the file.
        ratios: oursRuns
          .map((ours, run) => ({ ours, single: singleRuns[run] }))
          .filter(pair => pair.ours.ok && pair.single.ok)
          .map(pair => pair.single.transferMs / pair.ours.transferMs)
      })
    } finally {
      rmSync(file, { force: true })
    }
  }
  return {
    rows,
    baseline: hasCurl
      ? 'curl --data-binary @file'
      : 'Node fetch single PUT of the file buffered in memory'
  }
}

async function ourUpload(sasUrl, file) {
  const run = await runMeasured(process.execPath, [uploaderBundle, file], {
    cwd: root,
    env: { PATH: process.env.PATH, BENCH_SAS_URL: sasUrl }
  })
  const line = run.stdout.split('\n').find(l => l.startsWith('BENCH_RESULT '))
  const result = line
    ? JSON.parse(line.slice('BENCH_RESULT '.length))
    : { error: run.stderr.slice(-300) }
  return {
    ok: run.code === 0 && !result.error,
    error: result.error,
    mode: result.mode === 'blocks' ? `${result.blocks} blocks` : result.mode,
    transferMs: result.ms,
    wallMs: run.wallMs,
    maxRssKiB: run.maxRssKiB ?? result.maxRssKiB
  }
}

/**
 * curl's `time_total` starts only once it has read the whole file into memory (`--data-binary
 * @file` does that while parsing its options), while ours reads the file as it sends it. So curl
 * is timed from outside: its wall time minus the median wall time of curl started and stopped
 * with nothing to send (a refused connection), which leaves reading, connecting, sending and the
 * reply, as ours counts. What remains beyond that is curl freeing its copy at exit (a few ms).
 */
async function curlIdleMs() {
  const runs = []
  for (let run = 0; run < REPEATS; run++) {
    runs.push((await runMeasured('curl', ['-sS', '-o', '/dev/null', 'http://127.0.0.1:1/'])).wallMs)
  }
  return median(runs)
}

async function singlePut(sasUrl, file, idleMs) {
  const run = hasCurl
    ? await runMeasured('curl', [
        ...['-sS', '-o', '/dev/null', '-w', '%{http_code} %{time_total}', '-X', 'PUT'],
        ...['-H', 'x-ms-blob-type: BlockBlob', '-H', 'x-ms-version: 2018-03-28'],
        ...['-H', 'content-type: application/octet-stream', '--data-binary', `@${file}`, sasUrl]
      ])
    : await runMeasured(process.execPath, [join(root, 'bench/single-put-child.mjs'), file], {
        env: { PATH: process.env.PATH, BENCH_SAS_URL: sasUrl }
      })
  const [status, seconds] = run.stdout.trim().split(/\s+/)
  return {
    ok: status === '201',
    status: Number(status) || undefined,
    // curl's own failure, e.g. `option --data-binary: out of memory` when it cannot buffer the file.
    error: Number(status) ? undefined : run.stderr.trim().split('\n')[0],
    // The Node fallback's own time already starts before it reads the file.
    transferMs: hasCurl ? run.wallMs - idleMs : Number(seconds) * 1000,
    /** What the tool itself reports: for curl, `time_total`, which leaves out reading the file. */
    ownMs: Number(seconds) * 1000,
    wallMs: run.wallMs,
    maxRssKiB: run.maxRssKiB
  }
}

/**
 * The run with the median transfer time (failed runs count as slowest), so its RSS goes with it,
 * and the fastest and slowest successful transfer times.
 */
function summary(runs) {
  const time = run => (run.ok ? run.transferMs : Infinity)
  const middle = median(runs.map(time))
  const medianOne = runs.reduce((best, run) =>
    Math.abs(time(run) - middle) < Math.abs(time(best) - middle) ? run : best
  )
  const times = runs.filter(run => run.ok).map(run => run.transferMs)
  return { ...medianOne, minMs: Math.min(...times), maxMs: Math.max(...times) }
}
