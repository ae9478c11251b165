/**
 * Replaces `${{ version }}` in every string of the parsed manifest. Runs before the schema check so
 * that patterns (plan versions, IDs) see the final values, and keeps the tree's shape so that field
 * paths still point at the right lines.
 */
import { formatField } from './field-path.js'
import { hasVersionPlaceholder, substituteVersion, unknownExpressions } from './placeholder.js'
import type { ProblemList } from './problems.js'
import type { FieldPath, SourceDocument } from './source.js'

export interface Substituted {
  data: unknown
  /** Fields that still hold `${{ version }}` because no version is known. */
  unresolved: Set<string>
}

export function substitutePlaceholders(
  source: SourceDocument,
  version: string | undefined,
  problems: ProblemList
): Substituted {
  const unresolved = new Set<string>()
  const visit = (value: unknown, path: FieldPath): unknown => {
    if (typeof value === 'string') return visitString(value, path)
    if (Array.isArray(value)) return value.map((item, i) => visit(item, [...path, i]))
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value).map(([key, item]) => [key, visit(item, [...path, key])])
      )
    }
    return value
  }
  const visitString = (text: string, path: FieldPath): string => {
    const field = formatField(path)
    for (const name of unknownExpressions(text)) {
      problems.add({
        field,
        source: source.locate(path),
        message: `unknown placeholder \${{ ${name} }} in ${field}`,
        hint: 'Only ${{ version }} is replaced in a manifest; GitHub expressions are evaluated in workflow files only.'
      })
    }
    if (!hasVersionPlaceholder(text)) return text
    if (version !== undefined) return substituteVersion(text, version)
    unresolved.add(field)
    problems.add({
      field,
      source: source.locate(path),
      message: `${field} uses \${{ version }} but no version is known`,
      hint: 'Pass the `version` input (e.g. version: 1.2.3) or run on a pushed tag such as v1.2.3.',
      versionRequired: true
    })
    return text
  }
  return { data: visit(source.data, []), unresolved }
}
