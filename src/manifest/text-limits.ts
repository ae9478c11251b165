/**
 * The text limits of limits.ts that the JSON Schema cannot check: text read from a file gets its
 * field's limit once read, and any string the table names no limit for gets OTHER_TEXT_LIMIT.
 */
import { formatField } from './field-path.js'
import { describeLimit, limitOf, OTHER_TEXT_LIMIT, textLength, type FieldLimit } from './limits.js'
import type { ProblemList } from './problems.js'
import type { FieldPath, SourceDocument } from './source.js'

/** `field` is where the text goes (`offers[0].listing.description`); `shown` names its file. */
export function fileTextProblem(
  text: string,
  field: string,
  shown: string
): { message: string; hint: string } | undefined {
  const limit = limitOf(field)
  if (!limit || !tooLong(text, limit)) return undefined
  return {
    message: `${shown} is ${count(text)} characters long; ${field}: ${describeLimit(limit)}`,
    hint: `Shorten the text of ${shown}.`
  }
}

/** Every string of the manifest that no table entry (and so no schema keyword) bounds. */
export function checkOtherText(
  data: unknown,
  source: SourceDocument,
  problems: ProblemList,
  skip: (field: string) => boolean
): void {
  const visit = (value: unknown, path: FieldPath): void => {
    if (typeof value === 'string') {
      const field = formatField(path)
      if (limitOf(field) || skip(field) || !tooLong(value, OTHER_TEXT_LIMIT)) return
      problems.add({
        field,
        source: source.locate(path),
        message: `${field || 'the manifest'} is ${count(value)} characters long; ${describeLimit(OTHER_TEXT_LIMIT)}`,
        hint: 'Shorten it: a value this long is almost always the wrong value (a file pasted in, or notes substituted twice).'
      })
    } else if (Array.isArray(value)) value.forEach((item, i) => visit(item, [...path, i]))
    else if (value !== null && typeof value === 'object')
      for (const [key, item] of Object.entries(value)) visit(item, [...path, key])
  }
  visit(data, [])
}

function tooLong(text: string, limit: FieldLimit): boolean {
  // Code points never outnumber UTF-16 units: only a long text needs counting.
  return text.length > limit.max && textLength(text) > limit.max
}

function count(text: string): string {
  return textLength(text).toLocaleString('en-US')
}
