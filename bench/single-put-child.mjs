// The single-PUT baseline when curl is not installed: reads the whole file into memory first,
// as `curl --data-binary @file` does, then sends it in one request with Microsoft's action's
// `x-ms-version: 2018-03-28`. Prints `<status> <seconds>` like curl's `-w '%{http_code} %{time_total}'`.
import { readFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'

const started = performance.now()
const body = readFileSync(process.argv[2])
const response = await fetch(process.env.BENCH_SAS_URL, {
  method: 'PUT',
  headers: {
    'x-ms-blob-type': 'BlockBlob',
    'x-ms-version': '2018-03-28',
    'content-type': 'application/octet-stream'
  },
  body
})
await response.arrayBuffer()
process.stdout.write(`${response.status} ${((performance.now() - started) / 1000).toFixed(3)}\n`)
