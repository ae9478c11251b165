// Runs one child process and measures its wall time and peak resident memory: with
// `/usr/bin/time -v` when the machine has it (GNU time reports the child's max RSS), else the
// wall time alone (the upload child then reports its own `process.resourceUsage().maxRSS`).
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { performance } from 'node:perf_hooks'

const GNU_TIME = '/usr/bin/time'
export const hasGnuTime = existsSync(GNU_TIME)

/**
 * Resolves with `{ code, wallMs, maxRssKiB?, stdout, stderr }` (stderr without time's report).
 * The child's stdout and stderr are collected, not shown.
 */
export function runMeasured(command, args, options = {}) {
  const [file, argv] = hasGnuTime ? [GNU_TIME, ['-v', command, ...args]] : [command, args]
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(file, argv, { ...options, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', chunk => (stdout += chunk))
    child.stderr.on('data', chunk => (stderr += chunk))
    child.once('error', reject)
    child.once('close', code => {
      const wallMs = performance.now() - started
      const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)
      const ownStderr = hasGnuTime ? stderr.split(/\n\s*Command being timed:/)[0] : stderr
      resolve({
        code,
        wallMs,
        maxRssKiB: rss ? Number(rss[1]) : undefined,
        stdout,
        stderr: ownStderr
      })
    })
  })
}
