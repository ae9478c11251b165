/**
 * Resolves the files a manifest names (a path or a glob that must match exactly one file) and
 * checks what can be checked locally: inside the repository, right extension, not empty, not too
 * large, and the content's first bytes (zip layout, NAVX, PNG size).
 */
import { open, realpath, stat, type FileHandle } from 'node:fs/promises'
import type { Stats } from 'node:fs'
import path from 'node:path'
import fg from 'fast-glob'
import type { ResolvedFile } from './model.js'
import type { ReleaseSource } from './release.js'
import { formatBytes, IMAGE_SIZES, textLength, type FileLimits } from './limits.js'
import { PNG_HEADER_BYTES, pngSize } from './png.js'
import type { CollectedProblem } from './problems.js'
import type { SourceRef } from '../errors.js'
import { describeUnreadable } from './fs-errors.js'
import { zipEntries, type ZipEntry } from './zip.js'

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
  const download = await release.downloadAsset(pattern, byteLimitOf(spec, ctx.limits))
  if (!download.ok) return failure(download.message, download.hint)
  const file = { path: download.path, name: download.name, shown: `release asset ${download.name}` }
  return checkFile(file, spec, source, ctx)
}

/** What a file that passed its checks was found to be, for a check's report. */
export function describeChecked(
  file: ResolvedFile,
  spec: FileKind,
  ctx: FileContext,
  text?: string
): string {
  const size = formatBytes(file.size)
  const what = ((): string => {
    switch (spec.kind) {
      case 'package':
        return `zip with ${REQUIRED_PACKAGE_ENTRIES.join(' and ')} at its root, ${size}`
      case 'bc-app':
        return `Business Central app (NAVX), ${size}`
      case 'bc-library':
        return `Business Central library (${path.extname(file.path).toLowerCase() === '.zip' ? 'zip' : 'NAVX'}), ${size}`
      case 'image': {
        const { width, height } = IMAGE_SIZES[spec.imageType]
        return `PNG ${width}x${height}, ${size}`
      }
      case 'text':
        return `UTF-8 text, ${textLength(text ?? '').toLocaleString('en-US')} characters`
    }
  })()
  return `${ctx.display(file.path)}: ${what}`
}

function failure(message: string, hint: string): FileResult {
  return { ok: false, problem: { message, hint } }
}

function byteLimitOf(spec: FileKind, limits: FileLimits): number {
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
  const limit = byteLimitOf(spec, ctx.limits)
  if (size > limit) {
    return failure(
      `${shown} is ${formatBytes(size)}, more than the ${formatBytes(limit)} allowed`,
      'Check that the right file is selected; a file this large is usually a build folder zipped by accident.'
    )
  }
  const file: ResolvedFile = { path: absolute, name, size, source }
  const contentProblem = await checkContent(absolute, size, spec, shown, ctx.limits.packageBytes)
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
      // A link that leads nowhere (a loop, a missing target) is no file to fast-glob: say so.
      const broken = await brokenLinks(pattern, ctx)
      if (broken) return broken
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
  let info: Stats
  try {
    info = await stat(absolute)
  } catch (error) {
    return describeUnreadable(absolute, error, file => ctx.display(file))
  }
  if (!info.isFile()) {
    return {
      message: `${ctx.display(absolute)} is a folder, not a file`,
      hint: 'Name one file, or a glob that matches one file.'
    }
  }
  return { path: absolute }
}

/** The entries a glob names that are links no file stands behind, described; undefined if none. */
async function brokenLinks(
  pattern: string,
  ctx: FileContext
): Promise<{ message: string; hint: string } | undefined> {
  const entries = await fg(pattern, {
    cwd: ctx.manifestDir,
    absolute: true,
    onlyFiles: false,
    followSymbolicLinks: false,
    dot: true
  })
  for (const entry of entries.sort()) {
    const error = await stat(entry).then(
      () => undefined,
      (e: unknown) => e
    )
    if (error) {
      const { message, hint } = await describeUnreadable(entry, error, file => ctx.display(file))
      return { message: `${pattern} matches no readable file: ${message}`, hint }
    }
  }
  return undefined
}

/** A problem, or for text files their content (undefined for other kinds when all is well). */
async function checkContent(
  file: string,
  size: number,
  spec: FileKind,
  shown: string,
  maxEntryBytes: number
): Promise<{ message: string; hint: string } | string | undefined> {
  let handle: FileHandle
  try {
    handle = await open(file, 'r')
  } catch (error) {
    return describeUnreadable(file, error, () => shown)
  }
  try {
    switch (spec.kind) {
      case 'package':
        return checkAzurePackage(await zipEntries(file), shown, maxEntryBytes)
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

/** `maxEntryBytes`: Partner Center takes files of up to 1 GB inside the zip too (limits.ts). */
function checkAzurePackage(entries: ZipEntry[] | undefined, shown: string, maxEntryBytes: number) {
  if (!entries) {
    return {
      message: `${shown} is not a readable zip file`,
      hint: 'Create the package with a zip tool; it must be a .zip archive.'
    }
  }
  const large = entries.find(entry => entry.size > maxEntryBytes)
  if (large) {
    return {
      message: `${shown} holds ${large.name}, ${formatBytes(large.size)} uncompressed, more than the ${formatBytes(maxEntryBytes)} Partner Center takes for one file of a package`,
      hint: 'Leave large files out of the package (download them at deployment instead).'
    }
  }
  const names = entries.map(entry => entry.name)
  const missing = REQUIRED_PACKAGE_ENTRIES.filter(name => !names.includes(name))
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
