/** Human-readable sizes and durations for progress lines and the summary. */

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`
}

/** `mm:ss.t`, or `h:mm:ss` from an hour on. */
export function formatElapsed(ms: number): string {
  const totalSeconds = Math.max(0, ms) / 1000
  const hours = Math.floor(totalSeconds / 3600)
  const minutes = Math.floor((totalSeconds % 3600) / 60)
  const seconds = totalSeconds % 60
  if (hours > 0) return `${hours}:${pad(minutes)}:${pad(Math.floor(seconds))}`
  return `${pad(minutes)}:${seconds.toFixed(1).padStart(4, '0')}`
}

/** `42 s`, `3 min 5 s`, `2 h 1 min`. */
export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000)
  if (s < 60) return `${s} s`
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}
