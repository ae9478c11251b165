/**
 * Why a path the manifest names cannot be read, in words that point at the fix: a loop of
 * symbolic links (the loop spelled out), a link to nothing, no permission, or nothing there.
 * "file not found" for a link loop sends people looking for a file that is right there.
 */
import { lstat, readlink } from 'node:fs/promises'
import path from 'node:path'

export interface Unreadable {
  message: string
  hint: string
  /** Nothing at all is there (no file, no link). */
  missing?: true
}

/** Links followed at most while spelling out a chain; Linux gives up (ELOOP) after 40. */
const MAX_LINKS = 40

/** `error` is what opening `file` threw; `shown` names a path for messages. */
export async function describeUnreadable(
  file: string,
  error: unknown,
  shown: (file: string) => string
): Promise<Unreadable> {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  if (code === 'ELOOP') {
    const chain = await linkChain(file)
    const loop = chain.length > 1 ? ` (${chain.map(shown).join(' → ')})` : ''
    return {
      message: `${shown(file)} is a loop of symbolic links${loop}`,
      hint: 'Point one of the links at the real file, or name the file itself in the manifest.'
    }
  }
  if (code === 'ENOENT') {
    const target = await readlink(file).catch(() => undefined)
    if (target !== undefined) {
      return {
        message: `${shown(file)} is a symbolic link to ${target}, which does not exist`,
        hint: 'Build the file the link points at before this step, or fix the link.'
      }
    }
    return {
      missing: true,
      message: `file not found: ${shown(file)}`,
      hint: 'Paths are relative to the manifest folder; build the file before this step or fix the path.'
    }
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return {
      message: `${shown(file)} cannot be read: permission denied`,
      hint: 'Give the job read access to the file (and its folders).'
    }
  }
  if (code === 'ENOTDIR') {
    return {
      message: `${shown(file)} cannot be found: a part of its path is a file, not a folder`,
      hint: 'Fix the path.'
    }
  }
  return {
    message: `${shown(file)} cannot be read${code ? ` (${code})` : ''}`,
    hint: 'Check that the path names a readable file.'
  }
}

/** `a → b → a`: the links from `file` until one repeats (or stops being a link). */
async function linkChain(file: string): Promise<string[]> {
  const chain = [file]
  let current = file
  for (let i = 0; i < MAX_LINKS; i++) {
    const info = await lstat(current).catch(() => undefined)
    if (!info?.isSymbolicLink()) break
    const target = path.resolve(path.dirname(current), await readlink(current))
    const repeated = chain.includes(target)
    chain.push(target)
    if (repeated) break
    current = target
  }
  return chain
}
