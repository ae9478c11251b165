/**
 * Resume safety for packages: a package with the same file name (and type, and size when the
 * service reports one) left by an earlier attempt is reused instead of POSTing a duplicate.
 * Preference: Processed (nothing to do) over Uploaded/InProcessing (just wait) over PendingUpload
 * (upload to it again); the last one listed wins among equals, as the list is in creation order.
 *
 * A package whose bytes are already on the service is reused only when its file name carries the
 * version being published: the service gives no content hash (and often no size), so a name like
 * `app.zip` could hold last release's bytes, and publishing those would be far worse than one
 * unused duplicate package. A PendingUpload package is always fine: we upload our bytes into it.
 */
import type { Package, PackageResourceType } from '../ingestion/types.js'

const PREFERENCE = ['Processed', 'InProcessing', 'Uploaded', 'PendingUpload'] as const

export function findReusablePackage(
  packages: readonly Package[],
  file: { name: string; size: number },
  resourceType: PackageResourceType,
  version: string
): Package | undefined {
  const sameBuild = file.name.includes(version)
  const candidates = packages.filter(
    p =>
      p.resourceType === resourceType &&
      p.fileName === file.name &&
      (p.state === 'PendingUpload' ||
        (sameBuild && (typeof p.fileSize !== 'number' || p.fileSize === file.size)))
  )
  for (const state of PREFERENCE) {
    const found = candidates.filter(p => p.state === state).at(-1)
    if (found) return found
  }
  return undefined
}
