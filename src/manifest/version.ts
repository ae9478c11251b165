/**
 * The version being published: its accepted format, where it comes from when no input gives it
 * (a `v1.2.3` tag), and the four-part form Business Central apps need.
 */

/**
 * `1.2.3` or `1.2.3.4`, optionally with a pre-release suffix (`1.2.3-beta.1`). Partner Center
 * itself takes `X.Y.Z` package versions and `W.X.Y.Z` app versions; the suffix is accepted here so
 * that a pre-release tag can still drive fields that are free text, and is refused later by the
 * fields that need plain numbers.
 */
const VERSION = /^\d+\.\d+\.\d+(\.\d+)?(-[0-9A-Za-z][0-9A-Za-z.-]*)?$/

export const VERSION_FORMAT_HINT =
  'Use a version such as 1.2.3, 1.2.3.4 or 1.2.3-beta.1 (numbers separated by dots).'

export function isValidVersion(value: string): boolean {
  return VERSION.test(value)
}

/** `refs/tags/v1.2.3` or `refs/tags/1.2.3` → `1.2.3`; any other ref (branches, other tags) → undefined. */
export function versionFromRef(ref: string | undefined): string | undefined {
  const tag = ref?.match(/^refs\/tags\/v?(.+)$/)?.[1]
  return tag !== undefined && isValidVersion(tag) ? tag : undefined
}

/** `1.2.3` → `1.2.3.0`, `1.2.3.4` unchanged; undefined when there is a pre-release suffix. */
export function fourPartVersion(version: string): string | undefined {
  if (/^\d+\.\d+\.\d+\.\d+$/.test(version)) return version
  if (/^\d+\.\d+\.\d+$/.test(version)) return `${version}.0`
  return undefined
}
