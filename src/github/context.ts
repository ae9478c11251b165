/**
 * The GitHub context of the run as one typed object, from `@actions/github` (which reads the
 * runner's GITHUB_* variables and event payload once): the ref that may carry the version, what
 * links back to GitHub need, and the release or pull request the event is about.
 * Outside Actions (the CLI on a laptop) the optional fields are absent.
 */
import { context } from '@actions/github'

export interface GitHubContext {
  /** `refs/tags/v1.2.3`, `refs/heads/main`… */
  ref?: string
  /** The commit the run is for (GITHUB_SHA). */
  sha?: string
  eventName?: string
  /** `owner/name`. */
  repository?: string
  runId?: number
  /** `https://github.com`, or the GitHub Enterprise Server's. */
  serverUrl: string
  /** GITHUB_API_URL as the runner sets it (`https://api.github.com` when unset). */
  apiUrl: string
  /** The release of a `release` event, as its payload gives it. */
  release?: EventRelease
  /** The pull request of a `pull_request` or `pull_request_target` event. */
  pullRequest?: { number: number }
}

export interface EventRelease {
  id: number
  tagName: string
  /** The release notes (Markdown); '' when the release has none. */
  notes: string
}

export function githubContext(from: typeof context = context): GitHubContext {
  return {
    ref: from.ref || undefined,
    sha: from.sha || undefined,
    eventName: from.eventName || undefined,
    repository: repositoryOf(from),
    runId: Number.isInteger(from.runId) ? from.runId : undefined,
    serverUrl: from.serverUrl,
    apiUrl: from.apiUrl,
    release: releaseOf(from.payload),
    pullRequest: pullRequestOf(from)
  }
}

/** `context.repo` throws when neither GITHUB_REPOSITORY nor the event names a repository. */
function repositoryOf(from: typeof context): string | undefined {
  try {
    return `${from.repo.owner}/${from.repo.repo}`
  } catch {
    return undefined
  }
}

function releaseOf(payload: typeof context.payload): EventRelease | undefined {
  const release: unknown = payload?.release
  if (!release || typeof release !== 'object') return undefined
  const { id, tag_name: tagName, body } = release as Record<string, unknown>
  if (typeof id !== 'number' || typeof tagName !== 'string') return undefined
  return { id, tagName, notes: typeof body === 'string' ? body : '' }
}

function pullRequestOf(from: typeof context): { number: number } | undefined {
  if (from.eventName !== 'pull_request' && from.eventName !== 'pull_request_target')
    return undefined
  const number = from.payload?.pull_request?.number
  return typeof number === 'number' ? { number } : undefined
}
