/** "Did you mean ...?" for misspelt field names and enum values. */

/**
 * The candidate closest to `word`, when it is close enough to be a likely typo: within
 * `maxDistance` edits, by default up to a third of the letters wrong (at least 2).
 */
export function nearest(
  word: string,
  candidates: readonly string[],
  maxDistance = Math.max(2, Math.floor(word.length / 3))
): string | undefined {
  let best: string | undefined
  let bestDistance = Infinity
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase())
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  // Up to a third of the letters wrong still reads as a typo; more is a different word.
  return bestDistance <= maxDistance ? best : undefined
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, substitution)
    }
    previous = current
  }
  return previous[b.length]
}
