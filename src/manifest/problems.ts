/**
 * Manifest problems are collected, not thrown one by one: a publisher fixing a manifest should see
 * every mistake of the file in one run, each at its line.
 */
import { PublishError, type SourceRef } from '../errors.js'

export interface ManifestProblem {
  message: string
  /** Field path such as `offers[0].plans[1].package`; '' for the whole file. */
  field: string
  source: SourceRef
  /** What to do about it, one sentence. */
  hint: string
}

/** A problem that only a known version would fix; reported as VERSION_REQUIRED when alone. */
export interface CollectedProblem extends ManifestProblem {
  versionRequired?: boolean
}

export class ProblemList {
  private readonly items: CollectedProblem[] = []

  add(problem: CollectedProblem): void {
    // One problem per field and message: a value can fail two rules that say the same thing.
    const duplicate = this.items.some(
      p => p.field === problem.field && p.message === problem.message
    )
    if (!duplicate) this.items.push(problem)
  }

  get size(): number {
    return this.items.length
  }

  /** Whether a problem was already reported at this field or inside it. */
  touches(field: string): boolean {
    return this.items.some(
      p => p.field === field || p.field.startsWith(`${field}.`) || p.field.startsWith(`${field}[`)
    )
  }

  /** Throws the collected problems as one error; returns when there are none. */
  throwIfAny(displayFile: string): void {
    if (this.items.length > 0) this.throwAll(displayFile)
  }

  /** Throws the collected problems as one error; the list must not be empty. */
  throwAll(displayFile: string): never {
    const sorted = withOneVersionProblem(this.items).sort(
      (a, b) =>
        (a.source.line ?? 0) - (b.source.line ?? 0) ||
        (a.source.column ?? 0) - (b.source.column ?? 0)
    )
    const problems: ManifestProblem[] = sorted.map(({ message, field, source, hint }) => ({
      message,
      field,
      source,
      hint
    }))
    const first = problems[0]
    const onlyVersion = sorted.every(p => p.versionRequired)
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`
    const summary = onlyVersion
      ? `${displayFile} needs a version: ${first.message}`
      : `${displayFile} has ${count}; first: ${where(first)} ${first.message}`
    throw new PublishError(onlyVersion ? 'VERSION_REQUIRED' : 'MANIFEST_INVALID', summary, {
      hint: first.hint,
      field: first.field,
      source: first.source,
      cause: problems
    })
  }
}

/**
 * A missing version is one cause, however many fields need the version: one problem, at the
 * first of them, that lists them all (one annotation instead of one per field).
 */
function withOneVersionProblem(items: readonly CollectedProblem[]): CollectedProblem[] {
  const needVersion = items
    .filter(p => p.versionRequired)
    .sort((a, b) => (a.source.line ?? 0) - (b.source.line ?? 0))
  if (needVersion.length < 2) return [...items]
  const fields = needVersion.map(p => `${p.field} (line ${p.source.line ?? '?'})`)
  const merged: CollectedProblem = {
    ...needVersion[0],
    message: `no version is known, and ${needVersion.length} fields need one: ${fields.join(', ')}`
  }
  return [merged, ...items.filter(p => !p.versionRequired)]
}

function where(problem: ManifestProblem): string {
  const { line, column } = problem.source
  const at = line === undefined ? '' : `line ${line}${column === undefined ? '' : `:${column}`}`
  return problem.field ? `${problem.field} (${at})` : `(${at})`
}
