// Turns the sections' results into one table (printed) and docs/benchmarks.md (written).
import { cpus, freemem, totalmem, release, platform } from 'node:os'
import { hasGnuTime } from './measure.mjs'
import { PHASES } from './request-phases.mjs'
import { median, mib, ms, seconds, MiB } from './stats.mjs'

export function machine() {
  const list = cpus()
  return {
    cpu: `${list.length} × ${list[0]?.model.trim() ?? 'unknown CPU'}`,
    memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB (${(freemem() / 2 ** 30).toFixed(1)} GiB free at start)`,
    node: process.version,
    os: `${platform()} ${release()}`
  }
}

/** Rows of `[section, measure, value, note]`. */
export function tableRows(results) {
  const rows = []
  const { demo, upload, many, update } = results

  if (demo.error && demo.wallMs === undefined)
    rows.push(['1 demo publish', 'examples/marketplace.yml → live', 'not measured', demo.error])
  else {
    rows.push([
      '1 demo publish',
      'examples/marketplace.yml, 6 offers → live, wall time',
      seconds(demo.wallMs),
      demo.ok ? `status ${demo.status}` : `FAILED: ${demo.error}`
    ])
    // The blob front is a separate server outside the emulator's request log.
    const fromLog = PHASES.map(p =>
      p === 'upload' && demo.fromLog[p] === 0 ? '–' : demo.fromLog[p]
    )
    rows.push([
      '1 demo publish',
      `requests ${PHASES.join(' / ')} (emulator log)`,
      fromLog.join(' / '),
      'sorted by method and path; uploads go to the blob front, which that log does not see'
    ])
    if (demo.fromAction) {
      rows.push([
        '1 demo publish',
        `requests ${PHASES.join(' / ')} (action's count)`,
        PHASES.map(p => demo.fromAction[p]).join(' / '),
        'every attempt, from the job summary'
      ])
    }
  }

  if (upload.error) rows.push(['2 uploads', 'ours and single PUT', 'not measured', upload.error])
  else {
    for (const { size, runs, ours, single, ratios } of upload.rows) {
      const of = runs > 1 ? `, median of ${runs} alternating runs` : ''
      rows.push([
        `2 upload ${mib(size)}`,
        `ours (bundled uploader)${of}`,
        ours.ok ? `${rate(size, ours.transferMs)}, peak RSS ${rss(ours.maxRssKiB)}` : 'failed',
        ours.ok ? `${ours.mode}, ${duration(ours.transferMs)}${spread(runs, ours)}` : ours.error
      ])
      const own =
        upload.baseline.startsWith('curl') && single.ok
          ? `; that run's own time_total (from after curl read the file): ${duration(single.ownMs)}`
          : ''
      rows.push([
        `2 upload ${mib(size)}`,
        `single PUT, x-ms-version 2018-03-28 (${upload.baseline})${of}`,
        single.ok
          ? `${rate(size, single.transferMs)}, peak RSS ${rss(single.maxRssKiB)}`
          : `${single.status ? `refused: HTTP ${single.status}` : 'failed'}, peak RSS ${rss(single.maxRssKiB)}`,
        single.ok
          ? `${duration(single.transferMs)}${spread(runs, single)}${own}`
          : single.status === 413
            ? 'RequestBodyTooLarge: over 256 MiB for that version'
            : (single.error ?? '')
      ])
      if (ours.ok && single.ok) {
        rows.push([
          `2 upload ${mib(size)}`,
          'throughput ours ÷ single PUT, same run',
          `${(single.transferMs / ours.transferMs).toFixed(2)}×`,
          ratios.length > 1
            ? `of the medians; per alternating pair: median ${median(ratios).toFixed(2)}×, ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}×`
            : 'one run each'
        ])
      }
    }
  }

  if (many.error) rows.push(['3 ten offers', 'concurrency 10 vs 1', 'not measured', many.error])
  else {
    for (const run of many.runs) {
      rows.push([
        '3 ten offers',
        `concurrency ${run.concurrency}, wall time`,
        seconds(run.wallMs),
        run.ok ? `status ${run.status}` : `FAILED: ${run.error}`
      ])
    }
  }

  if (update.error && update.requests === undefined)
    rows.push(['4 one plan update', 'requests to preview', 'not measured', update.error])
  else {
    rows.push([
      '4 one plan update',
      'requests besides polls and upload blocks (emulator log)',
      String(update.requests.length),
      `${update.ok ? `status ${update.status}` : `FAILED: ${update.error}`}, ${seconds(update.wallMs)}: ${update.requests.join(', ')}`
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

/** The fastest and slowest of several runs, e.g. `; runs 402 ms–713 ms`. */
function spread(runs, summary) {
  return runs > 1 ? `; runs ${duration(summary.minMs)}–${duration(summary.maxMs)}` : ''
}

function rss(kibibytes) {
  return kibibytes === undefined ? '?' : `${Math.round(kibibytes / 1024)} MiB`
}

/** The table for the terminal: notes cut to one readable line (the Markdown keeps them whole). */
export function textTable(fullRows) {
  const header = ['section', 'measure', 'value', 'note']
  const rows = fullRows.map(([a, b, c, note]) => [
    a,
    b,
    c,
    note.length > 90 ? `${note.slice(0, 89)}…` : note
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map(r => String(r[i]).length)))
  const line = cells => cells.map((c, i) => String(c).padEnd(widths[i])).join('  ')
  return [line(header), line(widths.map(w => '-'.repeat(w))), ...rows.map(line)].join('\n')
}

export function markdown({ rows, machine: m, date, totalMs }) {
  const escape = cell => String(cell).replace(/\|/g, '\\|')
  const table = [
    '| section | measure | value | note |',
    '|---|---|---|---|',
    ...rows.map(r => `| ${r.map(escape).join(' | ')} |`)
  ].join('\n')
  return `# Benchmarks

Written by \`npm run bench\` (\`bench/run.mjs\`) on ${date}; the whole run took ${seconds(totalMs)}.
Every figure below comes from that one run on this machine.

## Machine

- CPU: ${m.cpu}
- Memory: ${m.memory}
- Node: ${m.node}
- OS: ${m.os}
- Peak RSS measured with ${hasGnuTime ? "`/usr/bin/time -v` (the child process's maximum resident set size)" : "the child's own `process.resourceUsage().maxRSS` (no `/usr/bin/time` here; curl's RSS is then unknown)"}

## Results

${table}

## What each section measures

1. **Demo publish.** The action publishes \`examples/marketplace.yml\` (version 1.2.3, target \`live\`)
   to a fresh emulator at its default speed (3600: an hour of certification takes a second).
   Requests per phase come from the emulator's request log (\`GET /_emulator/requests\`), sorted by
   method and path: a GET of one package, image or submission by id is a poll, other GETs are
   lookups, other API methods are writes, PUTs to the blob front are uploads. When the job summary shows
   them, the action's own counts (every attempt, including retries) are listed too.
2. **Uploads.** A sparse file of each size (zeros, created under \`bench/.work/\` and deleted after)
   is uploaded to a fresh upload URL (\`POST /products/{id}/packages\` → \`fileSasUri\`) through the
   emulator's blob front (which enforces the storage size limits per \`x-ms-version\`) to Azurite.
   *Ours* is the action's uploader bundled with ncc from \`bench/upload-entry.ts\`, in its own
   process: one Put Blob up to 64 MiB, else 8 MiB blocks, 4 at a time, then Put Block List, with
   \`x-ms-version: 2021-08-06\`. The baseline sends the file in one PUT as Microsoft's action does
   (\`curl --data-binary @file\`, \`x-ms-version: 2018-03-28\`): curl reads the whole file into memory,
   and the blob front refuses a single put over 256 MiB for that version with 413, as Azure does.
   The 64 MiB case, which both can send, runs nine times per tool, alternating, and reports each
   tool's median run, the fastest and slowest run, and the throughput ratio (of the medians, and
   per alternating pair). MiB/s is the file size over the same span for both tools: from starting
   on the file, reading included, to the reply. Ours reports it itself (from the call of its
   upload function to the commit; the file is read while it is sent). curl's own \`time_total\`
   starts only after it has read the whole file into memory, so curl is timed from outside: its
   wall time minus the median wall time of curl started and stopped with nothing to send (a refused
   connection), which leaves also its exit freeing that copy (a few ms); \`time_total\` is shown
   beside it. (Without curl, the Node fallback times itself from before it reads the file.) Peak RSS is the whole process's. Azurite (in memory, on the same two cores) is the
   bottleneck and varies from run to run, so MiB/s compares the tools with each other here, not
   with Azure; the memory figures and the refusals carry over as they are.
3. **Ten offers.** A seed with ten Azure application offers is loaded into a fresh emulator
   (\`POST /_emulator/seed\`) and a manifest with ten offers (written to \`bench/.work/\`) is
   published to \`live\` with the \`concurrency\` input at 10 and then at 1, each on a fresh emulator.

4. **One plan update.** Issue 5's request count: on a fresh emulator the example offer
   \`contoso-analytics\` is published to preview at 1.2.3 (the release before), then a manifest
   naming only its \`standard\` plan with a 1.2.4 package is published to preview. Counted are
   that run's token, lookup and write requests in the emulator's log (polls of one package or
   submission by id left out; upload blocks go to the blob front, outside that log), each listed.

## Reproduce

\`\`\`sh
npm install
npm run bench   # bundles the action, builds the emulator, runs bench/run.mjs (≈ a few minutes on 2 cores)
\`\`\`

The run needs nothing but this repository: the emulator, Azurite and the action all run locally.
Figures vary by a few percent between runs; compare runs on the same machine.
`
}
