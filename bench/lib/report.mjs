// Turns the sections' results into one table (printed) and docs/benchmarks.md (written).
import { cpus, freemem, totalmem, release, platform } from 'node:os'
import { hasGnuTime } from './measure.mjs'
import { PHASES } from './request-phases.mjs'
import { seconds } from './stats.mjs'
import { CURVE_HEADER, UPLOADS_METHOD, uploadRows } from './uploads.mjs'

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

  rows.push(...uploadRows(upload))

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

const HEADER = ['section', 'measure', 'value', 'note']

/** A table for the terminal: long cells cut to one readable line (the Markdown keeps them whole). */
export function textTable(fullRows, header = HEADER) {
  const rows = fullRows.map(cells =>
    cells.map(cell => (String(cell).length > 90 ? `${String(cell).slice(0, 89)}…` : cell))
  )
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map(r => String(r[i]).length)))
  const line = cells => cells.map((c, i) => String(c).padEnd(widths[i])).join('  ')
  return [line(header), line(widths.map(w => '-'.repeat(w))), ...rows.map(line)].join('\n')
}

function markdownTable(header, rows) {
  const escape = cell => String(cell).replace(/\|/g, '\\|')
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map(r => `| ${r.map(escape).join(' | ')} |`)
  ].join('\n')
}

export function markdown({ rows, curve, machine: m, date, totalMs }) {
  const table = markdownTable(HEADER, rows)
  const curveSection =
    curve.length > 0
      ? `\n## Upload curve\n\nSection 3 in full: ours against \`@azure/storage-blob\`'s \`uploadFile\` on upload URLs of the\nsame emulator, in the same run; MiB/s of each uploader's median run.\n\n${markdownTable(CURVE_HEADER, curve)}\n`
      : ''
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
${curveSection}
## What each section measures

1. **Demo publish.** The action publishes \`examples/marketplace.yml\` (version 1.2.3, target \`live\`)
   to a fresh emulator at its default speed (3600: an hour of certification takes a second).
   Requests per phase come from the emulator's request log (\`GET /_emulator/requests\`), sorted by
   method and path: a GET of one package, image or submission by id is a poll, other GETs are
   lookups, other API methods are writes, PUTs to the blob front are uploads. When the job summary shows
   them, the action's own counts (every attempt, including retries) are listed too.
${UPLOADS_METHOD}
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
