/** A source reference as the annotation properties and the summary show it. */
import { isAbsolute, relative } from 'node:path'
import type { SourceRef } from '../errors.js'
import type { AnnotationProperties } from './sink.js'

export function relativeFile(file: string, workspace: string): string {
  if (!isAbsolute(file)) return file
  const rel = relative(workspace, file)
  return rel.startsWith('..') ? file : rel.split('\\').join('/')
}

export function annotationPlace(
  source: SourceRef | undefined,
  workspace: string
): AnnotationProperties {
  if (!source) return {}
  return {
    file: relativeFile(source.file, workspace),
    startLine: source.line,
    startColumn: source.column
  }
}

export function describePlace(source: SourceRef | undefined, workspace: string): string {
  if (!source) return ''
  const line = source.line ? `:${source.line}` : ''
  const column = source.line && source.column ? `:${source.column}` : ''
  return `${relativeFile(source.file, workspace)}${line}${column}`
}

/** `file:line:column` from annotation properties, or '' when they name no file. */
export function formatPlace(properties: AnnotationProperties | undefined): string {
  if (!properties?.file) return ''
  const line = properties.startLine ? `:${properties.startLine}` : ''
  const column = properties.startLine && properties.startColumn ? `:${properties.startColumn}` : ''
  return `${properties.file}${line}${column}`
}
