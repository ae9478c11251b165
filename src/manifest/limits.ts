/**
 * Size caps checked before anything is uploaded. The Ingestion API documents none of them; these
 * are conservative values (a file above them is almost certainly a mistake, such as a build folder
 * zipped by accident) and can be overridden through `loadManifest`'s `limits` option.
 */
export interface FileLimits {
  /** Azure application .zip packages and Business Central .app/.zip files. */
  packageBytes: number
  /** Logos and screenshots. */
  imageBytes: number
  /** Description and terms-of-use files read into the listing. */
  textBytes: number
}

export const DEFAULT_LIMITS: FileLimits = {
  packageBytes: 1024 * 1024 * 1024,
  imageBytes: 10 * 1024 * 1024,
  textBytes: 1024 * 1024
}

/** Partner Center's logo sizes (ingestion-v1.md §3.5) and screenshot size. */
export const IMAGE_SIZES = {
  AzureLogoSmall: { width: 48, height: 48 },
  AzureLogoMedium: { width: 90, height: 90 },
  AzureLogoLarge: { width: 216, height: 216 },
  AzureLogoWide: { width: 255, height: 115 },
  AzureScreenshot: { width: 1280, height: 720 }
} as const

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 * 1024) return `${(bytes / 1024 ** 3).toFixed(1)} GiB`
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 ** 2).toFixed(1)} MiB`
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`
  return `${bytes} bytes`
}
