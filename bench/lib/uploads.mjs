// Section 3: large uploads to the emulator's upload URLs, each in its own child process so its
// peak memory is its own. Ours (the bundled uploader: one Put Blob up to 64 MiB, else 8 MiB
// blocks, 4 at a time) beside a single PUT of the whole file as `curl --data-binary @file` sends
// it with Microsoft's action's `x-ms-version: 2018-03-28`.
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
const REPEATS = 5

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
          await singlePut(await newUploadUrl(emulator.ready, token, `bench-single-${name}`), file)
        )
      }
      rows.push({ size, runs: repeats, ours: medianRun(oursRuns), single: medianRun(singleRuns) })
    } finally {
      rmSync(file, { force: true })
    }
  }
  return {
    rows,
    baseline: hasCurl
      ? 'curl --data-binary @file'
      : 'undici single PUT of the file buffered in memory'
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

async function singlePut(sasUrl, file) {
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
    transferMs: Number(seconds) * 1000,
    wallMs: run.wallMs,
    maxRssKiB: run.maxRssKiB
  }
}

/** The run with the median transfer time (failed runs count as slowest), so its RSS goes with it. */
function medianRun(runs) {
  const time = run => (run.ok ? run.transferMs : Infinity)
  const middle = median(runs.map(time))
  return runs.reduce((best, run) =>
    Math.abs(time(run) - middle) < Math.abs(time(best) - middle) ? run : best
  )
}
