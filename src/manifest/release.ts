/**
 * What the manifest can take from the GitHub release the run is for: its notes
 * (`${{ release.notes }}`) and its assets (`package: { releaseAsset: 'app-*.zip' }`). Implemented
 * over the GitHub API in src/github/release.ts; the loader asks only when the manifest uses them.
 */
export interface ReleaseSource {
  /** The release's notes ('' when it has none); undefined when the run has no release. */
  notes(): Promise<string | undefined>
  /**
   * Downloads the one asset whose name matches the glob `pattern` to a local file, refusing an
   * asset larger than `maxBytes` before downloading it.
   */
  downloadAsset(pattern: string, maxBytes: number): Promise<AssetDownload>
}

export type AssetDownload =
  { ok: true; path: string; name: string } | { ok: false; message: string; hint: string }
