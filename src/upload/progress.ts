/**
 * Progress lines for a long upload: percent, average MiB/s and ETA, at most one line per
 * interval, driven by byte counts (no timer, so a test clock that never advances prints nothing
 * and a finished upload leaves nothing running).
 */
import type { Clock } from '../clock.js'

const MiB = 1024 * 1024

export interface ProgressOptions {
  /** Prefix naming what is uploaded, e.g. `upload app.zip`. */
  label: string
  total: number
  clock: Clock
  intervalMs: number
  log: (line: string) => void
}

export interface Progress {
  /** `bytes` more have been transferred. */
  add(bytes: number): void
  /** Forget bytes counted by an attempt that is being repeated. */
  retract(bytes: number): void
  /** Elapsed milliseconds since the progress started. */
  elapsedMs(): number
}

export function createProgress(options: ProgressOptions): Progress {
  const { label, total, clock, intervalMs, log } = options
  const startedAt = clock.now()
  let lastLineAt = startedAt
  let done = 0

  const report = (now: number): void => {
    const seconds = (now - startedAt) / 1000
    const rate = seconds > 0 ? done / seconds : 0
    const percent = total > 0 ? Math.floor((done / total) * 100) : 100
    const eta = rate > 0 ? `, about ${formatSeconds((total - done) / rate)} left` : ''
    log(
      `${label}: ${percent}% (${formatMiB(done)} of ${formatMiB(total)}, ${formatRate(rate)}${eta})`
    )
  }

  return {
    add(bytes) {
      done = Math.min(total, done + bytes)
      const now = clock.now()
      if (done < total && now - lastLineAt >= intervalMs) {
        lastLineAt = now
        report(now)
      }
    },
    retract(bytes) {
      done = Math.max(0, done - bytes)
    },
    elapsedMs: () => clock.now() - startedAt
  }
}

export function formatMiB(bytes: number): string {
  return `${(bytes / MiB).toFixed(1)} MiB`
}

export function formatRate(bytesPerSecond: number): string {
  return `${(bytesPerSecond / MiB).toFixed(1)} MiB/s`
}

function formatSeconds(seconds: number): string {
  if (seconds < 90) return `${Math.ceil(seconds)} s`
  return `${Math.ceil(seconds / 60)} min`
}
