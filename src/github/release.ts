/**
 * The GitHub release a run is for, as the manifest can use it (manifest/release.ts): on a
 * `release` event the event's release; on a pushed tag, the release of that tag when there is
 * one. Its notes fill `${{ release.notes }}`; its assets can be packages
 * (`package: { releaseAsset: 'app-*.zip' }`), streamed to disk under RUNNER_TEMP with Octokit,
 * then checked like files of the repository. Nothing is asked of GitHub unless the manifest uses
 * one of them.
 */
import { createWriteStream } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream } from 'node:stream/web'
import { minimatch } from 'minimatch'
import { PublishError } from '../errors.js'
import { formatBytes } from '../manifest/limits.js'
import type { AssetDownload, ReleaseSource } from '../manifest/release.js'
import { statusOf, type GitHubApi } from './client.js'
import type { EventRelease, GitHubContext } from './context.js'

export interface ReleaseSourceOptions {
  context: Pick<GitHubContext, 'ref' | 'release'>
  /** Absent without a `github-token`: the event's notes still work, assets and tag lookups do not. */
  api?: GitHubApi
  /** Where assets are downloaded (RUNNER_TEMP). */
  tempDir: string
}

export function releaseSource(options: ReleaseSourceOptions): ReleaseSource {
  let found: Promise<EventRelease | undefined> | undefined
  const release = (): Promise<EventRelease | undefined> => (found ??= findRelease(options))
  return {
    notes: async () => (await release())?.notes,
    downloadAsset: async (pattern, maxBytes) => {
      const current = await release()
      if (!current) {
        return {
          ok: false,
          message: `the release asset ${pattern} is named, but this run has no GitHub release`,
          hint: 'Run on a `release` event, or on a tag that has a GitHub release, or name a file of the repository.'
        }
      }
      if (!options.api) {
        return {
          ok: false,
          message: `the release asset ${pattern} cannot be downloaded without a GitHub token`,
          hint: 'Leave `github-token` at its default (the job token) and grant `contents: read`.'
        }
      }
      return downloadAsset(options.api, current, pattern, maxBytes, options.tempDir)
    }
  }
}

async function findRelease(options: ReleaseSourceOptions): Promise<EventRelease | undefined> {
  if (options.context.release) return options.context.release
  const tag = options.context.ref?.match(/^refs\/tags\/(.+)$/)?.[1]
  if (!tag || !options.api) return undefined
  const { octokit, owner, repo } = options.api
  try {
    const { data } = await octokit.rest.repos.getReleaseByTag({ owner, repo, tag })
    return { id: data.id, tagName: data.tag_name, notes: data.body ?? '' }
  } catch (error) {
    if (statusOf(error) === 404) return undefined
    throw new PublishError(
      'HTTP_STATUS',
      `Could not read the GitHub release of tag ${tag}: ${failure(error)}.`,
      {
        status: statusOf(error),
        hint: 'The manifest uses the release (its notes or assets): grant the job `contents: read`, or run again if GitHub was unavailable.'
      }
    )
  }
}

async function downloadAsset(
  api: GitHubApi,
  release: EventRelease,
  pattern: string,
  maxBytes: number,
  tempDir: string
): Promise<AssetDownload> {
  const { octokit, owner, repo } = api
  const where = `release ${release.tagName}`
  let assets: { id: number; name: string; size: number }[]
  try {
    assets = await octokit.paginate(octokit.rest.repos.listReleaseAssets, {
      owner,
      repo,
      release_id: release.id,
      per_page: 100
    })
  } catch (error) {
    return {
      ok: false,
      message: `cannot list the assets of ${where}: ${failure(error)}`,
      hint: 'Grant the job `contents: read`, or run again if GitHub was unavailable.'
    }
  }
  const matches = assets.filter(a =>
    minimatch(a.name, pattern, { nocomment: true, nonegate: true })
  )
  if (matches.length !== 1) {
    const names = assets.map(a => a.name)
    return {
      ok: false,
      message:
        matches.length === 0
          ? `no asset of ${where} matches ${pattern}`
          : `${pattern} matches ${matches.length} assets of ${where} (${matches.map(a => a.name).join(', ')}); exactly one is needed`,
      hint: names.length
        ? `The release has: ${names.join(', ')}. Attach the package to the release before this job, or fix the pattern.`
        : 'The release has no assets: attach the package to the release before this job runs.'
    }
  }
  const asset = matches[0]
  if (asset.size > maxBytes) {
    return {
      ok: false,
      message: `the asset ${asset.name} of ${where} is ${formatBytes(asset.size)}, more than the ${formatBytes(maxBytes)} allowed`,
      hint: 'Check that the right asset is attached; a file this large is usually a build folder zipped by accident.'
    }
  }
  // Its own folder per release: the name stays the asset's (it is the fileName sent to Partner Center).
  const folder = path.join(tempDir, 'marketplace-release-assets', String(release.id))
  const file = path.join(folder, path.basename(asset.name))
  try {
    await mkdir(folder, { recursive: true })
    const reply = await octokit.rest.repos.getReleaseAsset({
      owner,
      repo,
      asset_id: asset.id,
      headers: { accept: 'application/octet-stream' },
      // The body as a stream (to disk as it arrives), not a buffer of the whole package.
      request: { parseSuccessResponseBody: false }
    })
    const body = reply.data as unknown as ReadableStream<Uint8Array>
    await pipeline(Readable.fromWeb(body), createWriteStream(file))
  } catch (error) {
    return {
      ok: false,
      message: `cannot download the asset ${asset.name} of ${where}: ${failure(error)}`,
      hint: 'Grant the job `contents: read`, or run again if GitHub was unavailable.'
    }
  }
  return { ok: true, path: file, name: asset.name }
}

/** The status, or what failed, without the request (whose headers hold the token). */
function failure(error: unknown): string {
  const status = statusOf(error)
  if (status !== undefined) return `GitHub answered ${status}`
  return error instanceof Error ? error.message : String(error)
}
