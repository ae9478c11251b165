// Sorts the emulator's request log (`GET /_emulator/requests`: method and path, never the query)
// into the phases the action counts: token, lookup, write, upload, poll.

export const PHASES = ['token', 'lookup', 'write', 'upload', 'poll']

/**
 * A GET of one package, image or submission by id is a poll (the action re-reads it while it
 * waits for a state); every other GET is a lookup. Any other method on the API is a write. A PUT
 * outside the API and Entra (the blob front's `/file/...`) is an upload.
 */
export function phaseOf({ method, path }) {
  const p = path.toLowerCase()
  if (p.startsWith('/_emulator')) return undefined
  if (p.includes('/oauth2/')) return 'token'
  if (p.includes('/v1.0/ingestion/')) {
    if (method !== 'GET') return 'write'
    return /\/(packages|images|submissions)\/[^/()]+$/.test(p) ? 'poll' : 'lookup'
  }
  return method === 'PUT' ? 'upload' : undefined
}

/** The emulator's request log, oldest first (`GET /_emulator/requests` returns the array). */
export function requestLog(emulator) {
  return emulator.admin('GET', '/requests')
}

export function countPhases(entries) {
  const counts = Object.fromEntries(PHASES.map(phase => [phase, 0]))
  for (const entry of entries) {
    const phase = phaseOf(entry)
    if (phase) counts[phase]++
  }
  return counts
}

/**
 * The action's own per-phase counts from its job summary (a Markdown table whose header row names
 * the phases and whose next data row holds the numbers), when the summary has one.
 */
export function countsFromSummary(summary) {
  const lines = summary.split('\n')
  const cells = line =>
    line
      .trim()
      .replace(/^\||\|$/g, '')
      .split('|')
      .map(c => c.trim().toLowerCase())
  for (let i = 0; i + 2 < lines.length; i++) {
    const header = cells(lines[i])
    if (!PHASES.every(phase => header.includes(phase))) continue
    const values = cells(lines[i + 2])
    const counts = Object.fromEntries(
      PHASES.map(phase => [phase, Number(values[header.indexOf(phase)])])
    )
    if (PHASES.every(phase => Number.isInteger(counts[phase]))) return counts
  }
  return undefined
}
