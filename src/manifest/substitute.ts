/**
 * Replaces the placeholders (placeholder.ts) in every string of the parsed manifest. Runs before
 * the schema check so that patterns (plan versions, IDs) see the final values, and keeps the
 * tree's shape so that field paths still point at the right lines.
 */
import { formatField } from './field-path.js'
import {
  placeholdersIn,
  substitute,
  unknownExpressions,
  type PlaceholderName,
  type PlaceholderValues
} from './placeholder.js'
import type { ProblemList } from './problems.js'
import type { FieldPath, SourceDocument } from './source.js'

export interface Substituted {
  data: unknown
  /** Fields that still hold a placeholder because its value is not known. */
  unresolved: Set<string>
}

/** What a placeholder without a value means for a run that needs the values. */
const MISSING: Record<
  PlaceholderName,
  { message: string; hint: string; versionRequired: boolean }
> = {
  version: {
    message: 'no version is known',
    hint: 'Pass the `version` input (e.g. version: 1.2.3) or run on a pushed tag such as v1.2.3.',
    versionRequired: true
  },
  'release.notes': {
    message: 'this run has no GitHub release',
    hint: 'Run on a `release` event, or on a tag that has a GitHub release (the `github-token` must be able to read it), or remove the placeholder.',
    versionRequired: false
  }
}

/**
 * `required`: a placeholder without a value is a problem (publish). Otherwise (follow, list) it
 * only marks the field unresolved: those runs need no version and no release.
 */
export function substitutePlaceholders(
  source: SourceDocument,
  values: PlaceholderValues,
  problems: ProblemList,
  required = true
): Substituted {
  const unresolved = new Set<string>()
  const visitString = (text: string, path: FieldPath): string => {
    const field = formatField(path)
    for (const name of unknownExpressions(text)) {
      problems.add({
        field,
        source: source.locate(path),
        message: `unknown placeholder \${{ ${name} }} in ${field}`,
        hint: 'Only ${{ version }} and ${{ release.notes }} are replaced in a manifest; GitHub expressions are evaluated in workflow files only.'
      })
    }
    const missing = placeholdersIn(text).filter(name => values[name] === undefined)
    if (missing.length > 0) unresolved.add(field)
    if (required) {
      for (const name of new Set(missing)) {
        const { message, hint, versionRequired } = MISSING[name]
        problems.add({
          field,
          source: source.locate(path),
          message: `${field} uses \${{ ${name} }} but ${message}`,
          hint,
          versionRequired
        })
      }
    }
    return substitute(text, values)
  }
  return { data: visitStrings(source.data, [], visitString), unresolved }
}

/** The placeholders the manifest uses anywhere: a release is looked up only when one needs it. */
export function placeholdersUsed(data: unknown): Set<PlaceholderName> {
  const used = new Set<PlaceholderName>()
  visitStrings(data, [], text => {
    for (const name of placeholdersIn(text)) used.add(name)
    return text
  })
  return used
}

function visitStrings(
  value: unknown,
  path: FieldPath,
  visit: (text: string, path: FieldPath) => string
): unknown {
  if (typeof value === 'string') return visit(value, path)
  if (Array.isArray(value)) return value.map((item, i) => visitStrings(item, [...path, i], visit))
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, visitStrings(item, [...path, key], visit)])
    )
  }
  return value
}
