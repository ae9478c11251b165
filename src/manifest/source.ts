/**
 * Parses the manifest text (YAML, or JSON which is read by the same parser) and keeps a map from
 * every field to its line and column, so that each problem can be annotated where it is.
 */
import { isMap, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml'
import { PublishError, type SourceRef } from '../errors.js'

export type FieldPath = (string | number)[]

export interface SourceDocument {
  file: string
  data: unknown
  /**
   * Where a field is: its key for `at: 'key'` (unknown fields), else its value. A path that does
   * not exist (a missing field) resolves to the nearest enclosing object that does.
   */
  locate(path: FieldPath, at?: 'key' | 'value'): SourceRef
}

/** Aliases could expand a small file into a huge object ("billion laughs"); a manifest needs few. */
const MAX_ALIAS_COUNT = 100

export function parseSource(text: string, file: string, displayFile: string): SourceDocument {
  const lineCounter = new LineCounter()
  const refAt = (offset: number): SourceRef => {
    const { line, col } = lineCounter.linePos(offset)
    return { file, line, column: col }
  }
  if (file.toLowerCase().endsWith('.json')) checkStrictJson(text, file, displayFile)
  const doc = parseDocument(text, {
    lineCounter,
    keepSourceTokens: true,
    uniqueKeys: true,
    prettyErrors: false
  })
  const error = doc.errors[0]
  if (error) syntaxError(error.message, refAt(error.pos[0]), displayFile)
  let data: unknown
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT })
  } catch (e) {
    syntaxError(
      e instanceof Error ? e.message : String(e),
      { file, line: 1, column: 1 },
      displayFile
    )
  }
  return {
    file,
    data,
    locate: (path, at = 'value') => {
      const offset = findOffset(doc, path, at)
      return offset === undefined ? { file, line: 1, column: 1 } : refAt(offset)
    }
  }
}

/** JSON files must be JSON: YAML would also accept comments and unquoted keys in them. */
function checkStrictJson(text: string, file: string, displayFile: string): void {
  try {
    JSON.parse(text)
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e)
    const lineCol = message.match(/line (\d+) column (\d+)/)
    const position = message.match(/position (\d+)/)
    let source: SourceRef = { file, line: 1, column: 1 }
    if (lineCol) source = { file, line: Number(lineCol[1]), column: Number(lineCol[2]) }
    else if (position) source = positionToRef(text, Number(position[1]), file)
    syntaxError(message.replace(/\s*\(line \d+ column \d+\)/, ''), source, displayFile)
  }
}

function positionToRef(text: string, position: number, file: string): SourceRef {
  const before = text.slice(0, position).split('\n')
  return { file, line: before.length, column: before[before.length - 1].length + 1 }
}

function syntaxError(message: string, source: SourceRef, displayFile: string): never {
  const firstLine = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')
  const problem = {
    message: firstLine,
    field: '',
    source,
    hint: 'Fix the syntax at this line; the rest of the file is checked once it parses.'
  }
  throw new PublishError(
    'MANIFEST_SYNTAX',
    `${displayFile}:${source.line}:${source.column}: ${firstLine}`,
    { hint: problem.hint, source, cause: [problem] }
  )
}

function findOffset(doc: Document, path: FieldPath, at: 'key' | 'value'): number | undefined {
  let node: Node | null | undefined = doc.contents
  let offset = node?.range?.[0]
  for (let i = 0; i < path.length && node; i++) {
    const segment = path[i]
    const last = i === path.length - 1
    if (isMap(node)) {
      const pair = node.items.find(p => keyText(p.key) === String(segment))
      if (!pair) break
      const key = pair.key as Node | null
      const value = pair.value as Node | null
      if (last && at === 'key') return key?.range?.[0] ?? offset
      offset = value?.range?.[0] ?? key?.range?.[0] ?? offset
      node = value
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as Node | null | undefined
      if (!item) break
      offset = item.range?.[0] ?? offset
      node = item
    } else break
  }
  return offset
}

function keyText(key: unknown): string | undefined {
  if (key && typeof key === 'object' && 'value' in key)
    return String((key as { value: unknown }).value)
  return key === null || key === undefined ? undefined : String(key)
}
