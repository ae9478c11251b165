/**
 * `${{ version }}` and `${{ release.notes }}` in manifest strings. The syntax mirrors GitHub
 * expressions so that it reads naturally in a repository, but only these names exist: anything
 * else in `${{ }}` is reported rather than left in a file name or listing by accident.
 */

/** The version being published, and the notes of the GitHub release the run is for. */
export const PLACEHOLDERS = ['version', 'release.notes'] as const
export type PlaceholderName = (typeof PLACEHOLDERS)[number]
/** A value per placeholder; a name without one stays in the text, unresolved. */
export type PlaceholderValues = Partial<Record<PlaceholderName, string>>

const EXPRESSION = /\$\{\{\s*([^}]*?)\s*\}\}/g

function isPlaceholder(name: string): name is PlaceholderName {
  return (PLACEHOLDERS as readonly string[]).includes(name)
}

/** The known placeholders the text uses (spaces inside the braces optional). */
export function placeholdersIn(text: string): PlaceholderName[] {
  return [...text.matchAll(EXPRESSION)].map(m => m[1]).filter(isPlaceholder)
}

/** Names inside `${{ }}` that are no placeholder, e.g. `github.sha`. */
export function unknownExpressions(text: string): string[] {
  return [...text.matchAll(EXPRESSION)].map(m => m[1]).filter(name => !isPlaceholder(name))
}

/**
 * Every placeholder that has a value, replaced in one pass: a value is never scanned again, so
 * release notes that mention `${{ version }}` keep it as written.
 */
export function substitute(text: string, values: PlaceholderValues): string {
  return text.replace(EXPRESSION, (whole, name: string) =>
    isPlaceholder(name) ? (values[name] ?? whole) : whole
  )
}
