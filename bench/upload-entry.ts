/**
 * The benchmark's upload child: the action's own uploader and transport, bundled by ncc into
 * bench/.work/upload/index.js so it runs as the bundled action would. Usage:
 *   BENCH_SAS_URL=<fileSasUri> node bench/.work/upload/index.js <file>
 * (the SAS travels in the environment, not on the command line). Prints one line
 * `BENCH_RESULT {json}` on stdout: the upload result plus this process's peak RSS.
 */
import { stat } from 'node:fs/promises'
import { systemClock } from '../src/clock.js'
import { isPublishError } from '../src/errors.js'
import { createTransport } from '../src/http/transport.js'
import { uploadFile } from '../src/upload/index.js'

const filePath = process.argv[2]
const sasUrl = process.env.BENCH_SAS_URL

function report(result: object): void {
  const maxRssKiB = process.resourceUsage().maxRSS
  process.stdout.write(`BENCH_RESULT ${JSON.stringify({ ...result, maxRssKiB })}\n`)
}

if (!filePath || !sasUrl) {
  report({ error: 'usage: BENCH_SAS_URL=<url> node index.js <file>' })
  process.exit(2)
}

try {
  const { size } = await stat(filePath)
  const result = await uploadFile({
    sasUrl,
    filePath,
    size,
    transport: createTransport({ clock: systemClock }),
    log: line => process.stderr.write(`${line}\n`),
    clock: systemClock
  })
  report(result)
} catch (error) {
  report({ error: isPublishError(error) ? `${error.code}: ${error.message}` : String(error) })
  process.exitCode = 1
}
