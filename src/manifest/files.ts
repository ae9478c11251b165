/**
 * Resolves the files a manifest names (a path or a glob that must match exactly one file) and
 * checks what can be checked locally: inside the repository, right extension, not empty, not too
 * large, and the content's first bytes (zip layout, NAVX, PNG size).
 */
import { open, realpath, stat, type FileHandle } from 'node:fs/promises'
import path from 'node:path'
import fg from 'fast-glob'
import type { ResolvedFile } from './model.js'
import type { ReleaseSource } from './release.js'
import { formatBytes, IMAGE_SIZES, type FileLimits } from './limits.js'
import { PNG_HEADER_BYTES, pngSize } from './png.js'
import type { CollectedProblem } from './problems.js'
import type { SourceRef } from '../errors.js'
import { zipEntryNames } from './zip.js'

export type FileKind =
  | { kind: 'package' }
  | { kind: 'bc-app' }
  | { kind: 'bc-library' }
  | { kind: 'image'; imageType: keyof typeof IMAGE_SIZES }
  | { kind: 'text' }

export interface FileContext {
  manifestDir: string
  /** Real paths of the folders files may come from (the workspace and the manifest's folder). */
  roots: string[]
  limits: FileLimits
  /** Path for messages: relative to the workspace when inside it. */
  display(file: string): string
}

export type FileResult =
  | { ok: true; file: ResolvedFile; text?: string }
  | { ok: false; problem: Omit<CollectedProblem, 'field' | 'source'> }

const EXTENSIONS: Record<FileKind['kind'], string[]> = {
  package: ['.zip'],
  'bc-app': ['.app'],
  'bc-library': ['.app', '.zip'],
  image: ['.png'],
  text: []
}

const ZIP_MAGIC = Buffer.from('PK\x03\x04', 'latin1')
const NAVX_MAGIC = Buffer.from('NAVX', 'latin1')
/** Azure Application packages must have both at the zip's root (ingestion-v1.md §7, pitfall 4). */
const REQUIRED_PACKAGE_ENTRIES = ['mainTemplate.json', 'createUiDefinition.json']

export async function resolveFile(
  pattern: string,
  spec: FileKind,
  source: SourceRef,
  ctx: FileContext
): Promise<FileResult> {
  const found = await findOne(pattern, ctx)
  if ('message' in found) return failure(found.message, found.hint)
  const real = await realpath(found.path)
  if (!ctx.roots.some(root => real === root || real.startsWith(root + path.sep))) {
    return failure(
      `${pattern} resolves to ${real}, outside the repository`,
      'Keep the files the manifest names inside the workspace or the manifest folder (symbolic links included).'
    )
  }
  const file = { path: found.path, name: path.basename(found.path), shown: ctx.display(found.path) }
  return checkFile(file, spec, source, ctx)
}

/**
 * A package from an asset of the run's GitHub release: downloaded (refused first when larger than
 * the limit), then checked like a file of the repository.
 */
export async function resolveReleaseAsset(
  pattern: string,
  spec: FileKind,
  source: SourceRef,
  ctx: FileContext,
  release: ReleaseSource | undefined
): Promise<FileResult> {
  if (!release) {
    return failure(
      `the release asset ${pattern} is named, but this run has no GitHub release`,
      'Run on a `release` event or a tag that has a GitHub release (with a `github-token` that can read it), or name a file of the repository.'
    )
  }
  const download = await release.downloadAsset(pattern, limitOf(spec, ctx.limits))
  if (!download.ok) return failure(download.message, download.hint)
  const file = { path: download.path, name: download.name, shown: `release asset ${download.name}` }
  return checkFile(file, spec, source, ctx)
}

function failure(message: string, hint: string): FileResult {
  return { ok: false, problem: { message, hint } }
}

function limitOf(spec: FileKind, limits: FileLimits): number {
  if (spec.kind === 'image') return limits.imageBytes
  return spec.kind === 'text' ? limits.textBytes : limits.packageBytes
}

/**
 * What every file gets checked for, wherever it comes from: the extension, not empty, not too
 * large, and its first bytes. `name` is the file name Partner Center is sent; `shown` how messages
 * name it.
 */
async function checkFile(
  { path: absolute, name, shown }: { path: string; name: string; shown: string },
  spec: FileKind,
  source: SourceRef,
  ctx: FileContext
): Promise<FileResult> {
  const extensions = EXTENSIONS[spec.kind]
  const extension = path.extname(absolute).toLowerCase()
  if (extensions.length > 0 && !extensions.includes(extension)) {
    return failure(
      `${shown} has the extension "${extension || '(none)'}"; expected ${extensions.join(' or ')}`,
      `Point this field at a ${extensions.join(' or ')} file.`
    )
  }
  const { size } = await stat(absolute)
  if (size === 0)
    return failure(`${shown} is empty`, 'Build the file before publishing, or fix the path.')
  const limit = limitOf(spec, ctx.limits)
  if (size > limit) {
    return failure(
      `${shown} is ${formatBytes(size)}, more than the ${formatBytes(limit)} allowed`,
      'Check that the right file is selected; a file this large is usually a build folder zipped by accident.'
    )
  }
  const file: ResolvedFile = { path: absolute, name, size, source }
  const contentProblem = await checkContent(absolute, size, spec, shown)
  if (typeof contentProblem === 'object')
    return failure(contentProblem.message, contentProblem.hint)
  return { ok: true, file, text: contentProblem }
}

async function findOne(
  pattern: string,
  ctx: FileContext
): Promise<{ path: string } | { message: string; hint: string }> {
  // Globs use forward slashes on every platform; a literal path is taken as it is.
  if (fg.isDynamicPattern(pattern)) {
    const matches = (
      await fg(pattern, { cwd: ctx.manifestDir, absolute: true, onlyFiles: true, dot: true })
    ).sort()
    if (matches.length === 1) return { path: path.normalize(matches[0]) }
    if (matches.length === 0) {
      return {
        message: `no file matches ${pattern}`,
        hint: `Build the file before this step, or fix the glob (relative to ${ctx.display(ctx.manifestDir) || '.'}).`
      }
    }
    const shown = matches.slice(0, 5).map(m => ctx.display(m))
    return {
      message: `${pattern} matches ${matches.length} files (${shown.join(', ')}${matches.length > 5 ? ', ...' : ''}); exactly one is needed`,
      hint: 'Make the glob select one file, e.g. by putting ${{ version }} in the file name.'
    }
  }
  const absolute = path.resolve(ctx.manifestDir, pattern)
  const info = await stat(absolute).catch(() => undefined)
  if (!info) {
    return {
      message: `file not found: ${ctx.display(absolute)}`,
      hint: 'Paths are relative to the manifest folder; build the file before this step or fix the path.'
    }
  }
  if (!info.isFile()) {
    return {
      message: `${ctx.display(absolute)} is a folder, not a file`,
      hint: 'Name one file, or a glob that matches one file.'
    }
  }
  return { path: absolute }
}

/** A problem, or for text files their content (undefined for other kinds when all is well). */
async function checkContent(
  file: string,
  size: number,
  spec: FileKind,
  shown: string
): Promise<{ message: string; hint: string } | string | undefined> {
  const handle = await open(file, 'r')
  try {
    switch (spec.kind) {
      case 'package':
        return checkAzurePackage(await zipEntryNames(file), shown)
      case 'bc-app':
        return (await readAt(handle, 0, 4)).equals(NAVX_MAGIC)
          ? undefined
          : {
              message: `${shown} is not a Business Central app (it does not start with NAVX)`,
              hint: 'Point this field at the .app file produced by the AL compiler.'
            }
      case 'bc-library': {
        const head = await readAt(handle, 0, 4)
        const ok = file.toLowerCase().endsWith('.zip')
          ? head.equals(ZIP_MAGIC)
          : head.equals(NAVX_MAGIC)
        return ok
          ? undefined
          : {
              message: `${shown} is neither a Business Central .app nor a zip of them`,
              hint: 'Use one .app file, or a .zip that holds the library .app files.'
            }
      }
      case 'image': {
        const dimensions = pngSize(await readAt(handle, 0, PNG_HEADER_BYTES))
        const expected = IMAGE_SIZES[spec.imageType]
        if (!dimensions)
          return { message: `${shown} is not a PNG image`, hint: 'Save the image as PNG.' }
        if (dimensions.width !== expected.width || dimensions.height !== expected.height) {
          return {
            message: `${shown} is ${dimensions.width}x${dimensions.height} pixels; this image must be ${expected.width}x${expected.height}`,
            hint: `Resize the image to exactly ${expected.width}x${expected.height} pixels.`
          }
        }
        return undefined
      }
      case 'text': {
        const bytes = await readAt(handle, 0, size)
        try {
          const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
          if (text.trim() === '')
            return { message: `${shown} has no text`, hint: 'Write the text, or remove the field.' }
          return text
        } catch {
          return {
            message: `${shown} is not UTF-8 text`,
            hint: 'Save the file as UTF-8 (HTML or Markdown).'
          }
        }
      }
    }
  } finally {
    await handle.close()
  }
}

function checkAzurePackage(entries: string[] | undefined, shown: string) {
  if (!entries) {
    return {
      message: `${shown} is not a readable zip file`,
      hint: 'Create the package with a zip tool; it must be a .zip archive.'
    }
  }
  const missing = REQUIRED_PACKAGE_ENTRIES.filter(name => !entries.includes(name))
  if (missing.length === 0) return undefined
  return {
    message: `${shown} has no ${missing.join(' and no ')} at its root`,
    hint: 'Zip the files themselves, not the folder that holds them: mainTemplate.json and createUiDefinition.json must be at the root.'
  }
}

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length)
  const { bytesRead } = await handle.read(buffer, 0, length, position)
  return buffer.subarray(0, bytesRead)
}
