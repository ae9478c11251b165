#!/usr/bin/env node
// `npm run soak [-- --runs N | --seeds 3,17,42]`: the chaos soak (bench/lib/soak.mjs). Publishes the
// example manifest to live once per seed (default seeds 1..50) against the emulator with 20 % of
// API requests faulted, prints each run and the totals, and writes them into docs/reliability.md
// between its soak markers. Exits 1 when a run did not end live or left a duplicate.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import * as prettier from 'prettier'
import { actionEntry, emulatorEntry, root } from './lib/paths.mjs'
import { machine } from './lib/report.mjs'
import { SOAK_KINDS, SOAK_RATE, describeTotals, soak } from './lib/soak.mjs'

const DOC = join(root, 'docs/reliability.md')
const START = '<!-- soak:start -->'
const END = '<!-- soak:end -->'

function seedsFromArgs(args) {
  const value = name => {
    const i = args.indexOf(name)
    return i >= 0 ? args[i + 1] : undefined
  }
  const list = value('--seeds')
  if (list) return list.split(',').map(s => Number(s.trim()))
  const runs = Number(value('--runs') ?? 50)
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a whole number from 1')
  return Array.from({ length: runs }, (_, i) => i + 1)
}

for (const [file, how] of [
  [actionEntry, 'npm run bundle'],
  [emulatorEntry, 'npm run build:emulator']
]) {
  if (!existsSync(file)) {
    console.error(
      `${file} is missing: run \`${how}\` first (or \`npm run soak\`, which does both).`
    )
    process.exit(2)
  }
}

const seeds = seedsFromArgs(process.argv.slice(2))
console.log(
  `soak: ${seeds.length} runs of examples/marketplace.yml to live, ${SOAK_RATE * 100} % of API requests faulted (${SOAK_KINDS.join(', ')})`
)
const result = await soak({ seeds, progress: line => console.log(line) })
const lines = describeTotals(result)
console.log(lines.join('\n'))

const { totals: t } = result
const failures = result.runs.filter(r => !r.live)
const host = machine()
const section = [
  START,
  '',
  `Last run: ${new Date().toISOString().slice(0, 10)} on ${host.cpu}, Node ${host.node}. Seeds ${seeds[0]}–${seeds.at(-1)} (${seeds.length} runs), one after another on one emulator (default speed), reset between runs.`,
  '',
  '| Figure | Result |',
  '| --- | --- |',
  `| Runs live | **${t.live}/${t.runs}** |`,
  `| Duplicate packages (compared with a clean run) | **${t.duplicatePackages}** |`,
  `| Duplicate submissions (compared with a clean run) | **${t.duplicateSubmissions}** |`,
  `| Extra promotes | **${t.extraPromotes}** |`,
  `| Wall time p50 / p95 | ${(t.p50Ms / 1000).toFixed(1)} s / ${(t.p95Ms / 1000).toFixed(1)} s (clean run ${(result.cleanWallMs / 1000).toFixed(1)} s) |`,
  `| API requests faulted | ${t.faulted} of ${t.requests} (${((100 * t.faulted) / t.requests).toFixed(1)} %) |`,
  '',
  failures.length
    ? `Runs that did not end live: ${failures.map(r => `seed ${r.seed} (${r.error})`).join('; ')}.`
    : 'Every run ended live with the clean run’s packages and submissions.',
  '',
  END
].join('\n')
const doc = readFileSync(DOC, 'utf8')
const from = doc.indexOf(START)
const to = doc.indexOf(END)
if (from < 0 || to < 0) throw new Error(`${DOC} has no ${START} … ${END} markers`)
const next = doc.slice(0, from) + section + doc.slice(to + END.length)
writeFileSync(DOC, await prettier.format(next, { filepath: DOC }))
console.log(`wrote the figures into ${DOC}`)
process.exit(
  failures.length || t.duplicatePackages || t.duplicateSubmissions || t.extraPromotes ? 1 : 0
)
