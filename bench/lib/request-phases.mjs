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

export function countPhases(entries) {
  const counts = Object.fromEntries(PHASES.map(phase => [phase, 0]))
  for (const entry of entries) {
    const phase = phaseOf(entry)
    if (phase) counts[phase]++
  }
  return counts
}

/** The action's own per-phase counts from its job summary, when the summary has them. */
export function countsFromSummary(summary) {
  const counts = {}
  for (const phase of PHASES) {
    const match = new RegExp(
      `<t[dh]>\\s*${phase}\\s*</t[dh]>\\s*<td>\\s*(\\d+)|\\|\\s*${phase}\\s*\\|\\s*(\\d+)`,
      'i'
    ).exec(summary)
    if (match) counts[phase] = Number(match[1] ?? match[2])
  }
  return Object.keys(counts).length === PHASES.length ? counts : undefined
}
