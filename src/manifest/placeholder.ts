/**
 * `${{ version }}` in manifest strings. The syntax mirrors GitHub expressions so that it reads
 * naturally in a repository, but only `version` exists: anything else in `${{ }}` is reported
 * rather than left in a file name or listing by accident.
 */

const ANY_EXPRESSION = /\$\{\{\s*([^}]*?)\s*\}\}/g
const VERSION_EXPRESSION = /\$\{\{\s*version\s*\}\}/g

/** True when the text contains `${{ version }}` (spaces optional). */
export function hasVersionPlaceholder(text: string): boolean {
  return new RegExp(VERSION_EXPRESSION.source).test(text)
}

/** Names inside `${{ }}` other than `version`, e.g. `github.sha`. */
export function unknownExpressions(text: string): string[] {
  return [...text.matchAll(ANY_EXPRESSION)].map(m => m[1]).filter(name => name !== 'version')
}

export function substituteVersion(text: string, version: string): string {
  return text.replace(VERSION_EXPRESSION, version)
}
