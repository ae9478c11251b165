/**
 * Resume safety for packages: a package with the same file name (and type, and size when the
 * service reports one) left by an earlier attempt is reused instead of POSTing a duplicate.
 * Preference: Processed (nothing to do) over Uploaded/InProcessing (just wait) over PendingUpload
 * (upload to it again); the last one listed wins among equals, as the list is in creation order.
 */
import type { Package, PackageResourceType } from '../ingestion/types.js'

const PREFERENCE = ['Processed', 'InProcessing', 'Uploaded', 'PendingUpload'] as const

export function findReusablePackage(
  packages: readonly Package[],
  file: { name: string; size: number },
  resourceType: PackageResourceType
): Package | undefined {
  const candidates = packages.filter(
    p =>
      p.resourceType === resourceType &&
      p.fileName === file.name &&
      (typeof p.fileSize !== 'number' || p.state === 'PendingUpload' || p.fileSize === file.size)
  )
  for (const state of PREFERENCE) {
    const found = candidates.filter(p => p.state === state).at(-1)
    if (found) return found
  }
  return undefined
}
