#!/usr/bin/env node
// `npm run bench`: measures the bundled action (dist/index.js) and the emulator
// (build/emulator/main.js), both built by the npm script just before, prints one table and writes
// docs/benchmarks.md. Sections: the demo publish, the upload curve against
// @azure/storage-blob's uploadFile, ten offers at concurrency 10 vs 1, one plan's package update. A section that cannot run is reported as such;
// the others still run.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import * as prettier from 'prettier'
import { demoPublish } from './lib/demo-publish.mjs'
import { manyOffers } from './lib/many-offers.mjs'
import { planUpdate } from './lib/plan-update.mjs'
import { actionEntry, emulatorEntry, reportFile, workDir } from './lib/paths.mjs'
import { machine, markdown, tableRows, textTable } from './lib/report.mjs'
import { CURVE_HEADER, curveRows, uploads } from './lib/uploads.mjs'

const started = performance.now()
for (const [file, how] of [
  [actionEntry, 'npm run bundle'],
  [emulatorEntry, 'npm run build:emulator']
]) {
  if (!existsSync(file)) {
    console.error(
      `${file} is missing: run \`${how}\` first (or \`npm run bench\`, which does both).`
    )
    process.exit(2)
  }
}
rmSync(workDir, { recursive: true, force: true })
mkdirSync(workDir, { recursive: true })

/** Runs one section; a failure becomes `{ error }` in the report instead of ending the run. */
async function section(name, measure) {
  process.stderr.write(`bench: ${name}...\n`)
  const sectionStarted = performance.now()
  try {
    return await measure()
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error)
    process.stderr.write(`bench: ${name} failed: ${message}\n`)
    return { error: message }
  } finally {
    process.stderr.write(
      `bench: ${name} took ${((performance.now() - sectionStarted) / 1000).toFixed(1)} s\n`
    )
  }
}

const host = machine()
let results
try {
  const demo = await section('demo publish', demoPublish)
  const upload = await section('uploads', uploads)
  const many = await section('ten offers', manyOffers)
  const update = await section('one plan update', planUpdate)
  results = { demo, upload, many, update }
} finally {
  rmSync(workDir, { recursive: true, force: true })
}

const rows = tableRows(results)
const curve = results.upload.error ? [] : curveRows(results.upload)
const totalMs = performance.now() - started
console.log(textTable(rows))
if (curve.length > 0) console.log(`\nupload curve\n${textTable(curve, CURVE_HEADER)}`)
const date = `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`
// Formatted as the repository formats Markdown, so `npm run format:check` stays green.
const style = (await prettier.resolveConfig(reportFile)) ?? {}
const text = markdown({ rows, curve, machine: host, date, totalMs })
writeFileSync(reportFile, await prettier.format(text, { ...style, parser: 'markdown' }))
console.log(`\nwritten to ${reportFile}`)
