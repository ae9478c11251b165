// Small number helpers shared by the sections.

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

export const MiB = 1024 * 1024

export function ms(value) {
  return `${Math.round(value)} ms`
}

export function seconds(milliseconds) {
  return `${(milliseconds / 1000).toFixed(1)} s`
}

export function mib(bytes) {
  return `${(bytes / MiB).toFixed(bytes < 10 * MiB ? 2 : 0)} MiB`
}
